import Foundation
import ODOPMessages
import ODOPTesting
import Testing

/// Golden fixtures `Fixtures/notifications-*.json` for the notifications records, commands and
/// events (Shared/Messages/Notifications): each reads into its Swift type and writes back as
/// the same JSON, and the key ones equal samples built in Swift. docs/PROTOCOL.md's
/// `### notifications` section shows them.
@Suite("Notifications golden fixtures")
struct NotificationsGoldenTests {
    static func fixture(_ name: String) throws -> JSONValue { try WireFormat.parse(Fixture.data(name)) }

    /// Reads the fixture as `T` and writes it back: the same JSON.
    static func roundTrip<T: Codable>(_ type: T.Type, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let value = try fixture(name)
        let decoded = try WireFormat.decode(type, from: value)
        #expect(
            try WireFormat.parse(try WireFormat.encode(decoded)) == value, "\(name) does not write back as itself",
            sourceLocation: sourceLocation)
    }

    static let subscription = NotificationSubscription(
        id: "sub_3k9x7m2q8r4t6v1w5y0z2a4c6e", recipient: Recipient(name: "DEPC Agra", role: "DEPC member"), channel: .webhook,
        target: "https://depc-agra.example.in/odop/webhook",
        filter: SubscriptionFilter(types: ["exports.plan.", "exports.figures."], states: ["UP"]), language: .hi, mode: .immediate,
        digestAt: nil, ordered: true, status: .active, disabledReason: nil, rotating: false,
        createdAt: "2026-11-23T07:05:01.000Z", updatedAt: "2026-11-23T07:05:01.000Z", version: 1)

    @Test func records() throws {
        try assertGolden(Self.subscription, fixture: "notifications-subscription-record")
        try Self.roundTrip(NotificationSubscription.self, "notifications-subscription-record-digest")
        try Self.roundTrip(NotificationDelivery.self, "notifications-delivery-record")
        try Self.roundTrip(NotificationDelivery.self, "notifications-delivery-record-dead")
        try Self.roundTrip(NotificationDelivery.self, "notifications-delivery-record-digest")
        let dead = try WireFormat.decode(NotificationDelivery.self, from: try Self.fixture("notifications-delivery-record-dead"))
        #expect(dead.status == .dead && dead.nextAttemptAt == nil && dead.lastStatus == 500)
    }

    @Test func theSecretIsShownOnceAndNullOnARetry() throws {
        try assertGolden(
            SubscriptionWithSecret(subscription: Self.subscription, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
            fixture: "notifications-subscription-create-result")
        let retried = try Self.fixture("notifications-subscription-create-retried-reply")
        #expect(retried["result"]?["secret"] == .null, "a retried create writes secret: null")
        #expect(
            try WireFormat.parse(try WireFormat.encode(SubscriptionWithSecret(subscription: Self.subscription, secret: nil)))["secret"]
                == .null)
        // Records never carry a secret.
        for name in ["notifications-subscription-record", "notifications-subscription-record-digest"] {
            #expect(try Self.fixture(name)["secret"] == nil)
        }
    }

    @Test func commands() throws {
        try Self.roundTrip(SubscriptionCreate.Arguments.self, "notifications-subscription-create-args")
        try Self.roundTrip(SubscriptionCreate.Result.self, "notifications-subscription-create-result")
        try Self.roundTrip(SubscriptionSecretRotate.Arguments.self, "notifications-subscription-secret-rotate-args")
        try Self.roundTrip(SubscriptionSecretRotate.Result.self, "notifications-subscription-secret-rotate-result")
        try Self.roundTrip(SubscriptionUpdate.Arguments.self, "notifications-subscription-update-args")
        try Self.roundTrip(SubscriptionList.Arguments.self, "notifications-subscription-list-args")
        try Self.roundTrip(SubscriptionList.Result.self, "notifications-subscription-list-result")
        try Self.roundTrip(SubscriptionDelete.Result.self, "notifications-subscription-delete-result")
        try Self.roundTrip(DeliveriesList.Arguments.self, "notifications-deliveries-list-args")
        try Self.roundTrip(DeliveriesList.Result.self, "notifications-deliveries-list-result")
        try Self.roundTrip(DeliveriesRetry.Arguments.self, "notifications-deliveries-retry-args")
        try Self.roundTrip(DeliveriesRetry.Result.self, "notifications-deliveries-retry-result")
        try Self.roundTrip(DeliveriesReplay.Arguments.self, "notifications-deliveries-replay-args")
        try Self.roundTrip(DeliveriesReplay.Result.self, "notifications-deliveries-replay-result")
        for name in [
            "notifications-subscription-create-args", "notifications-deliveries-retry-args", "notifications-deliveries-replay-args",
            "notifications-subscription-update-args",
        ] {
            #expect(throws: Never.self, "\(name) passes validation") {
                switch name {
                case "notifications-subscription-create-args": _ = try SubscriptionCreate.decodeArguments(try Self.fixture(name))
                case "notifications-deliveries-retry-args": _ = try DeliveriesRetry.decodeArguments(try Self.fixture(name))
                case "notifications-deliveries-replay-args": _ = try DeliveriesReplay.decodeArguments(try Self.fixture(name))
                default: _ = try SubscriptionUpdate.decodeArguments(try Self.fixture(name))
                }
            }
        }
    }

    @Test func frames() throws {
        for name in [
            "notifications-subscription-create-request", "notifications-subscription-create-forbidden-request",
            "notifications-delivery-retry-request",
        ] {
            let request = try CommandRequest.parse(Fixture.data(name)).get()
            #expect(try WireFormat.parse(try request.encoded()) == (try Self.fixture(name)), "\(name)")
        }
        for name in [
            "notifications-subscription-create-reply", "notifications-subscription-create-retried-reply",
            "notifications-subscription-create-forbidden-reply", "notifications-delivery-retry-reply",
        ] {
            let reply = try CommandReply.parse(Fixture.data(name))
            #expect(try WireFormat.parse(try reply.encoded()) == (try Self.fixture(name)), "\(name)")
        }
        let refused = try CommandReply.parse(Fixture.data("notifications-subscription-create-forbidden-reply"))
        #expect(
            throws: CommandError.invalidArgument(
                "target: 10.0.0.7 is a private address, which this deployment does not allow", field: "target")
        ) {
            try SubscriptionCreate.decodeResult(refused)
        }
    }

    @Test func events() throws {
        let sent = try WireFormat.decode(EventEnvelope.self, from: try Self.fixture("notifications-event-delivery-sent"))
        #expect(sent.type == DeliverySent.eventType)
        #expect(try WireFormat.parse(try WireFormat.encode(try sent.decodeData(DeliverySent.self))) == sent.data)
        let dead = try WireFormat.decode(EventEnvelope.self, from: try Self.fixture("notifications-event-delivery-dead"))
        #expect(dead.type == DeliveryDead.eventType)
        #expect(try WireFormat.parse(try WireFormat.encode(try dead.decodeData(DeliveryDead.self))) == dead.data)
        let disabled = try WireFormat.decode(EventEnvelope.self, from: try Self.fixture("notifications-event-subscription-disabled"))
        #expect(disabled.type == SubscriptionDisabled.eventType)
        #expect(try disabled.decodeData(SubscriptionDisabled.self).reason == .failing)
        #expect(try WireFormat.parse(try WireFormat.encode(try disabled.decodeData(SubscriptionDisabled.self))) == disabled.data)
        for name in ["notifications-event-delivery-sent", "notifications-event-delivery-dead", "notifications-event-subscription-disabled"]
        {
            #expect(
                try WireFormat.parse(try WireFormat.encode(try WireFormat.decode(EventEnvelope.self, from: try Self.fixture(name))))
                    == (try Self.fixture(name)))
        }
    }
}

/// The notifications service's public names, as docs/PROTOCOL.md lists them.
enum NotificationsCommandNames {
    static let all = [
        SubscriptionCreate.name, SubscriptionGet.name, SubscriptionList.name, SubscriptionUpdate.name, SubscriptionPause.name,
        SubscriptionResume.name, SubscriptionDelete.name, SubscriptionSecretRotate.name, SubscriptionTest.name,
        DeliveriesList.name, DeliveryGet.name, DeliveryRetry.name, DeliverySkip.name, DeliveriesRetry.name, DeliveriesReplay.name,
    ]
    static let events = [DeliverySent.eventType, DeliveryDead.eventType, SubscriptionDisabled.eventType]
}
