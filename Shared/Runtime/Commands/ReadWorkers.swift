import Foundation
import Synchronization

/// A fixed set of threads answering read commands, each on a read connection of the store's pool,
/// concurrently with each other and with the writer. Jobs start in the order submitted.
final class ReadWorkers: Sendable {
    private struct State {
        var jobs: [@Sendable () -> Void] = []
        var head = 0
        var stopping = false
    }

    private let state = Mutex(State())
    /// Jobs submitted and not finished.
    private let inFlight = Atomic<Int>(0)
    private let available = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    let count: Int

    /// Starts `count` threads named `<name>-<n>`.
    init(name: String, count: Int) {
        self.count = count
        for index in 0..<count {
            NamedThread.start("\(name)-\(index + 1)") { [self] in
                work()
                finished.signal()
            }
        }
    }

    /// Whether no job is queued or running.
    var isIdle: Bool { inFlight.load(ordering: .acquiring) == 0 }

    func submit(_ job: @escaping @Sendable () -> Void) {
        inFlight.add(1, ordering: .acquiringAndReleasing)
        state.withLock { $0.jobs.append(job) }
        available.signal()
    }

    /// Runs what was submitted, then ends the threads and returns once they have.
    func stop() {
        state.withLock { $0.stopping = true }
        for _ in 0..<count { available.signal() }
        for _ in 0..<count { finished.wait() }
    }

    private func work() {
        while true {
            available.wait()
            let (job, stopping): ((@Sendable () -> Void)?, Bool) = state.withLock { state in
                guard state.head < state.jobs.count else { return (nil, state.stopping) }
                let job = state.jobs[state.head]
                state.head += 1
                if state.head == state.jobs.count {
                    state.jobs.removeAll(keepingCapacity: true)
                    state.head = 0
                }
                return (job, false)
            }
            if let job {
                job()
                inFlight.subtract(1, ordering: .acquiringAndReleasing)
            } else if stopping {
                return
            }
        }
    }
}
