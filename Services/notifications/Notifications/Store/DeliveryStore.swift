import Foundation
import GRDB
import ODOPMessages

/// A delivery as the worker needs it: the stored row plus its body.
struct StoredDelivery: Sendable {
    var ordinal: Int64
    var record: NotificationDelivery
    var body: Data
    var traceparent: String?
}

/// Reads and writes deliveries. Each is identified by its `webhook-id` (unique), and is made
/// with `INSERT OR IGNORE`, so a second attempt to make the same one changes nothing.
enum DeliveryStore {
    static let columns = """
        ordinal, id, subscription_id, event_id, type, status, attempts, next_attempt_at, last_attempt_at, last_status,
        last_error, created_at, sent_at, window_start, window_end, traceparent
        """

    /// Makes a pending delivery due at `dueAt`; returns false when it already existed.
    @discardableResult
    static func insert(
        _ db: Database, id: String, subscriptionId: String, eventId: String?, type: String, body: Data,
        traceparent: String?, now: Date, dueAt: Date, window: (start: Date, end: Date)? = nil
    ) throws -> Bool {
        try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO notification_deliveries
                    (id, subscription_id, event_id, type, status, attempts, next_attempt_at, created_at, window_start, window_end, traceparent, body)
                VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            id, subscriptionId, eventId, type, dueAt.timeIntervalSince1970, now.timeIntervalSince1970,
            window?.start.timeIntervalSince1970, window?.end.timeIntervalSince1970, traceparent, body,
        ])
        return db.changesCount > 0
    }

    static func decode(_ row: Row) -> NotificationDelivery {
        func time(_ column: String) -> String? {
            (row[column] as Double?).map { RFC3339.string(from: Date(timeIntervalSince1970: $0)) }
        }
        return NotificationDelivery(
            id: row["id"], subscriptionId: row["subscription_id"], eventId: row["event_id"], type: row["type"],
            status: DeliveryStatus(rawValue: row["status"]) ?? .pending, attempts: row["attempts"],
            nextAttemptAt: (row["status"] as String) == "pending" ? time("next_attempt_at") : nil,
            lastAttemptAt: time("last_attempt_at"), lastStatus: row["last_status"], lastError: row["last_error"],
            createdAt: time("created_at") ?? "", sentAt: time("sent_at"), windowStart: time("window_start"),
            windowEnd: time("window_end"))
    }

    static func find(_ db: Database, id: String) throws -> NotificationDelivery? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM notification_deliveries WHERE id = ?", arguments: [id]).map(decode)
    }

    static func require(_ db: Database, id: String) throws -> NotificationDelivery {
        guard let found = try find(db, id: id) else { throw CommandError.notFound("no delivery '\(id)'", field: "id") }
        return found
    }

    static func list(_ db: Database, status: DeliveryStatus?, subscriptionId: String?, eventId: String?, limit: Int, offset: Int) throws
        -> ([NotificationDelivery], Int)
    {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let status {
            conditions.append("status = ?")
            arguments.append(status.rawValue)
        }
        if let subscriptionId {
            conditions.append("subscription_id = ?")
            arguments.append(subscriptionId)
        }
        if let eventId {
            conditions.append("event_id = ?")
            arguments.append(eventId)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let total =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM notification_deliveries \(whereClause)", arguments: StatementArguments(arguments)) ?? 0
        let rows = try Row.fetchAll(
            db, sql: "SELECT \(columns) FROM notification_deliveries \(whereClause) ORDER BY ordinal LIMIT \(limit) OFFSET \(offset)",
            arguments: StatementArguments(arguments))
        return (rows.map(decode), total)
    }

    /// Pending deliveries due at `now` of active subscriptions, oldest first; for an ordered
    /// subscription only its head (its oldest pending or dead delivery: a dead head blocks it).
    static func due(_ db: Database, now: Date, limit: Int) throws -> [StoredDelivery] {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT d.ordinal, d.id, d.subscription_id, d.event_id, d.type, d.status, d.attempts, d.next_attempt_at,
                           d.last_attempt_at, d.last_status, d.last_error, d.created_at, d.sent_at, d.window_start, d.window_end,
                           d.traceparent, d.body
                    FROM notification_deliveries d JOIN notification_subscriptions s ON s.id = d.subscription_id
                    WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND s.status = 'active'
                      AND (s.ordered = 0 OR d.ordinal = (
                          SELECT MIN(h.ordinal) FROM notification_deliveries h
                          WHERE h.subscription_id = d.subscription_id AND h.status IN ('pending', 'dead')))
                    ORDER BY d.ordinal LIMIT ?
                    """), arguments: [now.timeIntervalSince1970, limit])
        return rows.map { StoredDelivery(ordinal: $0["ordinal"], record: decode($0), body: $0["body"], traceparent: $0["traceparent"]) }
    }

    /// The earliest time a pending delivery of an active subscription falls due (for the worker's sleep).
    static func nextDue(_ db: Database) throws -> Date? {
        try Double.fetchOne(
            db,
            sql: """
                SELECT MIN(d.next_attempt_at) FROM notification_deliveries d JOIN notification_subscriptions s ON s.id = d.subscription_id
                WHERE d.status = 'pending' AND s.status = 'active'
                """
        ).map(Date.init(timeIntervalSince1970:))
    }

    static func markSent(_ db: Database, ordinal: Int64, attempts: Int, status: Int?, now: Date) throws {
        try db.execute(
            sql: """
                UPDATE notification_deliveries SET status = 'sent', attempts = ?, last_status = ?, last_error = NULL,
                    last_attempt_at = ?, sent_at = ?, next_attempt_at = NULL WHERE ordinal = ?
                """, arguments: [attempts, status, now.timeIntervalSince1970, now.timeIntervalSince1970, ordinal])
    }

    static func markFailed(_ db: Database, ordinal: Int64, attempts: Int, status: Int?, error: String, now: Date, next: Date?) throws {
        try db.execute(
            sql: """
                UPDATE notification_deliveries SET status = ?, attempts = ?, last_status = ?, last_error = ?,
                    last_attempt_at = ?, next_attempt_at = ?, dead_at = ? WHERE ordinal = ?
                """,
            arguments: [
                next == nil ? "dead" : "pending", attempts, status, error, now.timeIntervalSince1970,
                next?.timeIntervalSince1970, next == nil ? now.timeIntervalSince1970 : nil, ordinal,
            ])
    }

    /// Makes deliveries pending again from their first attempt, keeping their ids.
    static func requeue(_ db: Database, where condition: String, arguments: StatementArguments, now: Date) throws -> Int {
        try db.execute(
            sql: """
                UPDATE notification_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, dead_at = NULL
                WHERE \(condition)
                """, arguments: [now.timeIntervalSince1970] + arguments)
        return db.changesCount
    }
}

extension DeliveryStore {
    /// A resumed subscription's pending deliveries become due now (those held back keep order).
    static func requeueDueNow(_ db: Database, subscriptionId: String, now: Date) throws -> Int {
        try db.execute(
            sql: """
                UPDATE notification_deliveries SET next_attempt_at = ? WHERE subscription_id = ? AND status = 'pending' AND next_attempt_at > ?
                """, arguments: [now.timeIntervalSince1970, subscriptionId, now.timeIntervalSince1970])
        return db.changesCount
    }
}
