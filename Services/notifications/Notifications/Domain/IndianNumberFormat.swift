import Foundation

/// Numbers and amounts written the Indian way: the last three digits, then groups of two
/// (`1,71,000`; `12,34,56,789`), with `₹` before amounts.
public enum IndianNumberFormat {
    /// `171000` → `1,71,000`; negative numbers keep their sign.
    public static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        let firstCount = min(3, digits.count)
        var start = digits.index(end, offsetBy: -firstCount)
        groups.append(digits[start..<end])
        end = start
        while end > digits.startIndex {
            start = digits.index(end, offsetBy: -min(2, digits.distance(from: digits.startIndex, to: end)))
            groups.append(digits[start..<end])
            end = start
        }
        return (value < 0 ? "-" : "") + groups.reversed().joined(separator: ",")
    }

    /// Whole rupees: `20000` → `₹20,000`.
    public static func rupees(_ value: Int64) -> String {
        "₹" + grouped(value)
    }

    /// An amount in crore as the wire carries it (a JSON number, possibly with a fraction):
    /// `171000` → `₹1,71,000 crore`, `12.5` → `₹12.5 crore`, `0.075` → `₹0.08 crore`
    /// (two decimals at most, trailing zeros dropped). `crore` is the unit word of the language.
    public static func crore(_ value: Double, unit: String = "crore") -> String {
        let hundredths = Int64((abs(value) * 100).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        var text = "₹" + (value < 0 ? "-" : "") + grouped(whole)
        if fraction != 0 {
            let digits = fraction % 10 == 0 ? String(fraction / 10) : String(format: "%02lld", fraction)
            text += "." + digits
        }
        return text + " " + unit
    }
}
