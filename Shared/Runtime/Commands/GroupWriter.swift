import Foundation
import Synchronization

/// The one thread that applies write commands, by group commit.
///
/// Contract:
/// - Commands are applied in arrival order. When the writer is free it takes every command
///   queued by then (at most `maxGroup`) and applies them in one transaction, each in its own
///   savepoint (`ServiceStore.writeGroup`); a lone command is applied at once, never waiting for
///   company (unless the test hook `RuntimeHooks.groupAtLeast` asks for a group).
/// - A command whose handler fails rolls back alone: its changes and events are gone and it used
///   no seq; the rest of the group commits.
/// - The same request id twice in one group: the second gets the first one's reply, unapplied.
/// - Replies are posted to the outbox only after the commit that made them durable; when the
///   commit fails, every command of the group gets `unavailable` and nothing of it is kept.
/// - Between groups, at most once a minute, it runs `housekeeping` (pruning stored replies).
/// - It beats `beat` on every turn (at least once a second) and declares each group as work in
///   progress, so `/healthz` fails when the writer is stuck or its thread has ended.
final class GroupWriter: Sendable {
    /// Applies a group of commands and returns their replies in order; posts nothing itself.
    typealias Apply = @Sendable ([PendingCommand]) -> [AnsweredCommand]

    private struct State {
        var queue: [PendingCommand] = []
        var stopping = false
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let maxGroup: Int
    private let atLeast: Int
    private let apply: Apply
    private let outbox: ReplyOutbox
    private let housekeeping: @Sendable () -> Void
    private let beat: LoopBeat?

    init(
        name: String, maxGroup: Int = 512, atLeast: Int?, outbox: ReplyOutbox, beat: LoopBeat? = nil,
        housekeeping: @escaping @Sendable () -> Void, apply: @escaping Apply
    ) {
        self.beat = beat
        self.maxGroup = maxGroup
        self.atLeast = max(1, atLeast ?? 1)
        self.outbox = outbox
        self.housekeeping = housekeeping
        self.apply = apply
        NamedThread.start(name) { [self] in
            run()
            beat?.exited("the writer ended")
            finished.signal()
        }
    }

    func submit(_ command: PendingCommand) {
        state.withLock { $0.queue.append(command) }
        available.signal()
    }

    /// Applies what was submitted, then ends the thread and returns once it has.
    func stop() {
        state.withLock { $0.stopping = true }
        available.signal()
        finished.wait()
    }

    private func run() {
        var nextHousekeeping = ContinuousClock.now
        while true {
            beat?.beat()
            if ContinuousClock.now >= nextHousekeeping {
                housekeeping()
                nextHousekeeping = .now + .seconds(60)
            }
            _ = available.wait(timeout: .now() + 1)
            let (group, stopping) = state.withLock { state -> ([PendingCommand], Bool) in
                guard state.queue.count >= atLeast || (state.stopping && !state.queue.isEmpty) else { return ([], state.stopping) }
                let count = min(state.queue.count, maxGroup)
                let group = Array(state.queue.prefix(count))
                state.queue.removeFirst(count)
                return (group, false)
            }
            if group.isEmpty {
                if stopping { return }
                continue
            }
            beat?.working(true)
            let answered = apply(group)
            beat?.working(false)
            outbox.post(contentsOf: answered)
            if state.withLock({ !$0.queue.isEmpty }) { available.signal() }
        }
    }
}
