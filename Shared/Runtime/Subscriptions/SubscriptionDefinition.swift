import ODOPClient
import ODOPMessages

/// Applies one source's events to this service's state.
///
/// `apply` runs inside the transaction that also advances the subscription's cursor, so an
/// event's effects and the record that it was applied commit together: an event is applied once
/// even when it is delivered twice. Throwing rolls the event back; the runtime retries it with
/// backoff and, after `maxAttempts`, stalls the subscription at that event (see
/// `DurableSubscriber`). Events the handler does not care about should simply return.
public protocol EventHandler: Sendable {
    func apply(_ event: EventEnvelope, in transaction: ServiceTransaction) throws
}

/// A service's durable subscription to another service's events.
public struct SubscriptionDefinition: Sendable {
    /// The source service's name: the prefix of its event types and the key of the cursor.
    public var source: String
    /// Where the source answers commands (for `events.replay`).
    public var commandsEndpoint: String
    /// Where the source publishes events.
    public var eventsEndpoint: String
    public var handler: any EventHandler
    /// CURVE keys for talking to the source, when the deployment uses them.
    public var curve: CurveClientKeys?
    /// Failed attempts at one event before the subscription stalls there.
    public var maxAttempts: Int
    /// Events asked for per `events.replay` page (and so applied per transaction in catch-up).
    public var replayPageSize: Int
    /// How long one `events.replay` call may take.
    public var replayTimeout: Duration

    public init(
        source: String, commandsEndpoint: String, eventsEndpoint: String, handler: any EventHandler,
        curve: CurveClientKeys? = nil, maxAttempts: Int = 5, replayPageSize: Int = 2000,
        replayTimeout: Duration = .seconds(5)
    ) {
        self.source = source
        self.commandsEndpoint = commandsEndpoint
        self.eventsEndpoint = eventsEndpoint
        self.handler = handler
        self.curve = curve
        self.maxAttempts = maxAttempts
        self.replayPageSize = replayPageSize
        self.replayTimeout = replayTimeout
    }
}
