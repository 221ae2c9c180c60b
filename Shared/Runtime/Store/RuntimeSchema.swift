import GRDB
import ODOPMessages

/// The runtime's own tables, in one place. Every name starts with `odop_`, so that no service
/// table can collide with them (a service's migrations must not use that prefix); services reach
/// them only through the runtime (`ServiceTransaction.emit`, the subscriptions), never by SQL.
///
/// - `odop_events`: the durable event log and transactional outbox. `seq` is the per-source
///   sequence number (INTEGER PRIMARY KEY: gap-free because it is assigned inside the writing
///   transaction as max + 1, and never deleted). `envelope` is the exact JSON published and
///   replayed. `correlation_id` and `trace_id` (the trace id of the envelope's `traceparent`) are
///   indexed for `events.trace`.
/// - `odop_command_replies`: replies to mutating commands by request id, stored in the command's
///   own transaction, so a retried request is answered from here instead of applied again.
/// - `odop_subscription_cursors`: per followed source, the last seq applied and a stall, if any,
///   with the stalled event's envelope (so that a retry needs no replay).
/// - `odop_subscription_skips`: events an admin skipped, with the reason (kept for audit).
/// - `odop_audit`: the audit trail (`AuditTrail`): who did what, when, where, before and after.
/// - `odop_source`: one row, the service's epoch as an event source: a UUID made with the
///   database and changed in every backup copy (`backup.create`), so that subscribers of a
///   service restored from a backup notice it. The cursors keep the epoch of the source they
///   followed (`source_epoch`).
enum RuntimeSchema {
    static let events = "odop_events"
    static let commandReplies = "odop_command_replies"
    static let subscriptionCursors = "odop_subscription_cursors"
    static let subscriptionSkips = "odop_subscription_skips"
    static let audit = "odop_audit"
    static let source = "odop_source"

    static func register(in migrator: inout DatabaseMigrator) {
        // The first release's tables, unprefixed; `runtime-v2` renames them. Shipped migrations
        // are never edited: a database made by that release upgrades in place.
        migrator.registerMigration("runtime-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE events (
                        seq INTEGER PRIMARY KEY,
                        id TEXT NOT NULL UNIQUE,
                        type TEXT NOT NULL,
                        time TEXT NOT NULL,
                        correlation_id TEXT,
                        envelope BLOB NOT NULL
                    );
                    CREATE TABLE command_replies (
                        request_id TEXT PRIMARY KEY,
                        command TEXT NOT NULL,
                        reply BLOB NOT NULL,
                        created_at REAL NOT NULL
                    );
                    CREATE INDEX command_replies_created_at ON command_replies(created_at);
                    CREATE TABLE subscription_cursors (
                        source TEXT PRIMARY KEY,
                        last_seq INTEGER NOT NULL DEFAULT 0,
                        stalled_seq INTEGER,
                        stalled_type TEXT,
                        stalled_error TEXT,
                        stalled_attempts INTEGER,
                        stalled_since TEXT
                    );
                    CREATE TABLE subscription_skips (
                        source TEXT NOT NULL,
                        seq INTEGER NOT NULL,
                        type TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        error TEXT NOT NULL,
                        time TEXT NOT NULL,
                        PRIMARY KEY (source, seq)
                    );
                    """)
        }
        migrator.registerMigration("runtime-v2-own-names") { db in
            try db.execute(
                sql: """
                    ALTER TABLE events RENAME TO \(events);
                    ALTER TABLE command_replies RENAME TO \(commandReplies);
                    DROP INDEX command_replies_created_at;
                    CREATE INDEX \(commandReplies)_created_at ON \(commandReplies)(created_at);
                    ALTER TABLE subscription_cursors RENAME TO \(subscriptionCursors);
                    ALTER TABLE \(subscriptionCursors) ADD COLUMN stalled_envelope BLOB;
                    ALTER TABLE subscription_skips RENAME TO \(subscriptionSkips);
                    """)
        }
        migrator.registerMigration("runtime-v3-epoch") { db in
            try db.execute(
                sql: """
                    CREATE TABLE \(source) (id INTEGER PRIMARY KEY CHECK (id = 1), epoch TEXT NOT NULL);
                    ALTER TABLE \(subscriptionCursors) ADD COLUMN source_epoch TEXT;
                    """)
            try db.execute(sql: "INSERT INTO \(source) (id, epoch) VALUES (1, ?)", arguments: [RandomUUID.string()])
        }
        migrator.registerMigration("runtime-v4-trace-lookup") { db in
            try db.execute(
                sql: """
                    ALTER TABLE \(events) ADD COLUMN trace_id TEXT;
                    CREATE INDEX \(events)_trace_id ON \(events)(trace_id) WHERE trace_id IS NOT NULL;
                    CREATE INDEX \(events)_correlation_id ON \(events)(correlation_id) WHERE correlation_id IS NOT NULL;
                    """)
        }
        migrator.registerMigration("runtime-v4-audit") { db in
            try db.execute(
                sql: """
                    CREATE TABLE \(audit) (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        time TEXT NOT NULL,
                        who TEXT NOT NULL,
                        role TEXT,
                        request_id TEXT,
                        command TEXT,
                        action TEXT NOT NULL,
                        subject TEXT,
                        state TEXT,
                        district TEXT,
                        before TEXT,
                        after TEXT,
                        details TEXT
                    );
                    CREATE INDEX \(audit)_time ON \(audit)(time);
                    CREATE INDEX \(audit)_who ON \(audit)(who, seq);
                    CREATE INDEX \(audit)_subject ON \(audit)(subject, seq);
                    """)
        }
    }
}
