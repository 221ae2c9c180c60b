import Foundation
import Synchronization

/// Where the service reads the time for scheduling attempts, aligning digest windows and the
/// N-day disable rule. Production uses the system clock; tests set one.
public protocol NotificationClock: Sendable {
    func now() -> Date
}

/// The system's wall clock.
public struct SystemNotificationClock: NotificationClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock a test sets and advances by hand.
public final class SettableClock: NotificationClock {
    private let current: Mutex<Date>
    public init(_ start: Date) { current = Mutex(start) }
    public func now() -> Date { current.withLock { $0 } }
    public func set(_ date: Date) { current.withLock { $0 = date } }
    public func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
