import Foundation
import ODOPMessages

/// A date in India's calendar (IST, UTC+05:30, no daylight saving), `YYYY-MM-DD` on the wire.
/// Arithmetic runs on day numbers (days since 1970-01-01), so it needs no time zone database.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// IST's offset from UTC.
    public static let istOffsetSeconds = 19_800

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month),
            (1...CalendarDay.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; anything else → `invalid_argument` naming `field`.
    public init(parsing text: String, field: String) throws(CommandError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            let date = CalendarDay(year: y, month: m, day: d)
        else {
            throw .invalidArgument("field '\(field)' must be a date YYYY-MM-DD, got \"\(text.prefix(40))\"", field: field)
        }
        self = date
    }

    /// The IST calendar day of an instant.
    public init(_ instant: Date) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + CalendarDay.istOffsetSeconds
        let dayNumber = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        self.init(dayNumber: dayNumber)
    }

    /// The day `dayNumber` days after 1970-01-01 (H. Hinnant's civil_from_days).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + days) }

    /// The same day `years` years earlier or later; 29 February becomes 28 February in a common year.
    public func adding(years: Int) -> CalendarDay {
        let y = year + years
        return CalendarDay(year: y, month: month, day: min(day, CalendarDay.daysIn(month: month, year: y)))!
    }

    /// The same day `months` months earlier or later, clamped to the month's last day.
    public func adding(months: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + months
        let y = index / 12
        let m = index % 12 + 1
        return CalendarDay(year: y, month: m, day: min(day, CalendarDay.daysIn(month: m, year: y)))!
    }

    /// Whole years from `self` (a birth date) to `day`: a birthday counts from its date; someone
    /// born on 29 February turns a year older on 1 March in a common year.
    public func age(on day: CalendarDay) -> Int {
        var years = day.year - year
        if (day.month, day.day) < (month, self.day) { years -= 1 }
        return years
    }

    /// Days from `self` to `other`, both ends counted (a batch from the 1st to the 10th has 10).
    public func daysInclusive(to other: CalendarDay) -> Int { other.dayNumber - dayNumber + 1 }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.dayNumber < rhs.dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
