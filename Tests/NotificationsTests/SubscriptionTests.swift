import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

@testable import Notifications

@Suite("Subscriptions, file channel, digests, refusals", .serialized)
struct SubscriptionTests {
    static func createArguments(
        channel: String = "webhook", target: String = "http://127.0.0.1:9/hook", types: [String] = ["exports."],
        states: [String]? = nil, sectors: [String]? = nil, language: String? = nil, mode: String? = nil, digestAt: String? = nil
    ) -> SubscriptionCreate.Arguments {
        .init(
            recipient: Recipient(name: "District officer, Agra", role: "district officer"), channel: channel, target: target,
            filter: SubscriptionFilter(types: types, states: states, sectors: sectors), language: language, mode: mode, digestAt: digestAt)
    }

    @Test func badSubscriptionsAreRefusedNamingTheField() async throws {
        let harness = try NotificationsHarness()
        let client = try harness.client()
        let cases: [(SubscriptionCreate.Arguments, String)] = [
            (Self.createArguments(channel: "sms"), "channel"),
            (Self.createArguments(target: "not a url"), "target"),
            (Self.createArguments(target: "ftp://example.org/x"), "target"),
            (Self.createArguments(target: "http://10.0.0.7/hook"), "target"),
            (Self.createArguments(target: "http://169.254.169.254/latest"), "target"),
            (Self.createArguments(target: "http://[::ffff:192.168.1.1]/"), "target"),
            (Self.createArguments(target: "http://0.0.0.0:8080/"), "target"),
            (Self.createArguments(channel: "file", target: "relative/path.jsonl"), "target"),
            (Self.createArguments(types: []), "filter.types"),
            (Self.createArguments(types: ["payments."]), "filter.types"),
            (Self.createArguments(states: ["Atlantis"]), "filter.states"),
            (Self.createArguments(sectors: ["spaceflight"]), "filter.sectors"),
            (Self.createArguments(language: "fr"), "language"),
            (Self.createArguments(mode: "weekly"), "mode"),
            (Self.createArguments(mode: "daily", digestAt: "25:00"), "digestAt"),
            (Self.createArguments(mode: "hourly", digestAt: "09:00"), "digestAt"),
        ]
        for (arguments, field) in cases {
            do {
                _ = try client.call(SubscriptionCreate.self, arguments)
                Issue.record("accepted a subscription with a bad \(field)")
            } catch {
                #expect(error.code == .invalidArgument, "\(field): \(error)")
                #expect(error.field == field, "\(field): \(error)")
            }
        }
        do {
            _ = try client.call(
                "subscription.create",
                args: .object([
                    "recipient": .object(["name": .string(" "), "role": .string("x")]), "channel": .string("log"), "target": .string("ops"),
                    "filter": .object(["types": .array([.string("exports.")])]),
                ]))
            Issue.record("accepted a blank recipient name")
        } catch {
            #expect(error.code == .invalidArgument && error.field == "recipient.name")
        }
        #expect(try client.call(SubscriptionList.self, .init()).total == 0)
        await harness.stop()
    }

    @Test func statesAndSectorsAreReadByTheSharedRules() async throws {
        let harness = try NotificationsHarness()
        let created = try harness.client().call(
            SubscriptionCreate.self,
            Self.createArguments(
                channel: "log", target: "ops", states: ["uttar pradesh", "IN-MH", "dl"], sectors: ["Handicraft"], language: "HI"))
        #expect(created.secret == nil)
        #expect(created.subscription.filter.states == ["UP", "MH", "DL"])
        #expect(created.subscription.filter.sectors == ["handicraft"])
        #expect(created.subscription.language == .hi)
        await harness.stop()
    }

