import Foundation

/// Where a durable subscription to one source stands.
///
/// `lastAppliedSeq` is stored with the effects of the events; `sourceLastSeq` is the latest seq
/// the source is known to have (from its events, heartbeats or replies; absent until heard
/// from) and `lag` the difference. `stalled` is present exactly when `state` is `stalled`.
/// `lastError` says why a `disconnected` subscription cannot reach its source (e.g. the source's
/// CURVE handshake refused this service's key); absent in other states and from older releases.
public struct SubscriptionStatus: Codable, Sendable, Equatable {
    public var source: String
    public var lastAppliedSeq: Int64
    public var sourceLastSeq: Int64?
    public var lag: Int64?
    public var state: SubscriptionState
    public var stalled: StalledEvent?
    public var lastError: String?

    public init(
        source: String, lastAppliedSeq: Int64, sourceLastSeq: Int64?, lag: Int64?, state: SubscriptionState,
        stalled: StalledEvent?, lastError: String? = nil
    ) {
        self.source = source
        self.lastAppliedSeq = lastAppliedSeq
        self.sourceLastSeq = sourceLastSeq
        self.lag = lag
        self.state = state
        self.stalled = stalled
        self.lastError = lastError
    }
}

/// The state of a durable subscription.
public enum SubscriptionState: String, Codable, Sendable, CaseIterable {
    /// Applying live events as they arrive.
    case running
    /// Replaying from the source (`events.replay`) after a start, a gap or a heartbeat.
    case catchingUp = "catching_up"
    /// Stopped at an event that could not be applied, until an admin retries or skips it.
    case stalled
    /// The source cannot be reached; catch-up resumes when it can.
    case disconnected
}

/// The event a stalled subscription is stopped at.
public struct StalledEvent: Codable, Sendable, Equatable {
    public var seq: Int64
    public var type: String
    /// The last error applying it.
    public var error: String
    /// How many times applying it was tried.
    public var attempts: Int
    /// When the subscription stalled, RFC 3339.
    public var since: String

    public init(seq: Int64, type: String, error: String, attempts: Int, since: String) {
        self.seq = seq
        self.type = type
        self.error = error
        self.attempts = attempts
        self.since = since
    }
}

/// An event an admin chose to skip (`subscriptions.skip`), kept for the record.
public struct SkippedEvent: Codable, Sendable, Equatable {
    public var source: String
    public var seq: Int64
    public var type: String
    /// Why the admin skipped it.
    public var reason: String
    /// The error that stalled the subscription at it.
    public var error: String
    /// When it was skipped, RFC 3339.
    public var time: String

    public init(source: String, seq: Int64, type: String, reason: String, error: String, time: String) {
        self.source = source
        self.seq = seq
        self.type = type
        self.reason = reason
        self.error = error
        self.time = time
    }
}
