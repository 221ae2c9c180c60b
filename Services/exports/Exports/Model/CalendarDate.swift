import Foundation
import ODOPMessages

/// A calendar date written `YYYY-MM-DD` (ISO 8601), as plans give due dates, DEPC adoption dates
/// and SEPC review dates.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a plan's dates may fall in.
    public static let supportedYears = 1950...2099

    /// Parses `YYYY-MM-DD`, checking that the day exists (30 February does not; 29 February only
    /// in leap years); throws `invalid_argument` naming `field`.
    public init(parsing text: String, field: String) throws(CommandError) {
        let bytes = Array(text.utf8)
        func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        func number(_ range: Range<Int>) -> Int { Int(String(decoding: bytes[range], as: UTF8.self)) ?? 0 }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[0..<4].allSatisfy(isDigit), bytes[5..<7].allSatisfy(isDigit), bytes[8..<10].allSatisfy(isDigit)
        else {
            throw .invalidArgument("field '\(field)' must be a date written YYYY-MM-DD, like 2024-03-31; got \"\(text)\"", field: field)
        }
        let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
        guard Self.supportedYears.contains(year) else {
            throw .invalidArgument(
                "field '\(field)' must be a date between \(Self.supportedYears.lowerBound) and \(Self.supportedYears.upperBound), got \"\(text)\"",
                field: field)
        }
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else {
            throw .invalidArgument("field '\(field)' is not a date in the calendar: \"\(text)\"", field: field)
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Today in UTC.
    public static func today(_ now: Date = Date()) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2024-03-31`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
