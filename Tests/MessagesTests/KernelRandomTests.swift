import Foundation
import ODOPMessages
import Synchronization
import Testing

/// `KernelRandom` hands out the kernel's bytes from a shared buffer: from many threads at once,
/// over many refills, no value may be handed out twice and the bits must look random.
@Suite("KernelRandom")
struct KernelRandomTests {
    @Test("values drawn by 8 threads at once, over many refills of the buffer, are all distinct")
    func distinctAcrossThreads() async {
        let perTask = 4_000  // 8 × 4,000 × 2 values: 125 refills of 512
        let all = await withTaskGroup(of: [UInt64].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var values: [UInt64] = []
                    values.reserveCapacity(perTask * 2)
                    for index in 0..<perTask {
                        if index.isMultiple(of: 2) {
                            let (high, low) = KernelRandom.next128()
                            values += [high, low]
                        } else {
                            var generator = KernelRandom()
                            values += [generator.next(), generator.next()]
                        }
                    }
                    return values
                }
            }
            var all: [UInt64] = []
            for await values in group { all += values }
            return all
        }
        #expect(all.count == 8 * perTask * 2)
        #expect(Set(all).count == all.count)
    }

    @Test("every bit position is set in 45–55 % of 20,000 values (a stuck or repeated buffer fails)")
    func bitsAreBalanced() {
        var ones = [Int](repeating: 0, count: 64)
        let count = 20_000
        var generator = KernelRandom()
        for _ in 0..<count {
            let value = generator.next()
            for bit in 0..<64 where value & (1 << UInt64(bit)) != 0 { ones[bit] += 1 }
        }
        // σ is 0.35 % of 20,000 draws: 5 % either side is over 14 σ.
        #expect(ones.allSatisfy { (9_000...11_000).contains($0) }, "\(ones)")
    }

    @Test("usable wherever a RandomNumberGenerator is taken")
    func generatorProtocol() {
        var generator = KernelRandom()
        let draws = (0..<1_000).map { _ in Int.random(in: 0..<10, using: &generator) }
        #expect(Set(draws) == Set(0..<10))
    }
}
