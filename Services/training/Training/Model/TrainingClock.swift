import Foundation
import ODOPMessages

/// Where the service's "now" comes from: the system clock, or a clock file that tests and
/// rehearsals set (`--clock-file`, `ODOP_CLOCK_FILE`), read at every use so that a test can move
/// time while the service runs. The file holds an RFC 3339 instant
/// (`2026-03-02T10:00:00+05:30` or `...Z`) or an IST date (`2026-03-02`, meaning 10:00 IST).
/// Age, cooling-off, attendance days and report windows are all computed in IST from it.
public struct TrainingClock: Sendable {
    private let file: String?

    public static let system = TrainingClock(file: nil)

    public init(file: String?) {
        self.file = file
    }

    /// The current instant.
    public func now() -> Date {
        guard let file, let text = try? String(contentsOfFile: file, encoding: .utf8) else { return Date() }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let instant = RFC3339.date(from: trimmed) ?? ISO8601DateFormatter().date(from: trimmed) { return instant }
        if let day = try? CalendarDay(parsing: trimmed, field: "clock") {
            return Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + 10 * 3600 - CalendarDay.istOffsetSeconds))
        }
        return Date()
    }

    /// Today in IST.
    public func today() -> CalendarDay { CalendarDay(now()) }

    /// Now as RFC 3339 UTC.
    public func timestamp() -> String { RFC3339.string(from: now()) }
}
