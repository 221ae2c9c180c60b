import Foundation

/// An event whose data is one record, encoded flat: the whole record after the change (events
/// carry state, not just ids, so a subscriber never has to call back).
///
/// Conforming types name the record's property as they like and supply `record` and
/// `init(_:)`; the wire encoding is the record's own.
public protocol RecordEvent: EventPayload {
    associatedtype Record: Codable & Sendable
    var record: Record { get }
    init(_ record: Record)
}

extension RecordEvent {
    public init(from decoder: any Decoder) throws { self.init(try Record(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try record.encode(to: encoder) }
}
