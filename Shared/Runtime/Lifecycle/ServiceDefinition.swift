/// What a service brings to the runtime: its name, its schema, its commands and the sources it
/// follows. The runtime brings everything else (sockets, event log, replay, health, retries,
/// lifecycle).
public protocol ServiceDefinition: Sendable {
    /// The service's name: the prefix of its event types, its database file's name and the key
    /// of its default ports (`catalogue`, `exports`, ...).
    var name: String { get }
    /// Reported by `health`.
    var version: String { get }
    /// The domain schema, applied in order after the runtime's own tables.
    var migrations: [ServiceMigration] { get }
    /// The services whose events this one follows.
    var subscriptions: [SubscriptionDefinition] { get }
    /// Registers the service's own commands (the runtime adds `health`, `events.replay` and
    /// `subscriptions.*`).
    func registerCommands(in registry: inout CommandRegistry)
}

extension ServiceDefinition {
    public var subscriptions: [SubscriptionDefinition] { [] }
}
