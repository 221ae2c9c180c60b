import Foundation
import ODOPMessages
import ODOPTesting
import Testing

@testable import Notifications

/// docs/PROTOCOL.md's `### notifications` section against the service: the request examples are
/// read by the Swift types and written back identically, the documented refusal is what the
/// service answers, and the documented webhook body is what the service renders and signs for
/// that event.
@Suite("PROTOCOL.md, notifications section, against the service", .serialized)
struct ProtocolSectionTests {
    static func examples() throws -> [JSONValue] {
        try ProtocolDocument.jsonBlocks(in: try ProtocolDocument.section("notifications")).map { try WireFormat.parse(Data($0.utf8)) }
    }

    static func roundTrip<T: Codable>(_ type: T.Type, _ value: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let again = try WireFormat.parse(try WireFormat.encode(try WireFormat.decode(type, from: value)))
        #expect(again == value, "\(T.self) does not write back the documented JSON", sourceLocation: sourceLocation)
    }

    @Test func requestExamplesAreReadAndWrittenBack() throws {
        let requests = try Self.examples().filter { $0["command"] != nil }
        #expect(requests.count >= 3)
        for request in requests {
            let args = try #require(request["args"])
            switch request["command"]?.stringValue {
            case SubscriptionCreate.name:
                _ = try SubscriptionCreate.decodeArguments(args)
                try Self.roundTrip(SubscriptionCreate.Arguments.self, args)
            case DeliveryRetry.name:
                _ = try DeliveryRetry.decodeArguments(args)
                try Self.roundTrip(DeliveryRetry.Arguments.self, args)
            default:
                Issue.record("an example request of an unexpected command: \(request)")
            }
        }
    }

    @Test func theDocumentedRefusalIsTheServicesReply() async throws {
        let harness = try NotificationsHarness(
            settings: {
                var settings = NotificationsHarness.settings()
                settings.addressPolicy = AddressPolicy(allowance: .none)
                return settings
            }())
        let examples = try Self.examples()
        let request = try #require(examples.first { $0["id"]?.stringValue == "req-7f3b" && $0["command"] != nil })
        let documented = try #require(examples.first { $0["id"]?.stringValue == "req-7f3b" && $0["ok"] != nil })
        let reply = try harness.client().exchange(try WireFormat.encode(request))
        #expect(try WireFormat.parse(reply) == documented)
        await harness.stop()
    }

    @Test func theDocumentedBodyIsWhatTheServiceSends() throws {
        let body = try #require(try Self.examples().first { $0["data"]?["event"] != nil && $0["data"]?["message"] != nil })
        let event = try WireFormat.decode(EventEnvelope.self, from: try #require(body["data"]?["event"]))
        let language = try #require(MessageLanguage(rawValue: body["data"]?["message"]?["language"]?.stringValue ?? ""))
        let rendered = try WebhookBody.encode(event, message: MessageRenderer().render(event, language: language))
        #expect(try WireFormat.parse(rendered) == body)
    }
}
