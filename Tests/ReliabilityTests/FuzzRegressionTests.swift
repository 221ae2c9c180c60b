import Foundation
import ODOPMessages
import ODOPTesting
import Testing

/// Every input the fuzzer keeps (its corpus, Tools/fuzz/corpus) and every crash it ever found
/// (Tools/fuzz/crashes), replayed through the normal decoders: none may trap. A crash found by
/// Tools/fuzz/fuzz.sh stays in Tools/fuzz/crashes for good, so this test fails until it is fixed.
@Suite("fuzzer regressions")
struct FuzzRegressionTests {
    static let folders = ["Tools/fuzz/crashes", "Tools/fuzz/corpus"].map { TestEnvironment.packageRoot.appendingPathComponent($0) }

    @Test("every kept fuzz input and crash decodes to a value or an error")
    func replayKeptInputs() throws {
        var replayed = 0
        for folder in Self.folders {
            let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
            for file in files where !file.lastPathComponent.hasPrefix(".") {
                let data = try Data(contentsOf: file)
                FuzzInput.run(data)
                // And through every command's argument decoding, whatever its first byte says.
                if let args = try? WireFormat.parse(data) {
                    for target in FuzzTargets.decoders { _ = try? target.decode(args) }
                }
                replayed += 1
            }
        }
        #expect(replayed > 100, "the corpus is in the repository")
    }

    @Test("the harness decodes every command schema of Shared/Messages (Tools/fuzz/list-schemas.sh is current)")
    func everySchemaIsFuzzed() throws {
        let messages = TestEnvironment.packageRoot.appendingPathComponent("Shared/Messages")
        var declared = Set<String>()
        let files = FileManager.default.enumerator(at: messages, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            let pattern = try Regex(#"(?:enum|struct) ([A-Za-z]+): CommandSchema"#)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { declared.insert(String(name)) }
            }
        }
        #expect(declared.count == FuzzTargets.decoders.count, "run Tools/fuzz/list-schemas.sh")
        #expect(Set(FuzzTargets.decoders.map(\.name)).count == FuzzTargets.decoders.count)
    }

    @Test("random short inputs through the same path")
    func sweep() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<64, using: &generator)
            FuzzInput.run(Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        }
    }
}
