import Foundation

/// RFC 3339 timestamps as the wire writes them: UTC, millisecond precision, `Z`
/// (`2026-11-23T07:05:01.123Z`).
///
/// Pure arithmetic, no formatter objects: safe from any thread and fast.
public enum RFC3339 {
    /// `date` in UTC with milliseconds (rounded to the nearest millisecond). Dates outside
    /// years 0000–9999 are clamped into that range, which is all RFC 3339 can express.
    public static func string(from date: Date) -> String {
        let earliest = -62_167_219_200_000.0  // 0000-01-01T00:00:00.000Z
        let latest = 253_402_300_799_999.0  // 9999-12-31T23:59:59.999Z
        var milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        if !(milliseconds >= earliest) { milliseconds = earliest }  // also catches NaN
        if milliseconds > latest { milliseconds = latest }
        let total = Int64(milliseconds)
        let (seconds, millisecond) = floorDivision(total, 1000)
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let (year, month, day) = civil(fromDays: days)

        var text = [UInt8]()
        text.reserveCapacity(24)
        func put(_ value: Int64, digits: Int) {
            var divisor: Int64 = 1
            for _ in 1..<digits { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        put(year, digits: 4)
        text.append(UInt8(ascii: "-"))
        put(month, digits: 2)
        text.append(UInt8(ascii: "-"))
        put(day, digits: 2)
        text.append(UInt8(ascii: "T"))
        put(secondOfDay / 3600, digits: 2)
        text.append(UInt8(ascii: ":"))
        put(secondOfDay % 3600 / 60, digits: 2)
        text.append(UInt8(ascii: ":"))
        put(secondOfDay % 60, digits: 2)
        text.append(UInt8(ascii: "."))
        put(millisecond, digits: 3)
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)` (`t` and `z` also accepted).
    /// Returns nil for anything else, including impossible dates such as February 30.
    public static func date(from string: String) -> Date? {
        var bytes = Array(string.utf8)[...]
        func number(_ digits: Int) -> Int64? {
            guard bytes.count >= digits else { return nil }
            var value: Int64 = 0
            for byte in bytes.prefix(digits) {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            bytes = bytes.dropFirst(digits)
            return value
        }
        func expect(_ characters: String) -> Bool {
            guard let byte = bytes.first, characters.utf8.contains(byte) else { return false }
            bytes = bytes.dropFirst()
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            expect("Tt"), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
            let second = number(2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month),
            hour <= 23, minute <= 59, second <= 60
        else { return nil }

        var fraction = 0.0
        if expect(".") {
            // Nanoseconds from the first nine digits; finer digits cannot matter to a Date.
            var nanoseconds: Int64 = 0
            var digits = 0
            while let byte = bytes.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if digits < 9 {
                    nanoseconds = nanoseconds * 10 + Int64(byte - UInt8(ascii: "0"))
                }
                digits += 1
                bytes = bytes.dropFirst()
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 9) { nanoseconds *= 10 }
            fraction = Double(nanoseconds) / 1e9
        }

        var offsetSeconds: Int64 = 0
        if expect("Zz") {
            offsetSeconds = 0
        } else if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
            guard let offsetHour = number(2), expect(":"), let offsetMinute = number(2),
                offsetHour <= 23, offsetMinute <= 59
            else { return nil }
            offsetSeconds = (offsetHour * 3600 + offsetMinute * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        guard bytes.isEmpty else { return nil }

        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, days since 1970-01-01)

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        var (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivision(shifted, 146_097).0
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = floorDivision(adjustedYear, 400).0
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }
}
