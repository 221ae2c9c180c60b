import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

@testable import Notifications

/// Deliveries to a real HTTP receiver on loopback, from events of a real (stub) upstream.
@Suite("Webhook deliveries", .serialized)
struct WebhookDeliveryTests {
    @Test func aDeliveryVerifiesAndItsBodyIsTheSignedBytes() async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        let harness = try NotificationsHarness()
        let created = try harness.createWebhook(receiver.url)
        let secret = try #require(created.secret)
        #expect(secret.hasPrefix("whsec_"))
        let eventIds = try harness.emitFigures(1)
        try await eventuallyAsync("one request") { receiver.requests.count == 1 }
        let request = receiver.requests[0]
        try StandardWebhooksVerifier.verify(secret: secret, headers: request.header, body: request.body)
        #expect(request.header("webhook-id") == DeliveryIdentity.webhookId(eventId: eventIds[0], subscriptionId: created.subscription.id))
        #expect(request.header("content-type") == "application/json")
        var changed = request.body
        changed[changed.startIndex + 10] ^= 0x01
        #expect(throws: StandardWebhooksVerifier.Failure.noMatchingSignature) {
            try StandardWebhooksVerifier.verify(secret: secret, headers: request.header, body: changed)
        }
        #expect(throws: StandardWebhooksVerifier.Failure.noMatchingSignature) {
            try StandardWebhooksVerifier.verify(secret: WebhookSignature.newSecret(), headers: request.header, body: request.body)
        }
        let body = try WireFormat.parse(request.body)
        #expect(body["type"]?.stringValue == "exports.figures.recorded")
        #expect(body["data"]?["event"]?["id"]?.stringValue == eventIds[0])
        #expect(body["data"]?["message"]?["text"]?.stringValue?.contains("₹1,71,000 crore") == true)
        try await eventuallyAsync("sent") { try harness.deliveries().first?.status == .sent }
        await harness.stop()
    }

    @Test func duringARotationBothSignaturesVerify() async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        let harness = try NotificationsHarness()
        let created = try harness.createWebhook(receiver.url)
        let rotated = try harness.client().call(SubscriptionSecretRotate.self, .init(id: created.subscription.id))
        let old = try #require(created.secret)
        let new = try #require(rotated.secret)
        #expect(old != new && rotated.subscription.rotating)
        try harness.emitFigures(1)
        try await eventuallyAsync("one request") { receiver.requests.count == 1 }
        let request = receiver.requests[0]
        #expect(request.header("webhook-signature")?.split(separator: " ").count == 2)
        try StandardWebhooksVerifier.verify(secret: old, headers: request.header, body: request.body)
        try StandardWebhooksVerifier.verify(secret: new, headers: request.header, body: request.body)
        // Neither reply with a secret was stored durably, and the secret is never shown again.
        let stored = try harness.service.host.store.read { db in
            try String.fetchAll(db, sql: "SELECT CAST(reply AS TEXT) FROM odop_command_replies")
        }
        #expect(!stored.contains { $0.contains(old) || $0.contains(new) })
        let shown = try harness.client().call("subscription.get", args: .object(["id": .string(created.subscription.id)]))
        #expect(shown["secret"] == nil)

        // The audit trail has the secret set and rotated, by the command's request, and never a secret.
        let entries = try harness.client().call(AuditList.self, .init(subject: created.subscription.id))
        let actions = entries.items.filter { $0.action.hasPrefix("webhook.") }
        #expect(actions.map(\.action) == ["webhook.secret-set", "webhook.secret-rotated"], "\(entries)")
        #expect(actions.allSatisfy { $0.who == "-" && $0.requestId != nil && $0.command?.hasPrefix("subscription.") == true })
        let trail = try harness.service.host.store.read { db in
            try String.fetchAll(db, sql: "SELECT coalesce(before, '') || coalesce(after, '') || coalesce(details, '') FROM odop_audit")
        }
        #expect(!trail.isEmpty && !trail.contains { $0.contains(old) || $0.contains(new) || $0.contains("whsec_") }, "\(trail)")
        await harness.stop()
    }

    @Test func aRetriedCreateAfterARestartAnswersWithoutTheSecret() async throws {
        let harness = try NotificationsHarness()
        let request = try SubscriptionCreate.request(
            id: "create-once",
            arguments: .init(
                recipient: Recipient(name: "SEPC", role: "SEPC"), channel: "webhook", target: "http://127.0.0.1:9/hook",
                filter: SubscriptionFilter(types: ["exports."])))
        let first = try SubscriptionCreate.decodeResult(try harness.client().send(request))
        #expect(first.secret != nil)
        try await harness.restart()
        let again = try SubscriptionCreate.decodeResult(try harness.client().send(request))
        #expect(again.secret == nil)
        #expect(again.subscription.id == first.subscription.id)
        #expect(try harness.client().call(SubscriptionList.self, .init()).total == 1)
        await harness.stop()
    }

    @Test func aReceiverThatFailsThreeTimesGetsOneSuccessWithOneId() async throws {
        let receiver = try WebhookReceiver { request in request.index < 3 ? .status(500) : .ok }
        defer { receiver.stop() }
        let harness = try NotificationsHarness(settings: NotificationsHarness.settings(schedule: "0,1,1,1,1"))
        _ = try harness.createWebhook(receiver.url)
        try harness.emitFigures(1)
        try await eventuallyAsync("sent") { try harness.deliveries().first?.status == .sent }
        let requests = receiver.requests
        #expect(requests.count == 4)
        #expect(Set(requests.compactMap { $0.header("webhook-id") }).count == 1)
        let delivery = try #require(try harness.deliveries().first)
        #expect(delivery.attempts == 4 && delivery.lastStatus == 200)
        await harness.stop()
    }

    @Test func aReceiverDownPastTheLastAttemptGivesADeadLetterThatRetriesOnce() async throws {
        let away = try WebhookReceiver()
        let port = away.port
        away.stop()
        let harness = try NotificationsHarness(settings: NotificationsHarness.settings(schedule: "0,1,1"))
        let created = try harness.createWebhook("http://127.0.0.1:\(port)/hook")
        try harness.emitFigures(1)
        try await eventuallyAsync("dead") { try harness.deliveries().first?.status == .dead }
        let dead = try #require(try harness.deliveries().first)
        #expect(dead.attempts == 3 && dead.lastError != nil)
        #expect(try outcomes(harness) == ["failed": 2, "dead": 1])
        let back = try WebhookReceiver(port: port)
        defer { back.stop() }
        _ = try harness.client().call(DeliveryRetry.self, .init(id: dead.id))
        try await eventuallyAsync("sent") { try harness.deliveries().first?.status == .sent }
        #expect(back.requests.count == 1)
        #expect(back.requests.first?.header("webhook-id") == dead.id)
        try StandardWebhooksVerifier.verify(secret: created.secret!, headers: back.requests[0].header, body: back.requests[0].body)
        let events = try harness.client().call(EventsReplay.self, .init(after: 0, limit: 100)).events.map(\.type)
        #expect(events == ["notifications.delivery.dead", "notifications.delivery.sent"])
        #expect(try outcomes(harness) == ["failed": 2, "dead": 1, "sent": 1])
        await harness.stop()
    }

    /// The webhook channel's nonzero `odop_delivery_attempts` figures, by outcome, in the text
    /// `/metrics` serves.
    private func outcomes(_ harness: NotificationsHarness) throws -> [String: Double] {
        let text = String(decoding: try #require(harness.service.host.renderMetrics()), as: UTF8.self)
        var found: [String: Double] = [:]
        for outcome in AttemptOutcomes.outcomes {
            if let value = sample(text, #"odop_delivery_attempts{channel="webhook",outcome="\#(outcome)"}"#), value > 0 {
                found[outcome] = value
            }
        }
        return found
    }

    @Test func goneDisablesTheSubscription() async throws {
        let receiver = try WebhookReceiver { _ in .status(410) }
        defer { receiver.stop() }
        let harness = try NotificationsHarness()
        let created = try harness.createWebhook(receiver.url)
        try harness.emitFigures(2)
        try await eventuallyAsync("disabled") { try harness.subscription(created.subscription.id).status == .disabled }
        #expect(try harness.subscription(created.subscription.id).disabledReason == "gone")
        #expect(receiver.requests.count == 1)
        let events = try harness.client().call(EventsReplay.self, .init(after: 0, limit: 100)).events
        #expect(events.map(\.type) == ["notifications.subscription.disabled"])
        #expect(events.first?.data["reason"]?.stringValue == "gone")
        // Resuming sends what waited, in order.
        receiver.setRespond { _ in .ok }
        _ = try harness.client().call(SubscriptionResume.self, .init(id: created.subscription.id))
        try await eventuallyAsync("both sent") { try harness.deliveries(status: .sent).count == 2 }
        await harness.stop()
    }

    @Test func retryAfterIsHonoured() async throws {
        let receiver = try WebhookReceiver { _ in .status(429, ["Retry-After": "3600"]) }
        defer { receiver.stop() }
        let harness = try NotificationsHarness()
        _ = try harness.createWebhook(receiver.url)
        try harness.emitFigures(1)
        try await eventuallyAsync("one failed attempt") { try harness.deliveries().first?.attempts == 1 }
        let delivery = try #require(try harness.deliveries().first)
        #expect(delivery.status == .pending && delivery.lastStatus == 429)
        let next = try #require(delivery.nextAttemptAt.flatMap(RFC3339.date(from:)))
        let last = try #require(delivery.lastAttemptAt.flatMap(RFC3339.date(from:)))
        #expect(next >= last.addingTimeInterval(3600 - 0.001))
        await harness.stop()
    }

    @Test func aRedirectIsAFailure() async throws {
        let target = try WebhookReceiver()
        defer { target.stop() }
        let receiver = try WebhookReceiver { _ in .status(302, ["Location": target.url]) }
        defer { receiver.stop() }
        let harness = try NotificationsHarness(settings: NotificationsHarness.settings(schedule: "0"))
        _ = try harness.createWebhook(receiver.url)
        try harness.emitFigures(1)
        try await eventuallyAsync("dead") { try harness.deliveries().first?.status == .dead }
        let delivery = try #require(try harness.deliveries().first)
        #expect(delivery.lastStatus == 302 && delivery.lastError?.contains("redirect") == true)
        #expect(target.requests.isEmpty)
        await harness.stop()
    }

    @Test func anOrderedSubscriptionKeepsEventOrderAcrossAFailingReceiver() async throws {
        let failures = FailureScript(failFirst: 2, ofEvery: 3)
        let receiver = try WebhookReceiver { request in failures.reply(for: request) }
        defer { receiver.stop() }
        let harness = try NotificationsHarness(settings: NotificationsHarness.settings(schedule: "0,1,1,1,1"))
        _ = try harness.createWebhook(receiver.url, ordered: true)
        let ids = try harness.emitFigures(8)
        try await eventuallyAsync("all sent") { try harness.deliveries(status: .sent).count == 8 }
        let accepted = failures.acceptedEventIds()
        #expect(accepted == ids)
        await harness.stop()
    }

    @Test func theNDayRuleDisablesWithTheSetClock() async throws {
        let receiver = try WebhookReceiver { _ in .status(500) }
        defer { receiver.stop() }
        let clock = SettableClock(Date())
        let harness = try NotificationsHarness(settings: NotificationsHarness.settings(schedule: "0,1", disableAfterDays: 5), clock: clock)
        // Unordered: an ordered subscription's dead head would hold the later deliveries back.
        let created = try harness.createWebhook(receiver.url, ordered: false)
        try harness.emitFigures(1)
        try await eventuallyAsync("dead") { try harness.deliveries(status: .dead).count == 1 }
        #expect(try harness.subscription(created.subscription.id).status == .active)
        clock.advance(by: 4 * 86_400)
        try harness.emitFigures(1)
        try await eventuallyAsync("second dead") { try harness.deliveries(status: .dead).count == 2 }
        #expect(try harness.subscription(created.subscription.id).status == .active)
        clock.advance(by: 86_400 + 60)
        try harness.emitFigures(1)
        try await eventuallyAsync("disabled") { try harness.subscription(created.subscription.id).status == .disabled }
        #expect(try harness.subscription(created.subscription.id).disabledReason == "failing")
        let disabled = try harness.client().call(EventsReplay.self, .init(after: 0, limit: 100)).events.filter {
            $0.type == "notifications.subscription.disabled"
        }
        #expect(disabled.count == 1 && disabled[0].data["reason"]?.stringValue == "failing")
        await harness.stop()
    }
}

