import Foundation

// The commands every service answers, provided by the service runtime.

/// `health` → `HealthReport`. Any admitted client may call it.
public enum Health: CommandSchema {
    public typealias Arguments = NoArguments
    public typealias Result = HealthReport
    public static let name = "health"
    public static let isMutating = false
}

/// `events.replay` `{"after": N, "limit": M}` → `{"events": [...], "lastSeq": K}`: the
/// service's own events with seq > N, in seq order, at most M of them; `lastSeq` is the
/// service's latest seq, so a caller is caught up when the last returned seq (or N, when none
/// are returned) equals `lastSeq`. Heartbeats are never replayed.
public enum EventsReplay: CommandSchema {
    public static let name = "events.replay"
    public static let isMutating = false
    /// `limit` when the caller gives none.
    public static let defaultLimit = 1000
    /// The largest `limit` accepted.
    public static let maximumLimit = 10_000
    public static let limitRange = 1...maximumLimit

    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        /// Return events with seq greater than this; 0 for all. At least 0.
        public var after: Int64
        /// At most this many events, 1...10000; nil means `defaultLimit`.
        public var limit: Int?

        public init(after: Int64, limit: Int? = nil) {
            self.after = after
            self.limit = limit
        }

        /// `limit`, or the default when absent.
        public var effectiveLimit: Int { limit ?? EventsReplay.defaultLimit }

        public func validate() throws(CommandError) {
            guard after >= 0 else {
                throw .invalidArgument("field 'after' must be at least 0, got \(after)", field: "after")
            }
            if let limit, !EventsReplay.limitRange.contains(limit) {
                throw .invalidArgument(
                    "field 'limit' must be between 1 and \(EventsReplay.maximumLimit), got \(limit)", field: "limit")
            }
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var events: [EventEnvelope]
        public var lastSeq: Int64
        /// The source's epoch (see `HealthReport.epoch`).
        public var epoch: String?

        public init(events: [EventEnvelope], lastSeq: Int64, epoch: String? = nil) {
            self.events = events
            self.lastSeq = lastSeq
            self.epoch = epoch
        }
    }

    /// Writes the result JSON from envelopes already stored as JSON (as written by
    /// `WireFormat.encode`), without decoding them, one at a time into one buffer as they are
    /// read: on its own, or straight into the reply frame being built
    /// (`CommandReply.SuccessFrame`).
    public struct ResultWriter {
        // Bytes, made `Data` once with the whole frame: appending to `Data` cost ~2,000
        // instructions an envelope (its comma went through `replaceSubrange`).
        private var json: [UInt8]
        private var first = true

        /// Writes after `bytes` (a reply frame's head; none for the result on its own), with room
        /// for `capacity` more bytes (the buffer grows past it as needed).
        public init(continuing bytes: consuming [UInt8] = [], capacity: Int = 64 * 1024) {
            json = bytes
            json.reserveCapacity(json.count + capacity)
            JSONText.appendLiteral(#"{"events":["#, to: &json)
        }

        /// Appends one stored envelope's JSON.
        public mutating func append(encodedEvent: UnsafeRawBufferPointer) {
            if !first { json.append(UInt8(ascii: ",")) }
            first = false
            json.append(contentsOf: encodedEvent)
        }

        /// The bytes written (after those it continued, if any): the envelopes appended, then
        /// `lastSeq` and `epoch`.
        public consuming func finish(lastSeq: Int64, epoch: String?) -> [UInt8] {
            json.append(contentsOf: #"],"lastSeq":\#(lastSeq)"#.utf8)
            if let epoch { json.append(contentsOf: #","epoch":"\#(epoch)""#.utf8) }
            json.append(UInt8(ascii: "}"))
            return json
        }
    }
}

/// `subscriptions.retry` `{"source": "catalogue"}` → the subscription's `SubscriptionStatus`:
/// try the event a stalled subscription is stopped at again. Mutating (admin).
public enum SubscriptionRetry: CommandSchema {
    public typealias Result = SubscriptionStatus
    public static let name = "subscriptions.retry"
    public static let isMutating = true

    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var source: String

        public init(source: String) {
            self.source = source
        }

        public func validate() throws(CommandError) {
            guard !source.isEmpty else { throw .invalidArgument("field 'source' must not be empty", field: "source") }
        }
    }
}

/// `subscriptions.skip` `{"source": "catalogue", "seq": 42, "reason": "..."}` → the
/// subscription's `SubscriptionStatus`: give up on the event a stalled subscription is stopped
/// at (which must be `seq`, so a skip is never applied to the wrong event) and go on after it.
/// The skip is recorded with its reason (see `subscriptions.list`). Mutating (admin).
public enum SubscriptionSkip: CommandSchema {
    public typealias Result = SubscriptionStatus
    public static let name = "subscriptions.skip"
    public static let isMutating = true

    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var source: String
        /// The seq the subscription is stalled at.
        public var seq: Int64
        /// Why it is skipped; must not be blank.
        public var reason: String

        public init(source: String, seq: Int64, reason: String) {
            self.source = source
            self.seq = seq
            self.reason = reason
        }

        public func validate() throws(CommandError) {
            guard !source.isEmpty else { throw .invalidArgument("field 'source' must not be empty", field: "source") }
            guard seq >= 1 else { throw .invalidArgument("field 'seq' must be at least 1, got \(seq)", field: "seq") }
            guard !reason.allSatisfy(\.isWhitespace) else {
                throw .invalidArgument("field 'reason' must not be empty", field: "reason")
            }
        }
    }
}

/// `subscriptions.list` → `{"subscriptions": [...], "skipped": [...]}`: every subscription's
/// status and every event ever skipped.
public enum SubscriptionsList: CommandSchema {
    public typealias Arguments = NoArguments
    public static let name = "subscriptions.list"
    public static let isMutating = false

