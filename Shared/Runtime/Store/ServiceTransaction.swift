import Foundation
import GRDB
import ODOPMessages

/// A write transaction in progress: the database, and the way to emit events with the change.
///
/// Events emitted here are written to the event log in the same transaction (the outbox), get
/// their seq now, and are published only after the transaction commits.
public final class ServiceTransaction {
    /// The database, inside the transaction.
    public let db: Database
    /// The request id of the command that caused this change, or the id of the event a
    /// subscriber is applying; carried in every emitted event's `correlationId`.
    public internal(set) var correlationId: String?
    /// The W3C trace context of the work in progress (the command's span, or a span continuing
    /// the trace of the event a subscriber is applying); stored in every emitted event's
    /// `traceparent`, so the trace goes on downstream. Nil for untraced work.
    public internal(set) var traceparent: String?
    /// The command being served, when this transaction is a command's (nil inside a
    /// subscription): its audit entries name its sender.
    public internal(set) var request: RequestInfo?
    /// Where the command acts, when it declares a place (for the audit trail).
    var place: CommandPlace?
    /// The record as it was before the change, for the command's audit entry (`storeChange`
    /// or `auditBefore` set it).
    var recordedBefore: Data?
    let eventLog: EventLog
    private(set) var emitted: [CommittedEvent] = []

    init(db: Database, correlationId: String?, traceparent: String? = nil, eventLog: EventLog) {
        self.db = db
        self.correlationId = correlationId
        self.traceparent = traceparent
        self.eventLog = eventLog
    }

    /// Appends an event to the log in this transaction and returns its identity (id, type, seq,
    /// time); its envelope is published after the commit.
    @discardableResult
    public func emit<P: EventPayload>(_ payload: P) throws -> EmittedEvent {
        let (identity, event) = try eventLog.append(payload, correlationId: correlationId, traceparent: traceparent, db: db)
        emitted.append(event)
        return identity
    }
}
