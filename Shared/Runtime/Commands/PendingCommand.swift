import Foundation
import ODOPMessages
import Synchronization

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

/// Answered commands waiting for the command thread to send them, in the order they were
/// posted; posting wakes the thread's poll (once, until it takes what is there).
final class ReplyOutbox: Sendable {
    private let queue = Mutex<[AnsweredCommand]>([])
    let wakeup = Wakeup()

    func post(_ answered: AnsweredCommand) {
        post(contentsOf: [answered])
    }

    func post(contentsOf answered: [AnsweredCommand]) {
        guard !answered.isEmpty else { return }
        let wasEmpty = queue.withLock { queue in
            let wasEmpty = queue.isEmpty
            queue.append(contentsOf: answered)
            return wasEmpty
        }
        if wasEmpty { wakeup.signal() }
    }

    /// Everything posted so far, in order.
    func take() -> [AnsweredCommand] {
        queue.withLock { queue in
            let taken = queue
            queue.removeAll(keepingCapacity: true)
            return taken
        }
    }
}