    public struct Result: Codable, Sendable, Equatable {
        public var subscriptions: [SubscriptionStatus]
        public var skipped: [SkippedEvent]

        public init(subscriptions: [SubscriptionStatus], skipped: [SkippedEvent]) {
            self.subscriptions = subscriptions
            self.skipped = skipped
        }
    }
}

/// `events.trace` `{"traceId": "<32 hex>"}` or `{"correlationId": "<request or event id>"}` →
/// `{"events": [envelope...], "truncated": false}`: the service's own events of one trace, or
/// caused by one request or event, in seq order, at most `limit` (default and maximum 1000;
/// `truncated` says more exist). Served from indexed columns: it never scans the event log.
/// Exactly one of `traceId` and `correlationId` must be given.
public enum EventsTrace: CommandSchema {
    public static let name = "events.trace"
    public static let isMutating = false
    /// The most events one answer holds.
    public static let maximumLimit = 1000

    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        /// The trace id: 32 lowercase hex digits, as in a `traceparent`.
        public var traceId: String?
        /// A command request id, or the id of an event a subscriber applied.
        public var correlationId: String?
        /// At most this many events, 1...1000; nil means 1000.
        public var limit: Int?

        public init(traceId: String? = nil, correlationId: String? = nil, limit: Int? = nil) {
            self.traceId = traceId
            self.correlationId = correlationId
            self.limit = limit
        }

        public var effectiveLimit: Int { limit ?? EventsTrace.maximumLimit }

        public func validate() throws(CommandError) {
            switch (traceId, correlationId) {
            case (nil, nil):
                throw .invalidArgument("give 'traceId' or 'correlationId'", field: "traceId")
            case (.some, .some):
                throw .invalidArgument("give 'traceId' or 'correlationId', not both", field: "correlationId")
            case (let trace?, nil):
                guard TraceParentText.isTraceId(trace) else {
                    throw .invalidArgument("field 'traceId' must be 32 lowercase hex digits, not all zero", field: "traceId")
                }
            case (nil, let correlation?):
                guard !correlation.isEmpty else {
                    throw .invalidArgument("field 'correlationId' must not be empty", field: "correlationId")
                }
            }
            if let limit, !(1...EventsTrace.maximumLimit).contains(limit) {
                throw .invalidArgument(
                    "field 'limit' must be between 1 and \(EventsTrace.maximumLimit), got \(limit)", field: "limit")
            }
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var events: [EventEnvelope]
        /// True when more events match than were returned.
        public var truncated: Bool

        public init(events: [EventEnvelope], truncated: Bool) {
            self.events = events
            self.truncated = truncated
        }
    }
}

/// `backup.create` `{"path": "/var/backups/odop/catalogue-2026-12-02.sqlite"}` → `BackupResult`:
/// an online copy of the service's database (SQLite's backup API; commands and events go on
/// meanwhile) written to `path` on the service's host, which must be absolute, in an existing
/// directory, and not exist yet. The copy gets a new epoch, so that a service restored from it
/// tells its subscribers it is not the source they followed. Mutating (admin).
public enum BackupCreate: CommandSchema {
    public typealias Result = BackupResult
    public static let name = "backup.create"
    public static let isMutating = true

    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var path: String

        public init(path: String) {
            self.path = path
        }

        public func validate() throws(CommandError) {
            guard path.hasPrefix("/") else {
                throw .invalidArgument("field 'path' must be an absolute path on the service's host, got '\(path)'", field: "path")
            }
        }
    }
}

/// What `backup.create` wrote: the file, the last event seq it holds, its (new) epoch and size.
public struct BackupResult: Codable, Sendable, Equatable {
    public var path: String
    public var lastSeq: Int64
    public var epoch: String
    public var bytes: Int64

    public init(path: String, lastSeq: Int64, epoch: String, bytes: Int64) {
        self.path = path
        self.lastSeq = lastSeq
        self.epoch = epoch
        self.bytes = bytes
    }
}

/// `subscriptions.resync` `{"source": "catalogue", "epoch": "<the source's new epoch>", "after": 40}`
/// → the subscription's `SubscriptionStatus`: accept that the source was restored (its epoch
/// changed, or its lastSeq fell below this follower's cursor) and go on after `after`. `epoch`
/// must be the epoch the source now reports (so the admin confirms what was seen); `after` is at
/// most the source's lastSeq. Events this follower applied beyond the restored source's history
/// stay applied: resync only after deciding that is acceptable, or rebuild the follower from an
/// empty database. Mutating (admin).
public enum SubscriptionResync: CommandSchema {
    public typealias Result = SubscriptionStatus
    public static let name = "subscriptions.resync"
    public static let isMutating = true

    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var source: String
        public var epoch: String
        public var after: Int64

        public init(source: String, epoch: String, after: Int64) {
            self.source = source
            self.epoch = epoch
            self.after = after
        }

        public func validate() throws(CommandError) {
            guard !source.isEmpty else { throw .invalidArgument("field 'source' must not be empty", field: "source") }
            guard !epoch.isEmpty else { throw .invalidArgument("field 'epoch' must not be empty", field: "epoch") }
            guard after >= 0 else { throw .invalidArgument("field 'after' must be at least 0, got \(after)", field: "after") }
        }
    }
}
