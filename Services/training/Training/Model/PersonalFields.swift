import ODOPMessages
import ODOPReference

/// The rules for an artisan's personal fields, each refusing with `invalid_argument` naming the
/// field. Messages never repeat the value given (it may be personal data).
enum PersonalFields {
    static let maximumNameLength = 100

    static func name(_ raw: String, field: String = "name") throws(CommandError) -> String {
        let name = TextFolding.collapsingWhitespace(raw)
        guard !name.isEmpty else { throw .invalidArgument("field '\(field)' must not be empty", field: field) }
        guard name.count <= maximumNameLength else {
            throw .invalidArgument("field '\(field)' must be at most \(maximumNameLength) characters", field: field)
        }
        guard
            name.allSatisfy({
                $0.isLetter || $0 == " " || $0 == "." || $0 == "'" || $0 == "-"
                    || $0.unicodeScalars.allSatisfy {
                        $0.properties.generalCategory == .nonspacingMark || $0.properties.generalCategory == .spacingMark
                    }
            })
        else {
            throw .invalidArgument("field '\(field)' may hold only letters, spaces, '.', '-' and apostrophes", field: field)
        }
        return name
    }

    static let genders = ["female", "male", "other"]

    static func gender(_ raw: String, field: String = "gender") throws(CommandError) -> String {
        let value = TextFolding.caseFolded(TextFolding.collapsingWhitespace(raw))
        guard genders.contains(value) else {
            throw .invalidArgument("field '\(field)' must be one of \(genders.joined(separator: ", "))", field: field)
        }
        return value
    }

    /// A date of birth: a real date, not in the future, at most 120 years ago.
    static func dateOfBirth(_ raw: String, today: CalendarDay, field: String = "dateOfBirth") throws(CommandError) -> CalendarDay {
        let day = try CalendarDay(parsing: raw, field: field)
        guard day <= today else { throw .invalidArgument("field '\(field)' is in the future", field: field) }
        guard day.age(on: today) <= 120 else { throw .invalidArgument("field '\(field)' is more than 120 years ago", field: field) }
        return day
    }

    /// An Indian mobile number: 10 digits starting 6–9, optionally after `+91`, `91` or `0`,
    /// with spaces and hyphens allowed. Returns the 10 digits.
    static func mobile(_ raw: String, field: String = "mobile") throws(CommandError) -> String {
        var digits = raw.filter { $0 != " " && $0 != "-" }
        if digits.hasPrefix("+91") {
            digits.removeFirst(3)
        } else if digits.count == 12, digits.hasPrefix("91") {
            digits.removeFirst(2)
        } else if digits.count == 11, digits.hasPrefix("0") {
            digits.removeFirst(1)
        }
        guard digits.count == 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let first = digits.first,
            "6789".contains(first)
        else {
            throw .invalidArgument("field '\(field)' must be an Indian mobile number: 10 digits starting with 6, 7, 8 or 9", field: field)
        }
        return digits
    }

    /// Bank details: an account number of 9–18 digits and an IFSC (4 letters, `0`, 6 letters or
    /// digits), uppercased.
    static func bank(_ details: BankDetails, field: String = "bank") throws(CommandError) -> BankDetails {
        let account = details.accountNumber.filter { $0 != " " && $0 != "-" }
        guard (9...18).contains(account.count), account.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .invalidArgument("field '\(field).accountNumber' must be 9 to 18 digits", field: "\(field).accountNumber")
        }
        let ifsc = details.ifsc.uppercased().filter { $0 != " " }
        let chars = Array(ifsc)
        guard chars.count == 11, chars[0..<4].allSatisfy({ $0.isASCII && $0.isLetter }), chars[4] == "0",
            chars[5...].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else {
            throw .invalidArgument("field '\(field).ifsc' must be an IFSC such as SBIN0001234", field: "\(field).ifsc")
        }
        return BankDetails(accountNumber: account, ifsc: ifsc)
    }

    /// A free-text reference (family reference, trade): collapsed, 1–100 characters.
    static func text(_ raw: String, field: String, maximum: Int = 100) throws(CommandError) -> String {
        let text = TextFolding.collapsingWhitespace(raw)
        guard !text.isEmpty else { throw .invalidArgument("field '\(field)' must not be empty", field: field) }
        guard text.count <= maximum else { throw .invalidArgument("field '\(field)' must be at most \(maximum) characters", field: field) }
        return text
    }

    /// A trade's key: lowercase, single spaces.
    static func trade(_ raw: String, field: String = "trade") throws(CommandError) -> String {
        TextFolding.caseFolded(try text(raw, field: field, maximum: 60))
    }
}
