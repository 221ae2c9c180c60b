import Foundation
import ODOPMessages

/// An Indian financial year (April to March), written `YYYY-YY`: `2023-24` runs from
/// 1 April 2023 to 31 March 2024. The second part must be the year after the first, modulo
/// 100 (`1999-00` is valid, `2023-25` and `2023-2024` are not).
public struct FinancialYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year it starts in (2023 for `2023-24`).
    public let startYear: Int

    /// The years a figure may be recorded for.
    public static let supportedStartYears = 1950...2099

    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// Parses `YYYY-YY`; throws `invalid_argument` naming `field`, saying what is wrong.
    public init(parsing text: String, field: String) throws(CommandError) {
        let bytes = Array(text.utf8)
        func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), bytes[0..<4].allSatisfy(isDigit), bytes[5..<7].allSatisfy(isDigit),
            let start = Int(String(decoding: bytes[0..<4], as: UTF8.self)),
            let end = Int(String(decoding: bytes[5..<7], as: UTF8.self))
        else {
            throw .invalidArgument("field '\(field)' must be a financial year written YYYY-YY, like 2023-24; got \"\(text)\"", field: field)
        }
        guard end == (start + 1) % 100 else {
            let expected = FinancialYear(startYear: start).description
            throw .invalidArgument(
                "field '\(field)' must name consecutive years: a financial year starting in \(start) is \(expected), got \"\(text)\"",
                field: field)
        }
        guard Self.supportedStartYears.contains(start) else {
            throw .invalidArgument(
                "field '\(field)' must be a financial year from \(FinancialYear(startYear: Self.supportedStartYears.lowerBound)) to \(FinancialYear(startYear: Self.supportedStartYears.upperBound)), got \"\(text)\"",
                field: field)
        }
        startYear = start
    }

    /// `2023-24`.
    public var description: String {
        let end = (startYear + 1) % 100
        return "\(startYear)-\(end < 10 ? "0" : "")\(end)"
    }

    /// The financial year before this one.
    public var previous: FinancialYear { FinancialYear(startYear: startYear - 1) }

    /// Financial years from `earlier` to this one (6 from 2017-18 to 2023-24).
    public func years(since earlier: FinancialYear) -> Int { startYear - earlier.startYear }

    public static func < (lhs: FinancialYear, rhs: FinancialYear) -> Bool { lhs.startYear < rhs.startYear }
}

extension FinancialYear {
    /// The financial year `date` falls in, in India (UTC+5:30).
    public static func current(_ date: Date = Date()) -> FinancialYear {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 5 * 3600 + 1800)!
        let parts = calendar.dateComponents([.year, .month], from: date)
        let year = parts.year!
        let month = parts.month!
        return FinancialYear(startYear: month >= 4 ? year : year - 1)
    }
}
