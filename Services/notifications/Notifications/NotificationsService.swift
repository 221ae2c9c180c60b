import ArgumentParser
import Foundation
import GRDB
import Logging
import ODOPCatalogueCopy
import ODOPMessages
import ODOPRuntime

/// The notifications service (`odop-notifications`): subscriptions, rendered messages,
/// deliveries with retries and dead letters, and digests, for the events of the catalogue,
/// exports and training.
///
/// It follows the catalogue (through the shared catalogue copy, which also answers a filter's
/// sector for events that carry none), exports and training; `EventFanOut` makes the deliveries
/// in the transaction that applies an event, and `DeliveryWorker` (the service's own worker,
/// `NotificationsRunner`, run by the host beside its loops) sends them. Commands: see `SubscriptionCommands`, `DeliveryCommands`
/// and docs/PROTOCOL.md.
public struct NotificationsService: ServiceDefinition {
    public let name = "notifications"
    public let version = "0.1.0"
    public let summary =
        "The ODOP notifications service: subscriptions, signed webhooks, file and log channels, retries, dead letters and digests."
    public private(set) var context: NotificationsContext
    /// The webhook channel to deliver through; nil: one made from the settings.
    let webhook: WebhookChannel?

    /// The service with default settings (`configure` reads the command line and environment).
    public init() {
        self.init(context: NotificationsContext(settings: NotificationsSettings()))
    }

    /// - Parameter webhook: a channel to deliver webhooks through (tests give one with a stub
    ///   resolver); nil for the one the settings describe.
    public init(context: NotificationsContext, webhook: WebhookChannel? = nil) {
        self.context = context
        self.webhook = webhook
    }

    /// The delivery settings, each a flag and an environment variable (the flag wins).
    public struct Options: ParsableArguments, Sendable {
        @Option(
            name: .customLong("webhook-allow-private"),
            help:
                "Webhook targets allowed besides public addresses: none, loopback or private. [env: ODOP_WEBHOOK_ALLOW_PRIVATE] (default: none)"
        )
        var webhookAllowPrivate: String?
        @Option(
            name: .customLong("retry-schedule"),
            help:
                "Delays between delivery attempts, the Standard Webhooks schedule by default (bare numbers are ms). [env: ODOP_RETRY_SCHEDULE] (default: 0,5s,5m,30m,2h,5h,10h,14h,20h,24h)"
        )
        var retrySchedule: String?
        @Option(
            name: .customLong("retry-jitter"), help: "Random share added to each delay, 0 to 1. [env: ODOP_RETRY_JITTER] (default: 0.1)")
        var retryJitter: String?
        @Option(
            name: .customLong("webhook-timeout-ms"),
            help: "How long a webhook may take to answer. [env: ODOP_WEBHOOK_TIMEOUT_MS] (default: 15000)")
        var webhookTimeoutMs: String?
        @Option(
            name: .customLong("webhook-connect-timeout-ms"),
            help: "How long connecting to a webhook may take. [env: ODOP_WEBHOOK_CONNECT_TIMEOUT_MS] (default: 5000)")
        var webhookConnectTimeoutMs: String?
        @Option(
            name: .customLong("disable-after-days"),
            help: "Days of continuous failure after which a subscription is disabled. [env: ODOP_DISABLE_AFTER_DAYS] (default: 5)")
        var disableAfterDays: String?
        @Option(
            name: .customLong("delivery-concurrency"),
            help: "Deliveries in flight at once, across subscriptions. [env: ODOP_DELIVERY_CONCURRENCY] (default: 32)")
        var deliveryConcurrency: String?

        public init() {}

        /// The environment with each given flag in place of its variable.
        func overriding(_ environment: [String: String]) -> [String: String] {
            var values = environment
            let flags: [(String?, String)] = [
                (webhookAllowPrivate, "ODOP_WEBHOOK_ALLOW_PRIVATE"), (retrySchedule, "ODOP_RETRY_SCHEDULE"),
                (retryJitter, "ODOP_RETRY_JITTER"), (webhookTimeoutMs, "ODOP_WEBHOOK_TIMEOUT_MS"),
                (webhookConnectTimeoutMs, "ODOP_WEBHOOK_CONNECT_TIMEOUT_MS"), (disableAfterDays, "ODOP_DISABLE_AFTER_DAYS"),
                (deliveryConcurrency, "ODOP_DELIVERY_CONCURRENCY"),
            ]
            for (flag, key) in flags {
                if let flag { values[key] = flag }
            }
            return values
        }
    }

    public mutating func configure(_ options: Options) throws(StartupError) {
        context = NotificationsContext(
            settings: try NotificationsSettings.fromEnvironment(options.overriding(ProcessInfo.processInfo.environment)))
    }

    /// The delivery worker, started and stopped with the service.
    public func workers(store: ServiceStore, logger: Logger) -> [any ServiceWorker] {
        let runner =
            webhook.map { NotificationsRunner(store: store, context: context, webhook: $0, logger: logger) }
            ?? NotificationsRunner(store: store, context: context, logger: logger)
        logger.info(
            "deliveries",
            metadata: [
                "allowPrivate": "\(context.settings.addressPolicy.allowance.rawValue)",
                "attempts": "\(context.settings.schedule.maxAttempts)",
            ])
        return [runner]
    }

    public var migrations: [ServiceMigration] { NotificationsSchema.migrations }
    public func gauges(_ db: Database) throws -> [DomainGauge] { try AttemptOutcomes.gauges(db) }

    public var follows: [Follow] {
        let fanOut = EventFanOut(context: context)
        return [CatalogueCopy.follow(fanOut), Follow("exports", handler: fanOut), Follow("training", handler: fanOut)]
    }

    public func registerCommands(in registry: inout CommandRegistry) {
        SubscriptionCommands.register(in: &registry, context: context)
        DeliveryCommands.register(in: &registry, context: context)
        CommandPlaces.register(in: &registry)
    }
}
