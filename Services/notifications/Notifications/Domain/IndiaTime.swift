import Foundation
import ODOPMessages

/// India Standard Time (UTC+05:30, no daylight saving): how messages show times and how digest
/// windows are aligned.
public enum IndiaTime {
    /// IST's offset from UTC in seconds.
    public static let offsetSeconds: Int64 = 19_800

    private static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let hindiMonths = ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"]

    /// The IST calendar fields of `date`.
    static func components(of date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: Int(offsetSeconds))!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return (parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }

    /// `23 Nov 2026, 12:35 IST` (English) or `23 नवंबर 2026, 12:35 IST` (Hindi).
    public static func dateTime(_ date: Date, language: MessageLanguageCode) -> String {
        let c = components(of: date)
        let month = (language == .hi ? hindiMonths : englishMonths)[c.month - 1]
        return String(format: "%d %@ %d, %02d:%02d IST", c.day, month, c.year, c.hour, c.minute)
    }

    /// `23 Nov 2026` (English) or `23 नवंबर 2026` (Hindi), for a `YYYY-MM-DD` calendar date or the
    /// IST day of an instant.
    public static func day(_ date: Date, language: MessageLanguageCode) -> String {
        let c = components(of: date)
        let month = (language == .hi ? hindiMonths : englishMonths)[c.month - 1]
        return "\(c.day) \(month) \(c.year)"
    }

    /// The start of the IST hour holding `date`.
    public static func hourStart(of date: Date) -> Date {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down)) + offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(floorDiv(seconds, 3600) * 3600 - offsetSeconds))
    }

    /// The start of the IST day holding `date` when days end at `minutesAfterMidnight` IST
    /// (a daily digest at 09:00 collects 09:00 to 09:00).
    public static func dayStart(of date: Date, minutesAfterMidnight: Int) -> Date {
        let shift = Int64(minutesAfterMidnight) * 60
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down)) + offsetSeconds - shift
        return Date(timeIntervalSince1970: TimeInterval(floorDiv(seconds, 86_400) * 86_400 + shift - offsetSeconds))
    }

    /// `HH:MM` (00:00 to 23:59) as minutes after midnight, or nil.
    public static func minutes(ofClockTime text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}

/// The languages messages are rendered in (the wire's `MessageLanguage`, without depending on
/// its Codable shape here).
public typealias MessageLanguageCode = MessageLanguage
