import ODOPCatalogueCopy
import ODOPMessages
import ODOPRuntime

/// The notifications service (`odop-notifications`): subscriptions, rendered messages,
/// deliveries with retries and dead letters, and digests, for the events of the catalogue,
/// exports and training.
///
/// It follows the catalogue (through the shared catalogue copy, which also answers a filter's
/// sector for events that carry none), exports and training; `EventFanOut` makes the deliveries
/// in the transaction that applies an event, and `DeliveryWorker` (run beside the host by
/// `NotificationsRunner`) sends them. Commands: see `SubscriptionCommands`, `DeliveryCommands`
/// and docs/PROTOCOL.md.
public struct NotificationsService: ServiceDefinition {
    public let name = "notifications"
    public let version = "0.1.0"
    public let summary =
        "The ODOP notifications service: subscriptions, signed webhooks, file and log channels, retries, dead letters and digests."
    public let context: NotificationsContext

    public init(context: NotificationsContext) {
        self.context = context
    }

    public var migrations: [ServiceMigration] { NotificationsSchema.migrations }

    public var follows: [Follow] {
        let fanOut = EventFanOut(context: context)
        return [CatalogueCopy.follow(fanOut), Follow("exports", handler: fanOut), Follow("training", handler: fanOut)]
    }

    public func registerCommands(in registry: inout CommandRegistry) {
        SubscriptionCommands.register(in: &registry, context: context)
        DeliveryCommands.register(in: &registry, context: context)
    }
}
