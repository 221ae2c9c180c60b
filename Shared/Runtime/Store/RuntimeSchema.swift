import GRDB

/// The runtime's own tables, created before any service migration.
///
/// - `events`: the durable event log and transactional outbox. `seq` is the per-source sequence
///   number (INTEGER PRIMARY KEY: gap-free because it is assigned inside the writing transaction
///   as max + 1, and never deleted). `envelope` is the exact JSON published and replayed.
/// - `command_replies`: replies to mutating commands by request id, stored in the command's own
///   transaction, so a retried request is answered from here instead of applied again.
/// - `subscription_cursors`: per source, the last seq applied and a stall, if any.
/// - `subscription_skips`: events an admin skipped, with the reason (kept for audit).
enum RuntimeSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("runtime-v1") { db in
            try db.execute(sql: """
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
    }
}
