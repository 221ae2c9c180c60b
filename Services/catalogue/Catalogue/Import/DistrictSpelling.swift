import ODOPReference

/// A district name as spelled in a source, and the rule deciding whether two spellings name
/// the same district.
///
/// Definitions:
/// - The *base name* is the spelling with any parenthesised alternative of three or more
///   letters removed: `"Belagavi (Belgaum)"` → `"Belagavi"`, `"Bengaluru (Bangalore) Urban"`
///   → `"Bengaluru Urban"`. One- and two-letter parentheses are qualifiers, not alternatives,
///   and stay: `"Kamrup (M)"` ≠ `"Kamrup(R)"`.
/// - The *comparison key* is the base name folded to lowercase letters and digits, without
///   diacritics, spaces or punctuation: `"Dr. B. R. Ambedkar Konaseema"` → `"drbrambedkarkonaseema"`.
/// - The *qualifiers* are the words of the base name that distinguish sibling districts:
///   north, south, east, west, central, upper, lower, rural, urban, metro, new, old and their
///   Hindi/Bengali forms uttar, dakshin, purba, purva, paschim, madhya; and one- or two-letter
///   parenthesised qualifiers such as `(M)` and `(R)`.
///
/// Rule (`isVariant(of:)`): two spellings are variants of each other when their qualifier sets
/// are equal, their keys start with the same letter, and the keys are equal or within the
/// allowed edit distance (optimal string alignment): 0 when the shorter key has fewer than 5
/// characters, 1 below 12 characters, 2 from 12 on. On the ODOP list this merges `Kachch` /
/// `Kachchh` (1 edit), `Dharampuri` / `Dharmapuri` (1 transposition), `Chikkballapur` /
/// `Chikkaballapura` (2 edits, 13 characters) and keeps apart `Warangal Rural` /
/// `Warangal Urban (Hanumakonda)` (different qualifiers), `Kalahandi` / `Kandhamal` and
/// `Hooghly` / `Howrah`.
///
/// The rule is only applied to rows of the same state that carry the same LGD code (see
/// `DistrictConsolidation`): an edit distance alone does not prove identity.
public struct DistrictSpelling: Sendable, Hashable {
    /// The spelling, trimmed and with white space collapsed.
    public let text: String
    /// `text` without parenthesised alternatives.
    public let baseName: String
    /// Folded letters and digits of `baseName`.
    public let comparisonKey: String
    /// Distinguishing words, and short parenthesised qualifiers written `"(m)"` (see the type's documentation).
    public let qualifiers: Set<String>

    public init(_ raw: String) {
        text = TextFolding.collapsingWhitespace(raw)
        baseName = TextFolding.removingParenthesisedAlternatives(text)
        comparisonKey = TextFolding.letterDigitKey(baseName)
        let shortParentheses =
            text.contains("(")
            ? TextFolding.parenthesisedQualifiers(text).map { "(" + TextFolding.letterDigitKey($0) + ")" }
            : []
        qualifiers = Set(TextFolding.words(baseName).filter { DistrictSpelling.qualifierWords.contains($0) })
            .union(shortParentheses)
    }

    /// Whether `self` and `other` name the same district (see the rule above). Symmetric.
    public func isVariant(of other: DistrictSpelling) -> Bool {
        guard qualifiers == other.qualifiers,
            !comparisonKey.isEmpty, !other.comparisonKey.isEmpty,
            comparisonKey.first == other.comparisonKey.first
        else { return false }
        if comparisonKey == other.comparisonKey { return true }
        let shorter = min(comparisonKey.unicodeScalars.count, other.comparisonKey.unicodeScalars.count)
        let allowed = shorter < 5 ? 0 : (shorter < 12 ? 1 : 2)
        guard allowed > 0 else { return false }
        return EditDistance.optimalStringAlignment(comparisonKey, other.comparisonKey) <= allowed
    }

    static let qualifierWords: Set<String> = [
        "north", "south", "east", "west", "central", "upper", "lower", "rural", "urban", "metro",
        "new", "old", "uttar", "dakshin", "purba", "purva", "paschim", "madhya",
    ]
}
