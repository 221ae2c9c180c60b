import Foundation
import ODOPMessages

/// A request that passed the command thread's checks, on its way to the thread that answers it
/// (a read thread, or the writer), with what the command thread needs to send, count and log
/// its reply. A class: it is handed from thread to thread and kept in the answer, and a copy of
/// a struct of eight members retained and released each of them (about 3,000 instructions a
/// command, callgrind).
final class PendingCommand: Sendable {
    let request: RequestInfo
    let args: JSONValue
    let entry: CommandRegistry.Entry
    /// The routing frames the reply goes back through.
    let envelope: [Data]
    let start: ContinuousClock.Instant
    /// The sender's key name, `-` when open.
    let who: String
    let span: RuntimeSpan

    init(
        request: RequestInfo, args: JSONValue, entry: CommandRegistry.Entry, envelope: [Data], start: ContinuousClock.Instant,
        who: String, span: RuntimeSpan
    ) {
        self.request = request
        self.args = args
        self.entry = entry
        self.envelope = envelope
        self.start = start
        self.who = who
        self.span = span
    }
}

/// A command's reply, handed back to the command thread, which alone sends on the socket.
struct AnsweredCommand: Sendable {
    let command: PendingCommand
    let reply: Data
    /// `ok`, `replayed`, or the error code.
    let outcome: String
}
