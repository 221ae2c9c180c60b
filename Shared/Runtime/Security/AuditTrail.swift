import Foundation
import GRDB
import ODOPMessages

/// The runtime's audit trail: the table `odop_audit` (see `RuntimeSchema`), written in the
/// transaction of what it records and queried by `audit.list`.
///
/// Contract: the command server records every successful change a command makes (who, when,
/// the request id, the command, its place, `before` as the record was — supplied by
/// `storeChange` or the handler — and `after`, the command's reply) in the command's own
/// transaction, so an entry exists exactly when the change does. Services add domain entries
/// with `ServiceTransaction.audit(...)` and, for reads, `ReadContext.audit(...)`. Entries older
/// than the retention (400 days unless configured, never under a year) are pruned.
///
/// A secret never enters the trail: a member named `secret` or `previousSecret` anywhere in
/// `before`, `after` or `details` (a webhook secret in the one reply that shows it) is written as
/// `"(redacted)"`.
enum AuditTrail {
    static let table = "odop_audit"

    struct Record {
        var who: String
        var role: String?
        var requestID: String?
        var command: String?
        var action: String
        var subject: String?
        var place: CommandPlace?
        var before: Data?
        var after: Data?
        var details: Data?
    }

    static func append(_ record: Record, at time: Date = Date(), _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO \(table) (time, who, role, request_id, command, action, subject, state, district, before, after, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                RFC3339.string(from: time), record.who, record.role, record.requestID, record.command, record.action, record.subject,
                record.place?.stateCode, record.place?.districtID, redacted(record.before).map(text), redacted(record.after).map(text),
                redacted(record.details).map(text),
            ])
    }

    private static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    /// Names of members whose values are never written (see the type).
    static let secretMembers: Set<String> = ["secret", "previousSecret"]
    private static let secretMarker = Data("ecret\"".utf8)

    /// `data` with every secret member's value replaced; unchanged (and not parsed) when it
    /// holds no such member name.
    static func redacted(_ data: Data?) -> Data? {
        guard let data, mayHoldSecret(data), let value = try? WireFormat.parse(data) else { return data }
        func scrub(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let members):
                return .object(
                    Dictionary(
                        uniqueKeysWithValues: members.map { key, member in
                            (key, secretMembers.contains(key) && member != .null ? .string("(redacted)") : scrub(member))
                        }))
            case .array(let elements): return .array(elements.map(scrub))
            default: return value
            }
        }
        return (try? WireFormat.encode(scrub(value))) ?? Data(#"{"redacted":true}"#.utf8)
    }

    /// Whether `data` holds the text `ecret"` (the end of both secret member names), by a scan
    /// of its bytes: `Data.range(of:)` went through Foundation's generic search, about 6,900
    /// instructions for a command's reply, run for every audited command (callgrind).
    static func mayHoldSecret(_ data: Data) -> Bool {
        data.withUnsafeBytes { bytes in
            secretMarker.withUnsafeBytes { marker in
                guard bytes.count >= marker.count else { return false }
                let first = marker[0]
                var index = 0
                let last = bytes.count - marker.count
                while index <= last {
                    if bytes[index] == first {
                        var matched = 1
                        while matched < marker.count && bytes[index + matched] == marker[matched] { matched += 1 }
                        if matched == marker.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }

    static func list(_ args: AuditList.Arguments, stateCode: String?, _ db: Database) throws -> AuditList.Result {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        func filter(_ sql: String, _ value: (any DatabaseValueConvertible)?) {
            guard let value else { return }
            conditions.append(sql)
            _ = arguments.append(contentsOf: [value])
        }
        filter("seq > ?", args.after)
        filter("who = ?", args.who)
        filter("command = ?", args.command)
        filter("action = ?", args.action)
        filter("subject = ?", args.subject)
        filter("state = ?", stateCode)
        filter("district = ?", args.district)
        filter("time >= ?", args.since.flatMap(RFC3339.date(from:)).map(RFC3339.string(from:)))
        filter("time <= ?", args.until.flatMap(RFC3339.date(from:)).map(RFC3339.string(from:)))
        let limit = args.limit ?? 100
        _ = arguments.append(contentsOf: [limit])
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT * FROM \(table)" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
                + " ORDER BY seq LIMIT ?",
            arguments: arguments)
        let items = rows.map { row in
            AuditEntry(
                seq: row["seq"], time: row["time"], who: row["who"], role: row["role"], requestId: row["request_id"],
                command: row["command"], action: row["action"], subject: row["subject"], state: row["state"],
                district: row["district"], before: json(row["before"]), after: json(row["after"]), details: json(row["details"]))
        }
        return AuditList.Result(items: items, lastSeq: items.last?.seq ?? args.after ?? 0)
    }

    private static func json(_ text: String?) -> JSONValue? {
        text.flatMap { try? WireFormat.parse(Data($0.utf8)) }
    }

    /// Deletes entries older than `cutoff`.
    static func prune(before cutoff: Date, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM \(table) WHERE time < ?", arguments: [RFC3339.string(from: cutoff)])
    }
}

// MARK: The API services use

extension ServiceTransaction {
    /// Adds a domain entry to the audit trail in this transaction (so it exists exactly when the
    /// change does): `action` names what happened (`verification.decided`, `stipend.paid`,
    /// `artisan.erased`, `webhook.secret-changed`, ...), `subject` the record, `details` anything
    /// else (never a secret, an identity number or a key). Who, when, the request id, the command
    /// and its place are filled in from the request being served (`who` is the service itself
    /// inside a subscription).
    public func audit(action: String, subject: String? = nil, details: JSONValue? = nil, before: JSONValue? = nil, after: JSONValue? = nil)
        throws
    {
        try AuditTrail.append(
            AuditTrail.Record(
                who: request.map(AuditTrail.who) ?? eventLog.source, role: request?.principal?.role.rawValue, requestID: request?.id,
                command: request?.command, action: action, subject: subject, place: place,
                before: try before.map(WireFormat.encode), after: try after.map(WireFormat.encode),
                details: try details.map(WireFormat.encode)),
            db)
    }

    /// `audit(action:subject:details:)` for a command that runs its own transaction
    /// (`CommandRegistry.plain`): the entry names `request`'s sender, request id and command.
    public func audit(action: String, subject: String? = nil, details: JSONValue? = nil, for request: RequestInfo) throws {
        self.request = request
        try audit(action: action, subject: subject, details: details)
    }

    /// `audit(action:subject:details:)` with any encodable details.
    public func audit(action: String, subject: String? = nil, details: some Encodable) throws {
        // Optional, so that this calls the JSONValue overload, not itself (JSONValue is Encodable).
        let value: JSONValue? = try WireFormat.parse(WireFormat.encode(details))
        try audit(action: action, subject: subject, details: value)
    }

    /// Supplies the `before` of the command's audit entry (the record as it was), for handlers
    /// that change a record without `storeChange`; the first value given wins.
    public func auditBefore(_ record: some Encodable) throws {
        guard recordedBefore == nil else { return }
        recordedBefore = try WireFormat.encode(record)
    }
}

extension AuditTrail {
    static func who(_ request: RequestInfo) -> String { request.principal?.name ?? "-" }
}

/// Audit entries a read handler asked for, written by the command server after the read and
/// before the reply is sent (a read snapshot cannot write): if they cannot be written, the
/// client gets an error instead of the data.
public final class ReadAudit: @unchecked Sendable {
    struct Pending {
        var action: String
        var subject: String?
        var details: Data?
    }

    private(set) var pending: [Pending] = []

    init() {}

    func add(_ entry: Pending) { pending.append(entry) }
}

extension ReadContext {
    /// Records a read in the audit trail (e.g. `artisan.unmasked-read` when an admin reads
    /// personal data unmasked): written before the reply leaves, with who, when, the request id,
    /// the command and its place; the reply is an error if it cannot be written.
    public func audit(action: String, subject: String? = nil, details: JSONValue? = nil) throws {
        auditLog.add(ReadAudit.Pending(action: action, subject: subject, details: try details.map(WireFormat.encode)))
    }
}
