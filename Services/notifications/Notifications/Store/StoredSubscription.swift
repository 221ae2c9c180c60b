import Foundation
import GRDB
import ODOPMessages

/// A subscription as stored, with what replies never show: its secrets and failure streak.
struct StoredSubscription: Sendable {
    var id: String
    var seq: Int64
    var recipient: Recipient
    var channel: ChannelKind
    var target: String
    var filter: SubscriptionFilter
    var language: MessageLanguage
    var mode: DeliveryMode
    var digestAt: String?
    var ordered: Bool
    var status: NotificationSubscriptionStatus
    var disabledReason: String?
    var secret: String?
    var previousSecret: String?
    var previousSecretUntil: Date?
    var failingSince: Date?
    var createdAt: Date
    var updatedAt: Date
    var version: Int

    /// The secrets to sign with at `now`, newest first.
    func secrets(at now: Date) -> [String] {
        var secrets: [String] = []
        if let secret { secrets.append(secret) }
        if let previousSecret, let until = previousSecretUntil, until > now { secrets.append(previousSecret) }
        return secrets
    }

    func record(at now: Date) -> NotificationSubscription {
        NotificationSubscription(
            id: id, recipient: recipient, channel: channel, target: target, filter: filter, language: language,
            mode: mode, digestAt: mode == .daily ? (digestAt ?? "09:00") : nil, ordered: ordered, status: status,
            disabledReason: disabledReason, rotating: secrets(at: now).count > 1,
            createdAt: RFC3339.string(from: createdAt), updatedAt: RFC3339.string(from: updatedAt), version: version)
    }

    /// Minutes after IST midnight when a daily window ends.
    var digestMinutes: Int { digestAt.flatMap(IndiaTime.minutes(ofClockTime:)) ?? 9 * 60 }

    /// The digest window `[start, end)` holding `date`, for a digest subscription.
    func window(holding date: Date) -> (start: Date, end: Date)? {
        switch mode {
        case .immediate:
            return nil
        case .hourly:
            let start = IndiaTime.hourStart(of: date)
            return (start, start.addingTimeInterval(3600))
        case .daily:
            let start = IndiaTime.dayStart(of: date, minutesAfterMidnight: digestMinutes)
            return (start, start.addingTimeInterval(86_400))
        }
    }
}

/// Reads and writes subscriptions.
enum SubscriptionStore {
    static let columns = """
        id, seq, recipient_name, recipient_role, channel, target, filter, language, mode, digest_at, ordered, status,
        disabled_reason, secret, previous_secret, previous_secret_until, failing_since, created_at, updated_at, version
        """

    static func decode(_ row: Row) throws -> StoredSubscription {
        let filterData: Data = row["filter"]
        return StoredSubscription(
            id: row["id"], seq: row["seq"],
            recipient: Recipient(name: row["recipient_name"], role: row["recipient_role"]),
            channel: ChannelKind(rawValue: row["channel"]) ?? .log, target: row["target"],
            filter: try JSONDecoder().decode(SubscriptionFilter.self, from: filterData),
            language: MessageLanguage(rawValue: row["language"]) ?? .en,
            mode: DeliveryMode(rawValue: row["mode"]) ?? .immediate, digestAt: row["digest_at"],
            ordered: row["ordered"], status: NotificationSubscriptionStatus(rawValue: row["status"]) ?? .active,
            disabledReason: row["disabled_reason"], secret: row["secret"], previousSecret: row["previous_secret"],
            previousSecretUntil: (row["previous_secret_until"] as Double?).map(Date.init(timeIntervalSince1970:)),
            failingSince: (row["failing_since"] as Double?).map(Date.init(timeIntervalSince1970:)),
            createdAt: Date(timeIntervalSince1970: row["created_at"]), updatedAt: Date(timeIntervalSince1970: row["updated_at"]),
            version: row["version"])
    }

    static func find(_ db: Database, id: String) throws -> StoredSubscription? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM notification_subscriptions WHERE id = ?", arguments: [id]).map(decode)
    }

    static func require(_ db: Database, id: String) throws -> StoredSubscription {
        guard let found = try find(db, id: id) else { throw CommandError.notFound("no subscription '\(id)'", field: "id") }
        return found
    }

    static func all(_ db: Database) throws -> [StoredSubscription] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(columns) FROM notification_subscriptions ORDER BY seq")).map(decode)
    }

    static func list(_ db: Database, status: NotificationSubscriptionStatus?, limit: Int, offset: Int) throws -> ([StoredSubscription], Int)
    {
        let condition = status == nil ? "" : "WHERE status = ?"
        let arguments: StatementArguments = status.map { [$0.rawValue] } ?? []
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notification_subscriptions \(condition)", arguments: arguments) ?? 0
        let rows = try Row.fetchAll(
            db, sql: "SELECT \(columns) FROM notification_subscriptions \(condition) ORDER BY seq LIMIT \(limit) OFFSET \(offset)",
            arguments: arguments)
        return (try rows.map(decode), total)
    }

    static func insert(_ db: Database, _ s: StoredSubscription) throws {
        let seq = (try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM notification_subscriptions") ?? 0) + 1
        try db.execute(
            sql: """
                INSERT INTO notification_subscriptions (\(columns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: arguments(s, seq: seq))
    }

    static func save(_ db: Database, _ s: StoredSubscription) throws {
        try db.execute(sql: "DELETE FROM notification_subscriptions WHERE id = ?", arguments: [s.id])
        try db.execute(
            sql: """
                INSERT INTO notification_subscriptions (\(columns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: arguments(s, seq: s.seq))
    }

    static func delete(_ db: Database, id: String) throws {
        try db.execute(sql: "DELETE FROM notification_subscriptions WHERE id = ?", arguments: [id])
    }

    private static func arguments(_ s: StoredSubscription, seq: Int64) throws -> StatementArguments {
        let filter = try WireFormat.encode(s.filter)
        let values: [(any DatabaseValueConvertible)?] = [
            s.id, seq, s.recipient.name, s.recipient.role, s.channel.rawValue, s.target, filter, s.language.rawValue,
            s.mode.rawValue, s.digestAt, s.ordered, s.status.rawValue, s.disabledReason, s.secret, s.previousSecret,
            s.previousSecretUntil?.timeIntervalSince1970, s.failingSince?.timeIntervalSince1970,
            s.createdAt.timeIntervalSince1970, s.updatedAt.timeIntervalSince1970, s.version,
        ]
        return StatementArguments(values)
    }
}
