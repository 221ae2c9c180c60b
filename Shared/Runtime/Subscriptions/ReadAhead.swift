import Dispatch
import Synchronization

/// Reads the source ahead on a thread of its own while the subscriber applies what it read
/// before: the next catch-up page (the source reads it, this thread receives and parses it), or
/// the live events queued meanwhile on the SUB socket (received and parsed here). Reading and
/// applying then run on two cores instead of one after the other.
///
/// Contract:
/// - At most one read is in flight. `start(_:)` begins one; `take()` waits for it and answers
///   what it read. The subscriber must `take()` before it starts another and before it touches
///   the socket or client the read uses, so a ZeroMQ socket is used by one thread at a time:
///   the read's from `start` to `take`, the subscriber's otherwise (the semaphore orders the two).
/// - What a read brings is decided on by the subscriber as if it had read it itself, after the
///   apply in progress: a page fetched ahead is used only when the cursor is where it was
///   fetched from once that apply is done (`DurableSubscriber.catchUp`), and live events read
///   ahead go through the same checks as any (`DurableSubscriber.receiveLive`).
/// - A stop or an admin's retry interrupts a replay call in flight as it interrupts any (the
///   client's interrupt descriptor); live reads never wait.
/// - What was applied is freed by the subscriber, not here: the source serves a page while this
///   thread waits, so the fetch's side (the source's read, then the parse: about 19,400
///   instructions an event) and the apply's (about 19,000 with freeing the page) come out close
///   (`docs/performance/2026-12-02-read-ahead-instructions.txt`).
final class ReadAhead<Value: Sendable>: Sendable {
    private let queue: DispatchQueue
    private let finished = DispatchSemaphore(value: 0)
    private let slot = Mutex<Slot>(.idle)

    private enum Slot {
        case idle
        case reading
        case read(Value)
    }

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    /// Whether a read was started and not yet taken.
    var inFlight: Bool {
        slot.withLock {
            if case .idle = $0 { return false }
            return true
        }
    }

    /// Starts `read` on the read-ahead thread.
    func start(_ read: @escaping @Sendable () -> Value) {
        slot.withLock {
            guard case .idle = $0 else { preconditionFailure("a read ahead is in flight already") }
            $0 = .reading
        }
        queue.async { [self] in
            let value = read()
            slot.withLock { $0 = .read(value) }
            finished.signal()
        }
    }

    /// Waits for the read in flight and answers what it read.
    func take() -> Value {
        finished.wait()
        return slot.withLock { slot in
            guard case .read(let value) = slot else { preconditionFailure("no read ahead was in flight") }
            slot = .idle
            return value
        }
    }
}