    @Test func theFileChannelLineIsOnDiskWhenTheDeliveryCountsAsSent() async throws {
        let harness = try NotificationsHarness()
        let file = harness.directory.file("agra.jsonl").path
        let created = try harness.client().call(SubscriptionCreate.self, Self.createArguments(channel: "file", target: file))
        let ids = try harness.emitFigures(3)
        try await eventuallyAsync("sent") { try harness.deliveries(status: .sent).count == 3 }
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        for (line, eventId) in zip(lines, ids) {
            let value = try WireFormat.parse(Data(line.utf8))
            #expect(
                value["webhookId"]?.stringValue == DeliveryIdentity.webhookId(eventId: eventId, subscriptionId: created.subscription.id))
            #expect(value["body"]?["data"]?["event"]?["id"]?.stringValue == eventId)
        }
        // The channel itself: when it reports delivered, another reader already sees the line.
        let direct = harness.directory.file("direct.jsonl").path
        let outcome = await FileChannel().send(
            OutgoingMessage(
                id: "msg_x", subscriptionId: "sub_x", type: "t", target: direct, body: Data("{}".utf8), secrets: [], traceparent: nil))
        #expect(outcome == .delivered(status: nil))
        #expect(try String(contentsOfFile: direct, encoding: .utf8) == "{\"webhookId\":\"msg_x\",\"type\":\"t\",\"body\":{}}\n")
        let refused = await FileChannel().send(
            OutgoingMessage(
                id: "msg_y", subscriptionId: "sub_x", type: "t", target: "/nonexistent-dir/x.jsonl", body: Data("{}".utf8), secrets: [],
                traceparent: nil))
        guard case .failed = refused else {
            Issue.record("wrote to a missing directory")
            return
        }
        await harness.stop()
    }

    @Test func aDailyDigestCollectsADayAcrossARestart() async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        let clock = SettableClock(Date())
        let harness = try NotificationsHarness(clock: clock)
        let created = try harness.createWebhook(receiver.url, mode: "daily")
        #expect(created.subscription.digestAt == "09:00")
        try harness.emitFigures(2, district: "Agra")
        try await eventuallyAsync("two waiting") {
            try harness.service.host.store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM notification_digest_items") } == 2
        }
        try await harness.restart()
        try harness.emitFigures(1, district: "Varanasi")
        _ = try harness.upstream.makeClient().call(
            StubExports.EmitPlan.self, .init(status: "adopted", district: "Agra", state: "Uttar Pradesh", stateCode: "UP"))
        try await eventuallyAsync("four waiting") {
            try harness.service.host.store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM notification_digest_items") } == 4
        }
        #expect(receiver.requests.isEmpty)
        clock.advance(by: 86_400)
        try await eventuallyAsync("one digest") { receiver.requests.count == 1 }
        let request = receiver.requests[0]
        try StandardWebhooksVerifier.verify(secret: created.secret!, headers: request.header, body: request.body)
        let body = try WireFormat.parse(request.body)
        #expect(body["type"]?.stringValue == "notifications.digest")
        #expect(body["data"]?["count"]?.intValue == 4)
        let groups = body["data"]?["groups"]
        #expect(
            groups?[0]?["type"]?.stringValue == "exports.figures.recorded" && groups?[0]?["district"]?.stringValue == "Agra"
                && groups?[0]?["count"]?.intValue == 2)
        #expect(groups?[1]?["district"]?.stringValue == "Varanasi")
        #expect(groups?[2]?["type"]?.stringValue == "exports.plan.adopted")
        #expect(body["data"]?["message"]?["text"]?.stringValue?.hasPrefix("4 ODOP updates from") == true)
        // An empty window sends nothing.
        clock.advance(by: 86_400)
        try await Task.sleep(for: .milliseconds(200))
        #expect(receiver.requests.count == 1)
        try await eventuallyAsync("sent") { try harness.deliveries(status: .sent).count == 1 }
        await harness.stop()
    }

    @Test func aForbiddenResolvedAddressIsRefusedBeforeConnecting() async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        // hooks.example.test "resolves" to the receiver's loopback address; the strict policy must
        // refuse it without connecting, so the receiver sees nothing.
        struct Resolver: HostResolver {
            func addresses(of host: String, port: Int) async -> [String] { ["127.0.0.1"] }
        }
        let channel = WebhookChannel(policy: AddressPolicy(allowance: .none), resolver: Resolver(), timeout: 2)
        let outcome = await channel.send(
            OutgoingMessage(
                id: "msg_1", subscriptionId: "sub_1", type: "t", target: "http://hooks.example.test:\(receiver.port)/hook",
                body: Data("{}".utf8), secrets: [WebhookSignature.newSecret()], traceparent: nil))
        guard case .failed(let status, let error, _) = outcome else {
            Issue.record("not refused: \(outcome)")
            return
        }
        #expect(status == nil && error.contains("refused") && error.contains("loopback"))
        #expect(receiver.requests.isEmpty)
        await channel.shutdown()
    }

    @Test func pauseHoldsAndResumeSendsInOrder() async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        let harness = try NotificationsHarness()
        let created = try harness.createWebhook(receiver.url)
        _ = try harness.client().call(SubscriptionPause.self, .init(id: created.subscription.id))
        let ids = try harness.emitFigures(3)
        try await eventuallyAsync("three pending") { try harness.deliveries(status: .pending).count == 3 }
        try await Task.sleep(for: .milliseconds(100))
        #expect(receiver.requests.isEmpty)
        _ = try harness.client().call(SubscriptionResume.self, .init(id: created.subscription.id))
        try await eventuallyAsync("three sent") { try harness.deliveries(status: .sent).count == 3 }
        let order = receiver.requests.compactMap { try? WireFormat.parse($0.body)["data"]?["event"]?["id"]?.stringValue }
        #expect(order == ids)
        // A test message goes out too.
        let test = try harness.client().call(SubscriptionTest.self, .init(id: created.subscription.id))
        #expect(test.type == "notifications.test")
        try await eventuallyAsync("test sent") { try harness.client().call(DeliveryGet.self, .init(id: test.id)).status == .sent }
        _ = try harness.client().call(SubscriptionDelete.self, .init(id: created.subscription.id))
        #expect(throws: CommandError.self) { try harness.subscription(created.subscription.id) }
        await harness.stop()
    }
}
