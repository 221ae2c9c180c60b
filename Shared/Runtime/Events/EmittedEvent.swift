/// An event a transaction has just appended to its service's log: what identifies it in the
/// envelope that is published after the commit.
public struct EmittedEvent: Sendable, Equatable {
    /// The envelope's `id` (a UUID, unique across all events).
    public let id: String
    /// The event type (and topic).
    public let type: String
    /// Its seq in the service's log: gap-free, final once the transaction commits.
    public let seq: Int64
    /// The envelope's `time` (RFC 3339, UTC).
    public let time: String
}
