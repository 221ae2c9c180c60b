import ODOPMessages

/// A validated Aadhaar number, held only in memory while a command runs: it is hashed with the
/// deployment's identity key (`IdentityKey`) and only the hash and the last 4 digits are kept.
///
/// Valid: 12 digits once spaces and hyphens are removed, not starting with 0 or 1 (UIDAI issues
/// none), with a correct Verhoeff check digit. Error messages never repeat the number.
public struct AadhaarNumber: Sendable {
    /// The 12 digits.
    let digits: String

    public init(parsing raw: String, field: String = "aadhaar") throws(CommandError) {
        let compact = raw.filter { $0 != " " && $0 != "-" }
        guard compact.count == 12, compact.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .invalidArgument("field '\(field)' must be an Aadhaar number of 12 digits", field: field)
        }
        let values = compact.compactMap { $0.wholeNumberValue }
        guard values[0] >= 2 else {
            throw .invalidArgument("field '\(field)' is not an Aadhaar number: none starts with 0 or 1", field: field)
        }
        guard Verhoeff.isValid(values) else {
            throw .invalidArgument("field '\(field)' is not a valid Aadhaar number: its check digit is wrong", field: field)
        }
        digits = compact
    }

    /// The last 4 digits, for display.
    public var lastFour: String { String(digits.suffix(4)) }

    /// `XXXX-XXXX-1234`, UIDAI's masked form.
    public static func masked(lastFour: String) -> String { "XXXX-XXXX-\(lastFour)" }
}
