import Foundation
import GRDB
import ODOPRuntime

/// The subscriber's apply floor: what a follower of `bench` must write per event, alone on one
/// thread: the bench follower's row insert per event and, per transaction, the runtime's cursor
/// advance, in transactions of `perTransaction` events through `ServiceStore.write` on a store of
/// `BenchFollowerService` (the runtime's schema and the follower's table).
enum ApplyFloor {
    /// The SQL of the runtime's cursor advance (`SubscriptionCursor.advance(to:)`, internal to the
    /// runtime: copied here; the cursor is one row per followed source).
    static let advanceSQL = """
        INSERT INTO odop_subscription_cursors (source, last_seq) VALUES (?, ?)
        ON CONFLICT(source) DO UPDATE SET last_seq = excluded.last_seq, stalled_seq = NULL, stalled_type = NULL,
            stalled_error = NULL, stalled_attempts = NULL, stalled_since = NULL, stalled_envelope = NULL
        """

    /// A store opened as the follower's host opens it, in `directory`.
    static func store(directory: String, pageSize: Int) throws -> ServiceStore {
        let definition = BenchFollowerService(
            sourceCommands: "tcp://127.0.0.1:9", sourceEvents: "tcp://127.0.0.1:9", probe: ApplyProbe(), pageSize: pageSize)
        return try ServiceStore(directory: directory, definition: definition)
    }

    /// The seq the next applied event gets: seqs go on across runs and floors, as a follower's do.
    final class NextSeq {
        var value: Int64 = 1
    }

    /// `events` applied per run in transactions of `perTransaction`.
    static func work(store: ServiceStore, events: Int, perTransaction: Int, seq: NextSeq) -> FloorWork {
        FloorWork(operations: events) { _ in
            let first = seq.value
            seq.value += Int64(events)
            return {
                var applied: Int64 = 0
                while applied < Int64(events) {
                    let count = min(Int64(perTransaction), Int64(events) - applied)
                    try store.write { transaction in
                        for offset in applied..<(applied + count) {
                            let eventSeq = first + offset
                            try transaction.db.cachedStatement(sql: FollowerHandler.insertSQL)
                                .execute(arguments: [eventSeq, eventSeq, "event"])
                        }
                        try transaction.db.cachedStatement(sql: advanceSQL).execute(arguments: ["bench", first + applied + count - 1])
                    }
                    applied += count
                }
            }
        }
    }
}
