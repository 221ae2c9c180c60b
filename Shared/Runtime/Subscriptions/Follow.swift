import ODOPMessages

/// A service's declaration that it follows another service's events: the source's name, the
/// handler that applies them, and the tables the handler keeps.
///
/// The runtime does the rest: it resolves the source's endpoints (`--<source>-commands` and
/// `--<source>-events`, else `ODOP_<SOURCE>_COMMANDS` and `ODOP_<SOURCE>_EVENTS`, else the
/// default local ports; see `PeerOptions`), subscribes durably (`DurableSubscriber`), and calls
/// the handler for each event, once and in order, inside the transaction that advances the
/// cursor. A shared follower (such as the catalogue copy) brings its own `migrations`; they run
/// after the runtime's and before the service's own.
public struct Follow: Sendable {
    /// The source service's name: the prefix of its event types and the key of the cursor.
    public var source: String
    public var handler: any EventHandler
    /// Tables the handler keeps, migrated before the service's own.
    public var migrations: [ServiceMigration]
    /// Failed attempts at one event (refused by the handler) before the subscription stalls.
    public var maxAttempts: Int
    /// Events asked for per `events.replay` page (and so applied per transaction in catch-up).
    public var replayPageSize: Int
    /// How long one `events.replay` call may take.
    public var replayTimeout: Duration

    public init(
        _ source: String, handler: any EventHandler, migrations: [ServiceMigration] = [], maxAttempts: Int = 5,
        replayPageSize: Int = 2000, replayTimeout: Duration = .seconds(5)
    ) {
        self.source = source
        self.handler = handler
        self.migrations = migrations
        self.maxAttempts = maxAttempts
        self.replayPageSize = replayPageSize
        self.replayTimeout = replayTimeout
    }
}
