/// How personal data looks in a masked reply (the default, and every stored reply).
enum PersonalDataMask {
    /// Each word's first letter, the rest as stars: `R***** K****`.
    static func name(_ name: String) -> String {
        let words: [String] = name.split(separator: " ").map { word -> String in
            let stars = String(repeating: "*", count: Swift.max(word.count - 1, 1))
            return String(word.first ?? "*") + stars
        }
        return words.joined(separator: " ")
    }

    /// `XXXXXX3210`.
    static func lastFour(_ value: String) -> String {
        String(repeating: "X", count: max(value.count - 4, 0)) + value.suffix(4)
    }

    /// `1990-XX-XX`: the year only.
    static func dateOfBirth(_ date: String) -> String {
        String(date.prefix(4)) + "-XX-XX"
    }

    /// `SBIN0XXXXXX`: the bank's code only.
    static func ifsc(_ ifsc: String) -> String {
        String(ifsc.prefix(5)) + String(repeating: "X", count: max(ifsc.count - 5, 0))
    }
}
