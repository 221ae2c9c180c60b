import Foundation
import GRDB
import ODOPMessages

/// Where one subscription stands, as stored in the follower's database
/// (`odop_subscription_cursors`, `odop_subscription_skips`): the last seq applied, and the event
/// it stalled at, if any, with that event's envelope so that a retry needs no replay.
///
/// Every write happens inside a transaction the caller opened, so the cursor moves in the same
/// commit as the effects of the events it counts.
struct SubscriptionCursor: Sendable {
    let source: String

    /// What was stored: the last seq applied, and the stall with its envelope when stalled.
    struct Stored {
        var lastApplied: Int64 = 0
        var stalled: StalledEvent?
        var stalledEnvelope: Data?
        /// The epoch of the source when this follower first heard of it (or resynced).
        var sourceEpoch: String?
    }

    func load(_ db: Database) throws -> Stored {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM \(RuntimeSchema.subscriptionCursors) WHERE source = ?", arguments: [source])
        else { return Stored() }
        var stored = Stored(lastApplied: row["last_seq"], sourceEpoch: row["source_epoch"])
        if let seq: Int64 = row["stalled_seq"] {
            stored.stalled = StalledEvent(
                seq: seq, type: row["stalled_type"] ?? "", error: row["stalled_error"] ?? "",
                attempts: row["stalled_attempts"] ?? 0, since: row["stalled_since"] ?? "")
            stored.stalledEnvelope = row["stalled_envelope"]
        }
        return stored
    }

    /// Records `seq` as the last event applied and clears any stall.
    func advance(to seq: Int64, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO \(RuntimeSchema.subscriptionCursors) (source, last_seq) VALUES (?, ?)
                ON CONFLICT(source) DO UPDATE SET last_seq = excluded.last_seq, stalled_seq = NULL, stalled_type = NULL,
                    stalled_error = NULL, stalled_attempts = NULL, stalled_since = NULL, stalled_envelope = NULL
                """
        ).execute(arguments: [source, seq])
    }

    /// Records that the subscription stalled at `stalled` (the event after `lastApplied`).
    func stall(at stalled: StalledEvent, envelope: Data?, lastApplied: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO \(RuntimeSchema.subscriptionCursors)
                    (source, last_seq, stalled_seq, stalled_type, stalled_error, stalled_attempts, stalled_since, stalled_envelope)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(source) DO UPDATE SET stalled_seq = excluded.stalled_seq, stalled_type = excluded.stalled_type,
                    stalled_error = excluded.stalled_error, stalled_attempts = excluded.stalled_attempts,
                    stalled_since = excluded.stalled_since, stalled_envelope = excluded.stalled_envelope
                """, arguments: [source, lastApplied, stalled.seq, stalled.type, stalled.error, stalled.attempts, stalled.since, envelope])
    }

    /// Clears a stall without moving the cursor (the event will be fetched and tried again).
    func clearStall(_ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE \(RuntimeSchema.subscriptionCursors) SET stalled_seq = NULL, stalled_type = NULL, stalled_error = NULL,
                    stalled_attempts = NULL, stalled_since = NULL, stalled_envelope = NULL WHERE source = ?
                """, arguments: [source])
    }

    /// Records the epoch of the source this follower follows (the first it hears of).
    func adopt(epoch: String, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO \(RuntimeSchema.subscriptionCursors) (source, last_seq, source_epoch) VALUES (?, 0, ?)
                ON CONFLICT(source) DO UPDATE SET source_epoch = excluded.source_epoch
                """, arguments: [source, epoch])
    }

    /// Accepts a restored source: its new epoch, and the cursor moved to `after`; clears a stall.
    func resync(epoch: String, after: Int64, _ db: Database) throws {
        try adopt(epoch: epoch, db)
        try advance(to: after, db)
    }

    /// Records that an admin skipped the stalled event, and moves the cursor past it.
    func skip(_ stalled: StalledEvent, reason: String, _ db: Database) throws {
        try db.execute(
            sql:
                "INSERT OR REPLACE INTO \(RuntimeSchema.subscriptionSkips) (source, seq, type, reason, error, time) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [source, stalled.seq, stalled.type, reason, stalled.error, RFC3339.string(from: Date())])
        try advance(to: stalled.seq, db)
    }

    /// Every event an admin skipped, of every source, in order.
    static func skipped(_ db: Database) throws -> [SkippedEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM \(RuntimeSchema.subscriptionSkips) ORDER BY source, seq").map { row in
            SkippedEvent(
                source: row["source"], seq: row["seq"], type: row["type"], reason: row["reason"], error: row["error"], time: row["time"])
        }
    }

    /// The last seq applied from `source`, read from a snapshot (for tools and tests).
    static func lastApplied(source: String, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT last_seq FROM \(RuntimeSchema.subscriptionCursors) WHERE source = ?", arguments: [source]) ?? 0
    }
}
