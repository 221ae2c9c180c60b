import Dispatch
import ODOPMessages
import Synchronization

/// Fetches a catch-up page on a thread of its own, so that the subscriber applies page N while
/// the source reads page N+1 and this thread receives and parses it: the two halves of a
/// catch-up run on two cores instead of one after the other.
///
/// Contract:
/// - At most one fetch is in flight. `start(after:)` begins one; `take()` waits for it
///   and answers the cursor it started from with its page or error. The subscriber must `take()`
///   before it starts another and before it leaves its catch-up, so the `CommandClient` is used
///   by one thread at a time and is idle whenever anything else uses it.
/// - A fetch is speculative: it starts from the cursor the page being applied will leave. Its
///   page is used only when the cursor is there once that page is applied, and is discarded
///   otherwise (a refusal, an admin's resync, a stop); nothing of it is applied before the
///   subscriber has checked it as it checks any page (`CatchUp.page(after:)`, the epoch).
/// - A stop or an admin's retry interrupts the fetch as it interrupts any replay call (the
///   client's interrupt descriptor): `take()` then answers at once.
/// - The page applied is freed by the subscriber, not here: the source serves a page while this
///   thread waits, so the fetch's side (the source's read, then the parse: about 22,000
///   instructions an event) and the apply's (about 18,000, plus about 2,700 to free the page)
///   come out close.
final class PagePrefetch: Sendable {
    private let catchUp: CatchUp
    private let queue: DispatchQueue
    private let finished = DispatchSemaphore(value: 0)
    private let slot = Mutex<Slot>(.idle)

    private enum Slot {
        case idle
        case fetching(after: Int64)
        case fetched(after: Int64, Result<CatchUp.Page, any Error>)
    }

    init(catchUp: CatchUp, label: String) {
        self.catchUp = catchUp
        queue = DispatchQueue(label: label)
    }

    /// Whether a fetch was started and not yet taken.
    var inFlight: Bool {
        slot.withLock {
            if case .idle = $0 { return false }
            return true
        }
    }

    /// Starts fetching the page after `cursor`.
    func start(after cursor: Int64) {
        slot.withLock {
            guard case .idle = $0 else { preconditionFailure("a catch-up page is already being fetched") }
            $0 = .fetching(after: cursor)
        }
        queue.async { [self] in
            let result = Result { try catchUp.page(after: cursor) }
            slot.withLock { $0 = .fetched(after: cursor, result) }
            finished.signal()
        }
    }

    /// Waits for the fetch in flight; answers the cursor it started from and its page or error.
    func take() -> (after: Int64, page: Result<CatchUp.Page, any Error>) {
        finished.wait()
        return slot.withLock { slot in
            guard case .fetched(let after, let result) = slot else { preconditionFailure("no catch-up page was being fetched") }
            slot = .idle
            return (after, result)
        }
    }

}
