import Foundation

/// One entry of a service's audit trail: who did what, when, where, with the values before and
/// after a change.
///
/// `who` is the client key's name from the allowlist (`-` when the service runs open, the
/// service's own name for what it does by itself); `action` is the command for a command's change
/// (`product.update`), or a domain action a service records (`artisan.unmasked-read`,
/// `webhook.secret-changed`), or a runtime action (`keys.reloaded`). `before` and `after` are
/// JSON values (the record as it was and the command's reply); `details` is whatever else the
/// action names. Keys never appear in it.
public struct AuditEntry: Codable, Sendable, Equatable {
    /// Increasing; the `after` cursor of `audit.list`.
    public var seq: Int64
    /// RFC 3339, UTC.
    public var time: String
    public var who: String
    /// The role of `who` when the entry was made (absent when open).
    public var role: String?
    public var requestId: String?
    public var command: String?
    public var action: String
    /// What the action was about (a record id), when it names one.
    public var subject: String?
    /// The state's two-letter code and the district id the action was in, when known.
    public var state: String?
    public var district: String?
    public var before: JSONValue?
    public var after: JSONValue?
    public var details: JSONValue?

    public init(
        seq: Int64, time: String, who: String, role: String? = nil, requestId: String? = nil, command: String? = nil, action: String,
        subject: String? = nil, state: String? = nil, district: String? = nil, before: JSONValue? = nil, after: JSONValue? = nil,
        details: JSONValue? = nil
    ) {
        self.seq = seq
        self.time = time
        self.who = who
        self.role = role
        self.requestId = requestId
        self.command = command
        self.action = action
        self.subject = subject
        self.state = state
        self.district = district
        self.before = before
        self.after = after
        self.details = details
    }
}

/// `audit.list` `{"who"?, "command"?, "action"?, "subject"?, "state"?, "district"?, "since"?,
/// "until"?, "after"?, "limit"?}` → `{"items": [AuditEntry], "lastSeq": n}`: the audit trail,
/// oldest first, filtered by every field given (`since`/`until` are RFC 3339 times, inclusive;
/// `after` a seq cursor; `limit` 1–1000, default 100; `state` any spelling of a state, matched by
/// its code; `district` a district id such as `UP-firozabad`). `lastSeq` is the seq of the last
/// item (the next page's `after`), or `after` when there is none. Needs the admin role.
public enum AuditList: CommandSchema {
    public static let name = "audit.list"
    public static let isMutating = false

    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var who: String?
        public var command: String?
        public var action: String?
        public var subject: String?
        public var state: String?
        public var district: String?
        public var since: String?
        public var until: String?
        public var after: Int64?
        public var limit: Int?

        public init(
            who: String? = nil, command: String? = nil, action: String? = nil, subject: String? = nil, state: String? = nil,
            district: String? = nil, since: String? = nil, until: String? = nil, after: Int64? = nil, limit: Int? = nil
        ) {
            self.who = who
            self.command = command
            self.action = action
            self.subject = subject
            self.state = state
            self.district = district
            self.since = since
            self.until = until
            self.after = after
            self.limit = limit
        }

        public func validate() throws(CommandError) {
            if let limit, !(1...1000).contains(limit) {
                throw .invalidArgument("field 'limit' must be between 1 and 1000, got \(limit)", field: "limit")
            }
            if let after, after < 0 { throw .invalidArgument("field 'after' must be at least 0, got \(after)", field: "after") }
            for (field, value) in [("since", since), ("until", until)] {
                if let value, RFC3339.date(from: value) == nil {
                    throw .invalidArgument(
                        "field '\(field)' must be an RFC 3339 time such as 2026-01-31T00:00:00Z, got '\(value)'", field: field)
                }
            }
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var items: [AuditEntry]
        public var lastSeq: Int64

        public init(items: [AuditEntry], lastSeq: Int64) {
            self.items = items
            self.lastSeq = lastSeq
        }
    }
}
