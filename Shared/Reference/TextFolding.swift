import Foundation

/// Text normalisations shared by the reference tables and the importers.
///
/// Contract:
/// - `collapsingWhitespace` trims the string and replaces every run of Unicode white space
///   (spaces, tabs, CR/LF, no-break spaces, ...) with one ASCII space. Case is kept.
/// - `caseFolded` additionally folds case and diacritics (`"Münchener  Bier "` → `"munchener bier"`).
/// - `letterDigitKey` keeps only letters and digits of the case- and diacritic-folded text,
///   so punctuation and spacing differences vanish (`"Dr. B. R. Ambedkar"` → `"drbrambedkar"`).
public enum TextFolding {
    /// Trims and folds every run of white space (including newlines and U+00A0) into one space.
    public static func collapsingWhitespace(_ text: some StringProtocol) -> String {
        if isCollapsedASCII(text.utf8) { return String(text) }
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
            } else {
                if pendingSpace {
                    scalars.append(" ")
                    pendingSpace = false
                }
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// True when the text is empty or only white space.
    public static func isBlank(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    /// The text without leading and trailing white space; inner white space is kept as is.
    public static func trimmingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    /// `collapsingWhitespace` followed by case and diacritic folding.
    public static func caseFolded(_ text: some StringProtocol) -> String {
        let collapsed = collapsingWhitespace(text)
        if collapsed.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLowercased(collapsed) }
        return collapsed.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Case- and diacritic-folded letters and digits only; everything else is dropped.
    public static func letterDigitKey(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 where isASCIILetterOrDigit(byte) { bytes.append(asciiLower(byte)) }
            return String(decoding: bytes, as: UTF8.self)
        }
        let folded = String(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { isLetterOrDigit($0) }))
    }

    /// Words of the case- and diacritic-folded text: maximal runs of letters and digits.
    /// `&` counts as the word `and`; every other non-alphanumeric character separates words.
    public static func words(_ text: some StringProtocol) -> [String] {
        let folded =
            text.utf8.allSatisfy({ $0 < 0x80 })
            ? asciiLowercased(String(text))
            : String(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        for scalar in folded.unicodeScalars {
            if isLetterOrDigit(scalar) {
                current.append(scalar)
            } else {
                flush()
                if scalar == "&" { words.append("and") }
            }
        }
        flush()
        return words
    }

    /// Removes every parenthesised segment whose content holds at least `minimumLetters`
    /// letters, then collapses white space: `"Belagavi (Belgaum)"` → `"Belagavi"`, while
    /// `"Kamrup (M)"` keeps its one-letter qualifier. Unbalanced parentheses are left alone.
    public static func removingParenthesisedAlternatives(_ text: String, minimumLetters: Int = 3) -> String {
        collapsingWhitespace(
            text.contains("(") ? splitParenthesised(text, minimumLetters: minimumLetters).base : text
        )
    }

    /// The parenthesised segments (content only, whitespace-collapsed) that
    /// `removingParenthesisedAlternatives` would drop.
    public static func parenthesisedAlternatives(_ text: String, minimumLetters: Int = 3) -> [String] {
        text.contains("(") ? splitParenthesised(text, minimumLetters: minimumLetters).alternatives : []
    }

    /// The contents of the parenthesised segments that are qualifiers rather than alternatives
    /// (fewer than `minimumLetters` letters): `"Kamrup (M)"` → `["M"]`.
    public static func parenthesisedQualifiers(_ text: String, minimumLetters: Int = 3) -> [String] {
        guard text.contains("(") else { return [] }
        var qualifiers: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            let content = rest[rest.index(after: open)..<close]
            let letters = content.unicodeScalars.filter { CharacterSet.letters.contains($0) }.count
            if letters < minimumLetters && !isBlank(content) { qualifiers.append(collapsingWhitespace(content)) }
            rest = rest[rest.index(after: close)...]
        }
        return qualifiers
    }

    private static func splitParenthesised(
        _ text: String,
        minimumLetters: Int
    ) -> (base: String, alternatives: [String]) {
        var base = ""
        var alternatives: [String] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "(", let close = text[index...].firstIndex(of: ")") {
                let content = text[text.index(after: index)..<close]
                let letters = content.unicodeScalars.filter { CharacterSet.letters.contains($0) }.count
                if letters >= minimumLetters {
                    alternatives.append(collapsingWhitespace(content))
                    base.append(" ")
                } else {
                    base.append(contentsOf: text[index...close])
                }
                index = text.index(after: close)
            } else {
                base.append(character)
                index = text.index(after: index)
            }
        }
        return (base, alternatives)
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIILetterOrDigit(UInt8(scalar.value)) }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    private static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map(asciiLower), as: UTF8.self)
    }

    /// True when `bytes` are ASCII with no leading, trailing, doubled or non-space white space,
    /// i.e. `collapsingWhitespace` would return the text unchanged.
    private static func isCollapsedASCII(_ bytes: some Collection<UInt8>) -> Bool {
        var previousWasSpace = true  // a leading space fails
        for byte in bytes {
            if byte >= 0x80 { return false }
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else if byte >= 0x09 && byte <= 0x0D {
                return false
            } else {
                previousWasSpace = false
            }
        }
        return !previousWasSpace || bytes.isEmpty
    }
}
