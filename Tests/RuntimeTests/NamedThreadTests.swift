import Foundation
import ODOPRuntime
import ODOPTesting
import Synchronization
import Testing

// The runtime's threads carry their names to the kernel (`NamedThread`), where `top -H`,
// `ps -L` and `perf` read them: /proc/<pid>/task/<tid>/comm.

@Suite("thread names", .timeLimit(.minutes(1)))
struct NamedThreadTests {
    /// The kernel names of this process's threads now.
    private func kernelThreadNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").compactMap { tid in
            try? String(contentsOfFile: "/proc/self/task/\(tid)/comm", encoding: .utf8)
                .trimmingCharacters(in: .newlines)
        }
    }

    @Test func aNameIsCutToFifteenBytesWithoutSplittingACharacter() {
        #expect(NamedThread.kernelName("commands") == "commands")
        #expect(NamedThread.kernelName("sub-catalogue") == "sub-catalogue")
        #expect(NamedThread.kernelName("fifteen-bytes-x") == "fifteen-bytes-x")
        #expect(NamedThread.kernelName("sixteen-bytes-xy") == "sixteen-bytes-x")
        // "का" and "री" are one character of 6 bytes each: 6 + 6 fits in 15, 6 + 6 + 6 does not.
        #expect(NamedThread.kernelName("odop: कारीगर") == "odop: का")
        #expect(NamedThread.kernelName("odop: कारीगर").utf8.count <= NamedThread.kernelNameLimit)
    }

    @Test func aStartedThreadCarriesItsNameToTheKernel() throws {
        let seen = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        NamedThread.start("odop-test-named-thread") {
            let comm = try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)
            seen.withLock { $0 = comm?.trimmingCharacters(in: .newlines) }
            done.signal()
        }
        done.wait()
        #expect(seen.withLock { $0 } == "odop-test-named")
    }

    /// Foundation names a thread for the kernel only if the thread names itself after its parent
    /// recorded its handle: started at once, many threads win that race, and each must still
    /// read its own name back.
    @Test func everyThreadOfManyStartedAtOnceCarriesItsName() throws {
        let count = 64
        let seen = Mutex<[Int: String]>([:])
        let done = DispatchSemaphore(value: 0)
        for index in 0..<count {
            NamedThread.start("odop-many-\(index)") {
                let comm = try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)
                seen.withLock { $0[index] = comm?.trimmingCharacters(in: .newlines) ?? "-" }
                done.signal()
            }
        }
        for _ in 0..<count { done.wait() }
        let names = seen.withLock { $0 }
        let wrong = (0..<count).filter { names[$0] != "odop-many-\($0)" }.map { "\($0): \(names[$0] ?? "-")" }
        #expect(wrong.isEmpty, "threads without their name: \(wrong)")
    }

    @Test func aRunningServiceNamesItsThreadsByRole() async throws {
        let service = try InProcessService(GroupedService())
        defer { Task { await service.stop() } }
        _ = try service.health()
        let names = try kernelThreadNames()
        for role in ["commands", "publisher", "cmd-write", "cmd-read-1", "cmd-read-2", "cmd-plain-1"] {
            #expect(names.contains(role), "no thread named \(role) among \(names.sorted())")
        }
    }
}
