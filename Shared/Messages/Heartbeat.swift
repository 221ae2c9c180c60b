import Foundation

/// The `data` of a heartbeat, `{"lastSeq": K}`: the highest seq the source has published.
///
/// A publisher sends one at a fixed interval (`ODOP_HEARTBEAT_MS`) with type
/// `<source>.heartbeat` and `"seq": null`, so a subscriber that lost the tail of the stream
/// notices (`lastSeq` > its applied seq) even when nothing else is sent. Heartbeats are not
/// events: they are not stored, not replayed, and carry no seq of their own.
public struct Heartbeat: Codable, Sendable, Equatable {
    public static let schemaVersion = 1

    public var lastSeq: Int64

    public init(lastSeq: Int64) {
        self.lastSeq = lastSeq
    }
}
