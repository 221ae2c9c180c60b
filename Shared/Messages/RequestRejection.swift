import Foundation

/// Why a command frame could not be read as a request, with the request `id` when it could be
/// read, so that the failure reply can echo it (a REQ client must always get a reply).
public struct RequestRejection: Error, Sendable, Equatable {
    /// The request's `id` if the frame held a readable, non-empty string `id`; otherwise nil
    /// (the reply then carries `"id": null`).
    public var id: String?
    public var error: CommandError

    public init(id: String?, error: CommandError) {
        self.id = id
        self.error = error
    }

    /// The failure reply frame for this rejection.
    public var replyFrame: Data {
        CommandReply.failureFrame(id: id, error: error)
    }
}