/// Fails the first `failFirst` attempts of every `ofEvery`-th event's delivery and records the
/// event ids of accepted deliveries in arrival order.
final class FailureScript: Sendable {
    private let state = NSLock()
    nonisolated(unsafe) private var attemptsByEvent: [String: Int] = [:]
    nonisolated(unsafe) private var accepted: [String] = []
    nonisolated(unsafe) private var order: [String] = []
    let failFirst: Int
    let ofEvery: Int

    init(failFirst: Int, ofEvery: Int) {
        self.failFirst = failFirst
        self.ofEvery = ofEvery
    }

    func reply(for request: WebhookReceiver.Request) -> WebhookReceiver.Reply {
        let eventId = (try? WireFormat.parse(request.body))?["data"]?["event"]?["id"]?.stringValue ?? "?"
        state.lock()
        defer { state.unlock() }
        if !order.contains(eventId) { order.append(eventId) }
        let position = order.firstIndex(of: eventId)!
        let attempt = attemptsByEvent[eventId, default: 0]
        attemptsByEvent[eventId] = attempt + 1
        if position % ofEvery == 1 && attempt < failFirst { return .status(503) }
        accepted.append(eventId)
        return .ok
    }

    func acceptedEventIds() -> [String] {
        state.lock()
        defer { state.unlock() }
        return accepted
    }
}
