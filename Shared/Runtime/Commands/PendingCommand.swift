import Foundation
import ODOPMessages

/// A request that passed the command thread's checks, on its way to the thread that answers it
/// (a read thread, or the writer), with what the command thread needs to send, count and log
/// its reply.
struct PendingCommand: Sendable {
    let request: RequestInfo
    let args: JSONValue
    let entry: CommandRegistry.Entry
    /// The routing frames the reply goes back through.
    let envelope: [Data]
    let start: ContinuousClock.Instant
    /// The sender's key name, `-` when open.
    let who: String
    let span: RuntimeSpan
}

/// A command's reply, handed back to the command thread, which alone sends on the socket.
struct AnsweredCommand: Sendable {
    let command: PendingCommand
    let reply: Data
    /// `ok`, `replayed`, or the error code.
    let outcome: String
}
