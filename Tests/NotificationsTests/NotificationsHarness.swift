import Foundation
import Logging
import ODOPClient
import ODOPMessages
import ODOPRuntime
import ODOPTesting

@testable import Notifications

/// notifications running in this process, following a `StubExports` (also in process) on real
/// loopback sockets, with its delivery runner, a settable clock, and a compressed retry schedule.
final class NotificationsHarness: @unchecked Sendable {
    let upstream: InProcessService
    /// The catalogue's stand-in: publishes given `catalogue.*` events through a real outbox.
    let catalogue: StubSource
    /// The training service's stand-in.
    let training: StubSource
    let directory = TemporaryDirectory(prefix: "odop-notifications")
    let clock: SettableClock
    let context: NotificationsContext
    private(set) var service: InProcessService
    private(set) var runner: NotificationsRunner

    static func settings(schedule: String = "0,1,1", disableAfterDays: Double = 5) -> NotificationsSettings {
        var settings = NotificationsSettings()
        settings.schedule = RetrySchedule.parse(schedule, jitter: 0)!
        settings.addressPolicy = AddressPolicy(allowance: .loopback)
        settings.webhookTimeout = 5
        settings.connectTimeout = 0.5
        settings.disableAfter = disableAfterDays * 86_400
        settings.pollInterval = .milliseconds(20)
        return settings
    }

    init(
        settings: NotificationsSettings = NotificationsHarness.settings(), clock: SettableClock = SettableClock(Date()),
        webhook: WebhookChannel? = nil
    ) throws {
        self.clock = clock
        upstream = try InProcessService(StubExports())
        catalogue = try StubSource("catalogue")
        training = try StubSource("training")
        context = NotificationsContext(settings: settings, clock: clock)
        (service, runner) = try Self.start(
            context: context, upstream: upstream, catalogue: catalogue, training: training, directory: directory.path, webhook: webhook)
    }

    private static func start(
        context: NotificationsContext, upstream: InProcessService, catalogue: StubSource, training: StubSource, directory: String,
        webhook: WebhookChannel?
    ) throws -> (InProcessService, NotificationsRunner) {
        let definition = NotificationsService(context: context)
        let peers = [
            "exports": upstream.endpoints, "catalogue": catalogue.endpoints,
            "training": training.endpoints,
        ]
        let service = try InProcessService(definition, dataDirectory: directory, peers: peers)
        var logger = Logger(label: "test.notifications")
        logger.logLevel = .warning
        let runner =
            webhook.map { NotificationsRunner(store: service.host.store, context: context, webhook: $0, logger: logger) }
            ?? NotificationsRunner(store: service.host.store, context: context, logger: logger)
        runner.start()
        return (service, runner)
    }

    /// Stops notifications gracefully and starts it again on the same database.
    func restart() async throws {
        await runner.stop()
        await service.stop()
        (service, runner) = try Self.start(
            context: context, upstream: upstream, catalogue: catalogue, training: training, directory: directory.path, webhook: nil)
    }

    func stop() async {
        await runner.stop()
        await service.stop()
        await upstream.stop()
        await catalogue.stop()
        await training.stop()
    }

    func client() throws -> CommandClient { try service.makeClient() }

    func createWebhook(_ url: String, types: [String] = ["exports."], language: String = "en", ordered: Bool = true, mode: String? = nil)
        throws -> SubscriptionWithSecret
    {
        try client().call(
            SubscriptionCreate.self,
            .init(
                recipient: Recipient(name: "DEPC Agra", role: "DEPC member"), channel: "webhook", target: url,
                filter: SubscriptionFilter(types: types), language: language, mode: mode, ordered: ordered))
    }

    @discardableResult
    func emitFigures(_ count: Int, district: String = "Agra", value: Double = 171000) throws -> [String] {
        try upstream.makeClient(timeout: .seconds(20)).call(
            StubExports.EmitFigures.self,
            .init(
                count: count, valueINRCrore: value, district: district, state: "Uttar Pradesh", stateCode: "UP",
                productName: "Leather footwear", sector: "manufacturing")
        ).eventIds
    }

    func deliveries(subscriptionId: String? = nil, status: DeliveryStatus? = nil) throws -> [NotificationDelivery] {
        var all: [NotificationDelivery] = []
        while true {
            let page = try client().call(
                DeliveriesList.self, .init(status: status, subscriptionId: subscriptionId, limit: 1000, offset: all.count))
            all += page.items
            if all.count >= page.total || page.items.isEmpty { return all }
        }
    }

    func subscription(_ id: String) throws -> NotificationSubscription {
        try client().call(SubscriptionGet.self, .init(id: id))
    }
}
