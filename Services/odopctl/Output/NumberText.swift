import Foundation

/// Numbers as the tables print them: counts grouped by thousands (`1,241`), amounts with up to
/// four decimals and no trailing zeros (`1,250.5`), growth with a sign (`+14%`).
enum NumberText {
    static func count(_ value: Int) -> String {
        ProgressBar.grouped(Int64(value))
    }

    /// `1,71,000` is how an Indian report writes it; odopctl keeps to thousands for every value.
    static func amount(_ value: Double, fractionDigits: Int = 4) -> String {
        guard value.isFinite else { return String(value) }
        var text = String(format: "%.\(fractionDigits)f", value.magnitude)
        if text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = ""
        for (index, digit) in parts[0].enumerated() {
            if index > 0, (parts[0].count - index) % 3 == 0 { whole.append(",") }
            whole.append(digit)
        }
        let sign = value < 0 && text != "0" ? "-" : ""
        return sign + whole + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// `+14%`, `-3.25%`, or `-` when there is none.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return (value > 0 ? "+" : "") + amount(value, fractionDigits: 2) + "%"
    }

    /// `yes` or `no`.
    static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
}
