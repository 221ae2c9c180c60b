import ODOPReference

/// A product or GI name reduced to comparable words.
///
/// Normalisation: a `(Logo)` marker is removed; the text is case- and diacritic-folded and split
/// into words of letters and digits (`&` reads as `and`; all other punctuation separates words);
/// each word is reduced to a simple singular: `-ies` → `-y`, `-oes` → `-o`, otherwise one final
/// `s` is dropped unless the word ends in `ss`, `us` or `is` or has three letters or fewer.
/// So `"Mangalagiri Sarees and Fabric"` and `"Mangalagiri Sarees and Fabrics"` both read
/// `mangalagiri saree and fabric`, and `"Banaganapalle Mangoes"` reads `banaganapalle mango`.
struct GIName: Sendable, Hashable {
    let words: [String]
    /// The words joined by single spaces.
    let key: String
    /// The words in ascending order (for order-insensitive comparison).
    let sortedWords: [String]

    init(_ text: String) {
        self.init(words: TextFolding.words(GIName.removingLogoMarker(text)).map(GIName.singular))
    }

    init(words: [String]) {
        self.words = words
        key = words.joined(separator: " ")
        sortedWords = words.sorted()
    }

    /// `text` without a parenthesised `logo` marker (any case and inner spacing), white space
    /// collapsed: `"Bagh Prints of Madhya Pradesh (Logo )"` → `"Bagh Prints of Madhya Pradesh"`.
    static func removingLogoMarker(_ text: String) -> String {
        guard text.contains("(") else { return TextFolding.collapsingWhitespace(text) }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "(", let close = text[index...].firstIndex(of: ")"),
                TextFolding.letterDigitKey(text[text.index(after: index)..<close]) == "logo"
            {
                result.append(" ")
                index = text.index(after: close)
            } else {
                result.append(text[index])
                index = text.index(after: index)
            }
        }
        return TextFolding.collapsingWhitespace(result)
    }

    static func hasLogoMarker(_ text: String) -> Bool {
        removingLogoMarker(text) != TextFolding.collapsingWhitespace(text)
    }

    static func singular(_ word: String) -> String {
        let count = word.utf8.count
        if count > 4 && word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if count > 4 && word.hasSuffix("oes") { return String(word.dropLast(2)) }
        if count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is") {
            return String(word.dropLast())
        }
        return word
    }
}
