import Foundation
import ODOPMessages
import ODOPTesting
import Testing

/// docs/PROTOCOL.md shows the fixtures; this keeps the two from drifting apart.
@Suite("PROTOCOL.md")
struct ProtocolDocumentTests {
    static let fixtureNames = [
        "command-request", "reply-success", "reply-failure", "reply-failure-no-field", "command-error",
        "event-envelope", "heartbeat-envelope", "health-args", "health-result", "events-replay-args",
        "events-replay-result", "subscriptions-retry-args", "subscriptions-retry-result",
        "subscriptions-skip-args", "subscriptions-skip-result", "subscriptions-list-result",
        "subscriptions-resync-args", "subscriptions-resync-result", "backup-create-args", "backup-create-result",
        "command-request-traced", "event-envelope-traced", "events-trace-args", "events-trace-result",
        "audit-list-args", "audit-list-result",
    ]

    @Test func statesTheProtocolVersionAndHasAServicesSection() throws {
        let lines = try ProtocolDocument.text().split(separator: "\n").map(String.init)
        #expect(lines.contains("Protocol version 1"))
        #expect(lines.contains("## Services"))
        #expect(ProtocolDocument.jsonBlocks(in: try ProtocolDocument.generalPart()).count >= 10)
    }

    @Test func everyJSONExampleIsAFixture() throws {
        let fixtures = try Self.fixtureNames.map { try WireFormat.parse(Fixture.data($0)) }
        for block in ProtocolDocument.jsonBlocks(in: try ProtocolDocument.generalPart()) {
            let example = try WireFormat.parse(Data(block.utf8))
            #expect(fixtures.contains(example), "PROTOCOL.md example matches no fixture:\n\(block)")
        }
    }
}
