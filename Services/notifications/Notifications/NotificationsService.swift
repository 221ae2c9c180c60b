import ODOPClient
import ODOPMessages
import ODOPRuntime

/// The notifications service (`odop-notifications`): subscriptions, rendered messages,
/// deliveries with retries and dead letters, and digests, for the events of the catalogue,
/// exports and training.
///
/// It follows each source durably; `EventFanOut` makes the deliveries in the transaction that
/// applies an event, and `DeliveryWorker` (run beside the host by `NotificationsRunner`) sends
/// them. Commands: see `SubscriptionCommands`, `DeliveryCommands` and docs/PROTOCOL.md.
public struct NotificationsService: ServiceDefinition {
    public let name = "notifications"
    public let version = "0.1.0"
    public let context: NotificationsContext
    /// The sources followed, with where to reach them.
    public var sources: [SubscriptionDefinition]

    /// - Parameter sources: source name → (commands, events) endpoints; catalogue, exports and
    ///   training in production.
    public init(context: NotificationsContext, sources: [(name: String, commands: String, events: String)], curve: CurveClientKeys? = nil) {
        self.context = context
        self.sources = sources.map {
            SubscriptionDefinition(source: $0.name, commandsEndpoint: $0.commands, eventsEndpoint: $0.events,
                                   handler: EventFanOut(context: context), curve: curve)
        }
    }

    public var migrations: [ServiceMigration] { NotificationsSchema.migrations }

    public var subscriptions: [SubscriptionDefinition] { sources }

    public func registerCommands(in registry: inout CommandRegistry) {
        SubscriptionCommands.register(in: &registry, context: context)
        DeliveryCommands.register(in: &registry, context: context)
    }
}
