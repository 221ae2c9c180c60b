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

/// A clock a test sets and moves forward by hand. It keeps ticking with the system clock from
/// wherever it was set (so that retries a few milliseconds apart fall due), and jumps when the
/// test says (a day later, five days later).
public final class SettableClock: NotificationClock {
    private let offset: Mutex<TimeInterval>
    public init(_ start: Date = Date()) { offset = Mutex(start.timeIntervalSinceNow) }
    public func now() -> Date { Date().addingTimeInterval(offset.withLock { $0 }) }
    public func set(_ date: Date) { offset.withLock { $0 = date.timeIntervalSinceNow } }
    public func advance(by seconds: TimeInterval) { offset.withLock { $0 += seconds } }
}
