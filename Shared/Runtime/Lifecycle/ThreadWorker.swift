import Foundation
import ServiceLifecycle
import Synchronization

/// One of a service's loops (the command server, the publisher, a subscription) on a thread of
/// its own — it owns ZeroMQ sockets, and a socket belongs to one thread — run as a service of the
/// host's `ServiceGroup`.
///
/// Contract: `start()` starts the thread at once, without needing a task of the caller's
/// executor (tests that block their own threads would otherwise starve it); `run()` starts it if
/// needed and returns when the loop returns, which a loop does only after `requestStop` (called
/// on graceful shutdown or cancellation). A loop that throws makes `run()` throw a
/// `WorkerFailure`, and a loop that returns unasked ends the group too: the host then shuts the
/// other loops down and the process exits non-zero, instead of living on without that loop.
final class ThreadWorker: Service, Sendable {
    let name: String
    /// The thread's name for the operating system (`NamedThread`): its role, within 15 bytes.
    let threadName: String
    private let loop: @Sendable () throws -> Void
    private let requestStop: @Sendable () -> Void
    private let state = Mutex<State>(.idle)

    private enum State {
        case idle
        case running(waiter: CheckedContinuation<Void, any Error>?)
        case finished(Result<Void, WorkerFailure>)
    }

    init(
        name: String, threadName: String, loop: @escaping @Sendable () throws -> Void, requestStop: @escaping @Sendable () -> Void
    ) {
        self.name = name
        self.threadName = threadName
        self.loop = loop
        self.requestStop = requestStop
    }

    /// Starts the loop's thread; idempotent.
    func start() {
        let starting = state.withLock { state in
            guard case .idle = state else { return false }
            state = .running(waiter: nil)
            return true
        }
        guard starting else { return }
        NamedThread.start(threadName) { [self] in
            let result: Result<Void, WorkerFailure>
            do {
                try loop()
                result = .success(())
            } catch let failure as WorkerFailure {
                result = .failure(failure)
            } catch {
                result = .failure(WorkerFailure(worker: name, reason: "\(error)"))
            }
            let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                defer { state = .finished(result) }
                if case .running(let waiter) = state { return waiter }
                return nil
            }
            waiter?.resume(with: result.mapError { $0 })
        }
    }

    func run() async throws {
        start()
        try await withTaskCancellationOrGracefulShutdownHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let done = state.withLock { state -> Result<Void, WorkerFailure>? in
                    if case .finished(let result) = state { return result }
                    state = .running(waiter: continuation)
                    return nil
                }
                if let done { continuation.resume(with: done.mapError { $0 }) }
            }
        } onCancelOrGracefulShutdown: { [requestStop] in
            requestStop()
        }
    }
}

/// A loop of the service stopped working: the process must not go on as if it served.
public struct WorkerFailure: Error, CustomStringConvertible, Sendable {
    public let worker: String
    public let reason: String

    public init(worker: String, reason: String) {
        self.worker = worker
        self.reason = reason
    }

    public var description: String { "the \(worker) stopped: \(reason)" }
}
