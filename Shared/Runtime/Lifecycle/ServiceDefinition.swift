import ArgumentParser
import GRDB
import Logging
import ServiceLifecycle

/// What a service brings to the runtime: its name, its schema, its commands and the services it
/// follows. The runtime brings everything else (sockets, event log, replay, health, retries,
/// following, lifecycle, configuration, exit codes).
public protocol ServiceDefinition: Sendable {
    /// The service's own command-line options (each a flag and an environment variable, like the
    /// runtime's), shown in `--help` beside them; `NoServiceOptions` when it has none.
    associatedtype Options: ParsableArguments = NoServiceOptions

    /// The service's name: the prefix of its event types, its database file's name and the key
    /// of its default ports (`catalogue`, `exports`, ...).
    var name: String { get }
    /// Reported by `health` and `--version`.
    var version: String { get }
    /// One line for `--help`: what the service owns.
    var summary: String { get }
    /// The domain schema, applied in order after the runtime's tables and the followers' tables.
    /// Its table names must not start with `odop_` (the runtime's).
    var migrations: [ServiceMigration] { get }
    /// The services whose events this one follows, and how it applies them.
    var follows: [Follow] { get }
    /// Registers the service's own commands (the runtime adds `health`, `events.replay` and
    /// `subscriptions.*`).
    func registerCommands(in registry: inout CommandRegistry)
    /// The service's own long-running work beside its commands and subscriptions (for instance
    /// notifications' delivery worker), made once its database is open. The host starts each at
    /// once (`ServiceWorker.start()`, on a thread or executor of its own) and runs it as a service
    /// of its `ServiceGroup`: a graceful shutdown stops it after the command server and before the
    /// subscriptions and the publisher; a worker that fails stops the service.
    func workers(store: ServiceStore, logger: Logger) -> [any ServiceWorker]
    /// Takes the service's own options before the host starts. Throws `StartupError` (for
    /// instance `.configuration`) to stop the service with that exit status.
    mutating func configure(_ options: Options) throws(StartupError)
    /// The figures of the service's own domain for `/metrics` (products by status, plans by
    /// status, ...), read from a snapshot when the metrics are scraped. Default: none.
    func gauges(_ db: Database) throws -> [DomainGauge]
}

extension ServiceDefinition {
    public var summary: String { "The ODOP \(name) service." }
    public var follows: [Follow] { [] }
    public func workers(store: ServiceStore, logger: Logger) -> [any ServiceWorker] { [] }
    public func gauges(_ db: Database) throws -> [DomainGauge] { [] }
}

/// A service's own worker (see `ServiceDefinition.workers`): a `Service` that can also be
/// started at once, without waiting for a task of the group to be scheduled.
public protocol ServiceWorker: Service {
    /// Starts the work; idempotent. `run()` starts it too, then serves until shutdown.
    func start()
}

extension ServiceDefinition where Options == NoServiceOptions {
    public mutating func configure(_ options: NoServiceOptions) throws(StartupError) {}
}

/// The options of a service that has none of its own.
public struct NoServiceOptions: ParsableArguments, Sendable {
    public init() {}
}
