import Foundation

/// When a delivery's attempts happen: Standard Webhooks' schedule (immediately, then 5 s, 5 min,
/// 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h after each failure), each delay stretched by a
/// random jitter of up to `jitter` of itself. After the last attempt fails the delivery is dead.
///
/// Configurable (`ODOP_RETRY_SCHEDULE`, e.g. `0,5s,5m,30m,2h` or `0,1,1,1` in milliseconds) so
/// that tests compress it.
public struct RetrySchedule: Sendable, Equatable {
    /// Delays before attempt 1, 2, ...: `delays[0]` is normally 0.
    public var delays: [TimeInterval]
    /// The largest jitter as a fraction of the delay (0.1 = up to 10 % later).
    public var jitter: Double

    public static let standard = RetrySchedule(
        delays: [0, 5, 300, 1_800, 7_200, 18_000, 36_000, 50_400, 72_000, 86_400], jitter: 0.1)

    public init(delays: [TimeInterval], jitter: Double) {
        precondition(!delays.isEmpty, "a retry schedule has at least one attempt")
        self.delays = delays
        self.jitter = jitter
    }

    /// How many attempts a delivery gets.
    public var maxAttempts: Int { delays.count }

    /// When attempt `attempts + 1` is due after attempt `attempts` failed at `failedAt`, or nil
    /// when that was the last one. `random` gives a number in 0..<1 (for tests).
    public func nextAttempt(after attempts: Int, failedAt: Date, random: () -> Double = { Double.random(in: 0..<1) }) -> Date? {
        guard attempts < delays.count else { return nil }
        let delay = delays[attempts]
        return failedAt.addingTimeInterval(delay + delay * jitter * random())
    }

    /// Parses `0,5s,5m,30m,2h` (units ms, s, m, h; a bare number is milliseconds). Nil when the
    /// text is empty or a part is not a non-negative duration.
    public static func parse(_ text: String, jitter: Double = 0.1) -> RetrySchedule? {
        var delays: [TimeInterval] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
            var value: Double?
            for (suffix, scale) in units where part.hasSuffix(suffix) {
                if let number = Double(part.dropLast(suffix.count)) { value = number * scale }
                break
            }
            if value == nil, let number = Double(part) { value = number / 1000 }
            guard let delay = value, delay >= 0, delay.isFinite else { return nil }
            delays.append(delay)
        }
        return delays.isEmpty ? nil : RetrySchedule(delays: delays, jitter: jitter)
    }
}
