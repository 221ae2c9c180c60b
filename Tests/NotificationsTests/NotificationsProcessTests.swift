import Foundation
import ODOPClient
import ODOPMessages
import ODOPRuntime
import ODOPTesting
import Testing

@testable import Notifications

/// `odop-notifications` as a real process, following an exports stand-in (a real outbox in this
/// process) and the real `odop-catalogue`, delivering to a real receiver on loopback.
@Suite("odop-notifications as a process", .serialized, .timeLimit(.minutes(10)))
struct NotificationsProcessTests {
    static func start(
        _ directory: String, upstream: InProcessService, catalogue: ServiceProcess? = nil, schedule: String, commands: String,
        events: String
    ) throws -> ServiceProcess {
        var environment = [
            "ODOP_EXPORTS_COMMANDS": upstream.commandsEndpoint, "ODOP_EXPORTS_EVENTS": upstream.eventsEndpoint,
            "ODOP_TRAINING_COMMANDS": FreePort.endpoint(), "ODOP_TRAINING_EVENTS": FreePort.endpoint(),
            "ODOP_WEBHOOK_ALLOW_PRIVATE": "loopback", "ODOP_RETRY_SCHEDULE": schedule, "ODOP_RETRY_JITTER": "0",
            "ODOP_WEBHOOK_TIMEOUT_MS": "3000", "ODOP_WEBHOOK_CONNECT_TIMEOUT_MS": "500", "ODOP_HTTP_BIND": "none",
        ]
        environment["ODOP_CATALOGUE_COMMANDS"] = catalogue?.commandsEndpoint ?? FreePort.endpoint()
        environment["ODOP_CATALOGUE_EVENTS"] = catalogue?.eventsEndpoint ?? FreePort.endpoint()
        return try ServiceProcess(
            "notifications", dataDirectory: directory, commandsEndpoint: commands, eventsEndpoint: events, environment: environment
        ).start()
    }

    /// Deduplicating receiver bookkeeping: every arrival's webhook-id and (event, subscription).
    final class Arrivals: @unchecked Sendable {
        let lock = NSLock()
        var idsByPair: [String: Set<String>] = [:]
        var pairsById: [String: Set<String>] = [:]
        var total = 0

        func note(_ request: WebhookReceiver.Request, secrets: [String: String]) {
            guard let id = request.header("webhook-id"), let body = try? WireFormat.parse(request.body),
                let eventId = body["data"]?["event"]?["id"]?.stringValue
            else { return }
            let subscription =
                secrets.first {
                    (try? StandardWebhooksVerifier.verify(secret: $0.value, headers: request.header, body: request.body)) != nil
                }?.key ?? "?"
            let pair = "\(eventId)|\(subscription)"
            lock.lock()
            idsByPair[pair, default: []].insert(id)
            pairsById[id, default: []].insert(pair)
            total += 1
            lock.unlock()
        }

        var snapshot: (pairs: Int, ids: Int, total: Int, idsPerPair: Int, pairsPerId: Int) {
            lock.lock()
            defer { lock.unlock() }
            return (
                idsByPair.count, pairsById.count, total, idsByPair.values.map(\.count).max() ?? 0, pairsById.values.map(\.count).max() ?? 0
            )
        }
    }

