import Foundation
import ODOPMessages

/// A record a service owns and changes by versions (a catalogue product, an export plan): every
/// stored change adds 1 to `version` and stamps `updatedAt`, and emits one event carrying the
/// record as stored. Clients name the version they read in `expectedVersion` to refuse lost
/// updates.
public protocol VersionedRecord: Equatable {
    /// 1 for a new record; moves on by 1 with every stored change.
    var version: Int { get set }
    /// When the record last changed (RFC 3339, UTC).
    var updatedAt: String { get set }
}

/// The `expectedVersion` rule every versioned command shares.
public enum ExpectedVersion {
    /// Refuses a stale `expected` version: `invalid_argument` (field `expectedVersion`) when it is
    /// below 1, `conflict` (field `expectedVersion`) when the record is at another version,
    /// worded `<record> is at version 2, not 1: read it again and reapply the change`. `nil`
    /// checks nothing (for commands whose `expectedVersion` is optional).
    public static func require(_ expected: Int?, current: Int, of record: String) throws(CommandError) {
        try validate(expected)
        guard let expected, expected != current else { return }
        throw .conflict(
            "\(record) is at version \(current), not \(expected): read it again and reapply the change",
            field: "expectedVersion")
    }

    /// Refuses an `expected` version below 1 with `invalid_argument` naming `expectedVersion`
    /// (for handlers that check their arguments before they read the record).
    public static func validate(_ expected: Int?) throws(CommandError) {
        if let expected, expected < 1 {
            throw .invalidArgument("field 'expectedVersion' must be at least 1, got \(expected)", field: "expectedVersion")
        }
    }
}

extension ServiceTransaction {
    /// Stores a change to a versioned record the one way every service does it: when `changed`
    /// differs from `current`, its version becomes `current.version + 1` and its `updatedAt`
    /// `time`, `store` writes it and the event `event` makes of it is emitted in this
    /// transaction; the stored record is returned. `current` (when encodable) becomes the
    /// `before` of the command's audit entry. When nothing changed, nothing is stored or
    /// emitted and `current` is returned.
    @discardableResult
    public func storeChange<Record: VersionedRecord, Event: EventPayload>(
        _ changed: Record, from current: Record, at time: String = RFC3339.string(from: Date()),
        store: (Record) throws -> Void, event: (Record) -> Event
    ) throws -> Record {
        guard changed != current else { return current }
        if recordedBefore == nil, let record = current as? any Encodable {
            recordedBefore = try WireFormat.encode(record)
        }
        var next = changed
        next.version = current.version + 1
        next.updatedAt = time
        try store(next)
        try emit(event(next))
        return next
    }
}
