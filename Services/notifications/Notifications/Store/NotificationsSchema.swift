import GRDB
import ODOPRuntime

/// The notifications service's tables (all `notification_*`). Times are seconds since 1970
/// (REAL); bodies are the exact bytes sent and signed.
public enum NotificationsSchema {
    public static let migrations: [ServiceMigration] = [
        ServiceMigration("notifications-1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE notification_subscriptions (
                        id TEXT PRIMARY KEY,
                        seq INTEGER NOT NULL,
                        recipient_name TEXT NOT NULL,
                        recipient_role TEXT NOT NULL,
                        channel TEXT NOT NULL,
                        target TEXT NOT NULL,
                        filter TEXT NOT NULL,
                        language TEXT NOT NULL,
                        mode TEXT NOT NULL,
                        digest_at TEXT,
                        ordered INTEGER NOT NULL,
                        status TEXT NOT NULL,
                        disabled_reason TEXT,
                        secret TEXT,
                        previous_secret TEXT,
                        previous_secret_until REAL,
                        failing_since REAL,
                        created_at REAL NOT NULL,
                        updated_at REAL NOT NULL,
                        version INTEGER NOT NULL
                    );
                    CREATE TABLE notification_secret_requests (
                        request_id TEXT PRIMARY KEY,
                        subscription_id TEXT NOT NULL,
                        created_at REAL NOT NULL
                    );
                    CREATE TABLE notification_deliveries (
                        ordinal INTEGER PRIMARY KEY AUTOINCREMENT,
                        id TEXT NOT NULL UNIQUE,
                        subscription_id TEXT NOT NULL,
                        event_id TEXT,
                        type TEXT NOT NULL,
                        status TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at REAL,
                        last_attempt_at REAL,
                        last_status INTEGER,
                        last_error TEXT,
                        created_at REAL NOT NULL,
                        sent_at REAL,
                        dead_at REAL,
                        window_start REAL,
                        window_end REAL,
                        traceparent TEXT,
                        body BLOB NOT NULL
                    );
                    CREATE INDEX notification_deliveries_due ON notification_deliveries (status, next_attempt_at);
                    CREATE INDEX notification_deliveries_by_subscription ON notification_deliveries (subscription_id, status, ordinal);
                    CREATE INDEX notification_deliveries_by_event ON notification_deliveries (event_id);
                    CREATE TABLE notification_digest_items (
                        subscription_id TEXT NOT NULL,
                        event_id TEXT NOT NULL,
                        window_start REAL NOT NULL,
                        window_end REAL NOT NULL,
                        type TEXT NOT NULL,
                        state TEXT,
                        district TEXT,
                        event_time REAL NOT NULL,
                        PRIMARY KEY (subscription_id, event_id)
                    );
                    CREATE INDEX notification_digest_items_window ON notification_digest_items (window_end);
                    """)
        },
        ServiceMigration("notifications-2-attempt-outcomes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE notification_attempt_outcomes (
                        channel TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        count INTEGER NOT NULL,
                        PRIMARY KEY (channel, outcome)
                    ) WITHOUT ROWID;
                    """)
        },
    ]
}