    @Test func sigkillMidBurstLosesAndDoublesNothing() async throws {
        let upstream = try InProcessService(StubExports())
        let directory = TemporaryDirectory(prefix: "odop-notifications-kill")
        let commands = FreePort.endpoint()
        let events = FreePort.endpoint()
        let arrivals = Arrivals()
        let secrets = SecretBook()
        let hold = HoldSwitch()
        let receiver = try WebhookReceiver { request in
            arrivals.note(request, secrets: secrets.all)
            return WebhookReceiver.Reply(status: 200, hold: hold.isOn)
        }
        defer { receiver.stop() }
        var process = try Self.start(
            directory.path, upstream: upstream, schedule: "0,50,50,50,50,50,50,50", commands: commands, events: events)
        var subscriptionIds: [String] = []
        for _ in 0..<2 {
            let created = try process.client().call(
                SubscriptionCreate.self,
                .init(
                    recipient: Recipient(name: "EPCH", role: "export promotion council"), channel: "webhook", target: receiver.url,
                    filter: SubscriptionFilter(types: ["exports.figures."]), ordered: false))
            secrets.add(created.subscription.id, created.secret!)
            subscriptionIds.append(created.subscription.id)
        }
        let eventCount = 1000
        let client = try upstream.makeClient(timeout: .seconds(30))
        func emit(batches: Range<Int>) throws {
            for batch in batches {
                _ = try client.call(
                    StubExports.EmitFigures.self,
                    .init(
                        count: eventCount / 10, valueINRCrore: Double(batch), district: "Moradabad", state: "Uttar Pradesh",
                        stateCode: "UP",
                        productName: "Brassware", sector: "handicraft"))
            }
        }
        // The first half of the burst; kill once while its deliveries flow...
        try emit(batches: 0..<5)
        try await eventuallyAsync("deliveries flowing", timeout: .seconds(60), every: .milliseconds(5)) { arrivals.snapshot.total >= 200 }
        process.kill()
        // ...then, with the receiver holding its 2xx replies, restart, send the second half, and
        // kill again while replies are held (so those deliveries were received but not recorded).
        hold.isOn = true
        process = try Self.start(directory.path, upstream: upstream, schedule: "0,50,50,50,50,50,50,50", commands: commands, events: events)
        let before = arrivals.snapshot.total
        try emit(batches: 5..<10)
        try await eventuallyAsync("replies held", timeout: .seconds(120), every: .milliseconds(5)) {
            arrivals.snapshot.total >= before + 20
        }
        process.kill()
        hold.isOn = false
        receiver.release()
        process = try Self.start(directory.path, upstream: upstream, schedule: "0,50,50,50,50,50,50,50", commands: commands, events: events)
        let pairs = eventCount * subscriptionIds.count
        try await eventuallyAsync("every pair arrived", timeout: .seconds(180), every: .milliseconds(50)) {
            arrivals.snapshot.pairs == pairs
        }
        let snapshot = arrivals.snapshot
        #expect(snapshot.pairs == pairs)
        #expect(snapshot.ids == pairs, "distinct webhook-ids equal the pairs")
        #expect(snapshot.idsPerPair == 1, "all arrivals of a pair carry one webhook-id")
        #expect(snapshot.pairsPerId == 1)
        #expect(snapshot.total >= pairs + 20, "the replies held at the kill were received, not recorded, and sent again with their ids")
        let notifications = try process.client(timeout: .seconds(10))
        let all = try notifications.call(DeliveriesList.self, .init(limit: 1))
        #expect(all.total == pairs, "exactly one delivery row per pair")
        try await eventuallyAsync("all sent", timeout: .seconds(60)) {
            try notifications.call(DeliveriesList.self, .init(status: .sent, limit: 1)).total == pairs
        }
        #expect(process.stop() == 0)
        await upstream.stop()
    }

