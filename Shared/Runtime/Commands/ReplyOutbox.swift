import Foundation
import Synchronization

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
