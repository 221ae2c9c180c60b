import Foundation
import ODOPMessages
import Testing

/// docs/PROTOCOL.md shows the fixtures; this keeps the two from drifting apart.
@Suite("PROTOCOL.md")
struct ProtocolDocumentTests {
    static let fixtureNames = [
        "command-request", "reply-success", "reply-failure", "reply-failure-no-field", "command-error",
        "event-envelope", "heartbeat-envelope", "health-args", "health-result", "events-replay-args",
        "events-replay-result", "subscriptions-retry-args", "subscriptions-retry-result",
        "subscriptions-skip-args", "subscriptions-skip-result", "subscriptions-list-result",
    ]

    static func text() throws -> String {
        let document = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/PROTOCOL.md")
        return try String(contentsOf: document, encoding: .utf8)
    }

    /// The ```json blocks of the general part (before `## Services`).
    static func generalJSONBlocks() throws -> [String] {
        let text = try text()
        let general = text.components(separatedBy: "\n## Services").first ?? text
        var blocks: [String] = []
        var current: [String]?
        for line in general.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed == "```json" {
                current = []
            } else if current != nil, trimmed == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current!.append(String(line))
            }
        }
        return blocks
    }

    @Test func statesTheProtocolVersionAndHasAServicesSection() throws {
        let lines = try Self.text().split(separator: "\n").map(String.init)
        #expect(lines.contains("Protocol version 1"))
        #expect(lines.contains("## Services"))
        #expect(try Self.generalJSONBlocks().count >= 10)
    }

    @Test func everyJSONExampleIsAFixture() throws {
        let fixtures = try Self.fixtureNames.map { try WireFormat.parse(Fixture.data($0)) }
        for block in try Self.generalJSONBlocks() {
            let example = try WireFormat.parse(Data(block.utf8))
            #expect(fixtures.contains(example), "PROTOCOL.md example matches no fixture:\n\(block)")
        }
    }
}
