import Foundation
import ODOPMessages
import ODOPRuntime
import Synchronization

/// What the service's commands, its event handlers and its delivery worker share: settings,
/// clock, renderer, the store once the runtime has opened it, and the worker's wake-up signal.
public final class NotificationsContext: Sendable {
    public let settings: NotificationsSettings
    public let clock: any NotificationClock
    let renderer = MessageRenderer()
    let signal = WakeSignal()
    private let attached = Mutex<ServiceStore?>(nil)

    public init(settings: NotificationsSettings, clock: any NotificationClock = SystemNotificationClock()) {
        self.settings = settings
        self.clock = clock
    }

    /// Gives the commands that manage their own transaction (those that reveal a secret) the
    /// service's store. The host calls it after opening the store and before serving.
    public func attach(_ store: ServiceStore) {
        attached.withLock { $0 = store }
    }

    func store() throws(CommandError) -> ServiceStore {
        guard let store = attached.withLock({ $0 }) else { throw .unavailable("the notifications store is not open yet") }
        return store
    }

    /// Tells the worker there may be new work.
    func wake() { signal.signal() }
}

/// Wakes one waiting task early; a signal with nobody waiting is kept for the next wait.
final class WakeSignal: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
        var token: UInt64 = 0
    }
    private let state = Mutex(State())

    func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.pending = true
            return nil
        }
        waiter?.resume()
    }

    /// Returns on a signal or after `timeout`, whichever comes first; the timer runs on
    /// `executor`.
    func wait(timeout: Duration, on executor: (any TaskExecutor)? = nil) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let token = state.withLock { state -> UInt64? in
                if state.pending {
                    state.pending = false
                    return nil
                }
                state.waiter = continuation
                state.token &+= 1
                return state.token
            }
            guard let token else { return continuation.resume() }
            Task(executorPreference: executor) {
                try? await Task.sleep(for: timeout)
                let waiter = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
                    guard state.token == token, let waiter = state.waiter else { return nil }
                    state.waiter = nil
                    return waiter
                }
                waiter?.resume()
            }
        }
    }
}
