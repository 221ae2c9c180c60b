import Foundation
import GRDB
import GRDBSQLite
import ODOPMessages
import Synchronization

/// An event as committed: what the publisher sends as `[topic, envelope]`.
struct CommittedEvent: Sendable {
    let seq: Int64
    let topic: Data
    let envelope: Data
}

/// The service's durable event log (transactional outbox) over the `odop_events` table.
///
/// `append` assigns the next seq inside the caller's write transaction, so seqs are gap-free
/// and survive restarts (a rolled-back transaction takes its seq with it). Committed events are
/// handed to the sink (the publisher) in commit order.
final class EventLog: Sendable {
    let source: String
    /// Written into every envelope (see `RuntimeSchema`).
    let epoch: String
    private let sink = Mutex<Sink?>(nil)
    private let metrics = Mutex<ServiceMetrics?>(nil)

    /// Held in a struct: a bare closure stored in the Mutex and read back through `inout` gets
    /// re-wrapped (reabstracted) on every read, so each commit would cost more than the last.
    private struct Sink: Sendable {
        let deliver: @Sendable ([CommittedEvent]) -> Void
    }

    init(source: String, epoch: String) {
        self.source = source
        self.epoch = epoch
    }

    /// Where committed events go (the publisher). Set once at start.
    func setSink(_ sink: @escaping @Sendable ([CommittedEvent]) -> Void) {
        self.sink.withLock { $0 = Sink(deliver: sink) }
    }

    /// Where appended events are counted (when metrics are on). Set once at start.
    func setMetrics(_ metrics: ServiceMetrics?) {
        self.metrics.withLock { $0 = metrics }
    }

    func didCommit(_ events: [CommittedEvent]) {
        guard !events.isEmpty, let sink = sink.withLock({ $0 }) else { return }
        sink.deliver(events)
    }

    func append<P: EventPayload>(_ payload: P, correlationId: String?, traceparent: String? = nil, db: Database) throws -> (
        EmittedEvent, CommittedEvent
    ) {
        let seq = try lastSeq(db: db) + 1
        // The payload is encoded once; the envelope's bytes are written around it, and nothing
        // parses them back (the emitter gets the envelope's identity, not its data).
        let data = try WireFormat.encode(payload)
        // The id is time-ordered (`TimeOrderedUUID`), so that the events' id index grows at its
        // end; it carries the envelope's own time.
        let now = Date()
        let emitted = EmittedEvent(id: TimeOrderedUUID.string(at: now), type: P.eventType, seq: seq, time: RFC3339.string(from: now))
        let bytes = EnvelopeEncoding.encode(
            id: emitted.id, type: emitted.type, schema: P.schemaVersion, source: source, seq: seq, time: emitted.time,
            correlationId: correlationId, data: data, epoch: epoch, traceparent: traceparent)
        try db.cachedStatement(
            sql:
                "INSERT INTO \(RuntimeSchema.events) (seq, id, type, time, correlation_id, trace_id, envelope) VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        .execute(arguments: [
            seq, emitted.id, emitted.type, emitted.time, correlationId, traceparent.flatMap(TraceParentText.traceId(of:)), bytes,
        ])
        metrics.withLock { $0 }?.eventsAppended.increment()
        return (emitted, CommittedEvent(seq: seq, topic: Self.topic(emitted.type), envelope: bytes))
    }

    /// The topic frame of an event of `type`: its UTF-8 bytes. `Data(type.utf8)` took the generic
    /// sequence initializer and its dynamic casts, about 1,200 instructions an event (callgrind).
    private static func topic(_ type: String) -> Data {
        var type = type
        return type.withUTF8 { Data(buffer: $0) }
    }

    func lastSeq(db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(seq) FROM \(RuntimeSchema.events)")) ?? 0
    }

    /// The stored envelopes of trace `traceId`, in seq order, at most `limit` (indexed).
    func envelopes(traceId: String, limit: Int, db: Database) throws -> [Data] {
        try Data.fetchAll(
            db.cachedStatement(sql: "SELECT envelope FROM \(RuntimeSchema.events) WHERE trace_id = ? ORDER BY seq LIMIT ?"),
            arguments: [traceId, limit])
    }

    /// The stored envelopes whose `correlationId` is `correlationId`, in seq order, at most `limit` (indexed).
    func envelopes(correlationId: String, limit: Int, db: Database) throws -> [Data] {
        try Data.fetchAll(
            db.cachedStatement(sql: "SELECT envelope FROM \(RuntimeSchema.events) WHERE correlation_id = ? ORDER BY seq LIMIT ?"),
            arguments: [correlationId, limit])
    }

    /// Hands `body` each stored envelope with seq > `after`, in seq order, at most `limit`, as
    /// SQLite's own bytes: valid only during the call, copied by nobody unless `body` copies them.
    /// A replay page is written straight from them into one buffer (`events.replay`). The bytes
    /// are taken with SQLite's C API on GRDB's statement (`sqlite3_column_blob`): GRDB's
    /// `withUnsafeData` wraps them in a `Data` first, a third of the page's cost per event.
    func forEachEnvelope(after: Int64, limit: Int, db: Database, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let statement = try db.cachedStatement(
            sql: "SELECT envelope FROM \(RuntimeSchema.events) WHERE seq > ? ORDER BY seq LIMIT ?")
        let rows = try Row.fetchCursor(statement, arguments: [after, limit])
        while try rows.next() != nil {
            let bytes = sqlite3_column_blob(statement.sqliteStatement, 0)  // before the count: SQLite's rule
            let count = Int(sqlite3_column_bytes(statement.sqliteStatement, 0))
            try body(UnsafeRawBufferPointer(start: bytes, count: bytes == nil ? 0 : count))
        }
    }
}