    @Test("a product.retire sent with a traceparent reaches the webhook receiver with the same trace id")
    func traceReachesTheWebhook() async throws {
        let upstream = try InProcessService(StubExports())
        let catalogue = try ServiceProcess("catalogue").start()
        defer { catalogue.stop() }
        let directory = TemporaryDirectory(prefix: "odop-notifications-trace")
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        let process = try Self.start(
            directory.path, upstream: upstream, catalogue: catalogue, schedule: "0", commands: FreePort.endpoint(),
            events: FreePort.endpoint())
        defer { process.stop() }
        _ = try process.client().call(
            SubscriptionCreate.self,
            .init(
                recipient: Recipient(name: "DEPC", role: "DEPC member"), channel: "webhook", target: receiver.url,
                filter: SubscriptionFilter(types: ["catalogue.product.retired"])))
        let catalogueClient = try catalogue.client()
        _ = try? catalogueClient.call("district.register", args: .object(["state": .string("Uttar Pradesh"), "name": .string("Agra")]))
        let product = try catalogueClient.call(
            ProductRegister.self, .init(state: "Uttar Pradesh", district: "Agra", name: "Agra Marble Inlay", sector: "handicraft"))
        let traceId = "4bf92f3577b34da6a3ce929d0e0e4736"
        let reply = try catalogueClient.send(
            CommandRequest(
                id: "retire-traced", command: ProductRetire.name, args: ["id": .string(product.id), "reason": "trace test"],
                traceparent: "00-\(traceId)-00f067aa0ba902b7-01"))
        _ = try reply.result(as: ProductRecord.self)
        try await eventuallyAsync("the retire's webhook arrived", timeout: .seconds(60)) { !receiver.requests.isEmpty }
        let arrived = try #require(receiver.requests.first)
        let header = try #require(arrived.headers["traceparent"])
        #expect(header.split(separator: "-").dropFirst().first.map(String.init) == traceId)
        #expect(try WireFormat.parse(arrived.body)["type"]?.stringValue == "catalogue.product.retired")
        await upstream.stop()
    }

    @Test func contractCheckPassesAfterEveryEventType() async throws {
        let upstream = try InProcessService(StubExports())
        let catalogue = try ServiceProcess("catalogue").start()
        defer { catalogue.stop() }
        let directory = TemporaryDirectory(prefix: "odop-notifications-contract")
        let ok = try WebhookReceiver()
        defer { ok.stop() }
        let failing = try WebhookReceiver { _ in .status(500) }
        defer { failing.stop() }
        let gone = try WebhookReceiver { _ in .status(410) }
        defer { gone.stop() }
        let process = try Self.start(
            directory.path, upstream: upstream, catalogue: catalogue, schedule: "0", commands: FreePort.endpoint(),
            events: FreePort.endpoint())
        let client = try process.client()
        for receiver in [ok, failing, gone] {
            _ = try client.call(
                SubscriptionCreate.self,
                .init(
                    recipient: Recipient(name: "DEPC", role: "DEPC member"), channel: "webhook", target: receiver.url,
                    filter: SubscriptionFilter(types: ["catalogue.product."], states: ["UP"])))
        }
        // A real catalogue event, through the real odop-catalogue.
        _ = try? catalogue.client().call("district.register", args: .object(["state": .string("Uttar Pradesh"), "name": .string("Agra")]))
        let product = try catalogue.client().call(
            ProductRegister.self, .init(state: "Uttar Pradesh", district: "Agra", name: "Petha", sector: "food processing"))
        try await eventuallyAsync("all three outcomes", timeout: .seconds(60)) {
            let types = Set(try client.call(EventsReplay.self, .init(after: 0, limit: 100)).events.map(\.type))
            return types == ["notifications.delivery.sent", "notifications.delivery.dead", "notifications.subscription.disabled"]
        }
        let arrived = try #require(ok.requests.first)
        let body = try WireFormat.parse(arrived.body)
        #expect(body["data"]?["event"]?["data"]?["id"]?.stringValue == product.id)
        #expect(body["data"]?["message"]?["text"]?.stringValue?.contains("Petha") == true)
        let outcome = try ContractCheck.run(against: process)
        #expect(outcome.passed, "\(outcome.output)")
        #expect(process.stop() == 0)
        await upstream.stop()
    }
}

final class SecretBook: @unchecked Sendable {
    private let lock = NSLock()
    private var secrets: [String: String] = [:]
    func add(_ id: String, _ secret: String) {
        lock.lock()
        secrets[id] = secret
        lock.unlock()
    }
    var all: [String: String] {
        lock.lock()
        defer { lock.unlock() }
        return secrets
    }
}

final class HoldSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var on = false
    var isOn: Bool {
        get {
            lock.lock()
            defer { lock.unlock() }
            return on
        }
        set {
            lock.lock()
            on = newValue
            lock.unlock()
        }
    }
}
