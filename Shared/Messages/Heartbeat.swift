import Foundation

/// The `data` of a heartbeat, `{"lastSeq": K, "epoch": "<uuid>"}`: the highest seq the source
/// has published, and its epoch (absent from sources older than epochs).
///
/// A publisher sends one at a fixed interval (`ODOP_HEARTBEAT_MS`) with type
/// `<source>.heartbeat` and `"seq": null`, so a subscriber that lost the tail of the stream
/// notices (`lastSeq` > its applied seq) even when nothing else is sent. Heartbeats are not
/// events: they are not stored, not replayed, and carry no seq of their own.
public struct Heartbeat: Codable, Sendable, Equatable {
    public static let schemaVersion = 1

    public var lastSeq: Int64
    public var epoch: String?

    public init(lastSeq: Int64, epoch: String? = nil) {
        self.lastSeq = lastSeq
        self.epoch = epoch
    }
}
