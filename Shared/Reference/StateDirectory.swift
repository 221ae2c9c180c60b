/// The fixed directory of India's 28 states and 8 union territories, and name resolution.
///
/// Contract of `resolve(_:)`: it returns the state/UT whose LGD name or one of whose aliases
/// equals `raw` after folding, else `nil`. Folding:
/// - case and diacritics are ignored;
/// - `&` reads as `and`;
/// - a `(UT)` marker anywhere (e.g. `"Ladakh (UT)"`) is dropped, as is the bare word `UT`;
/// - a leading `The` is dropped;
/// - all white space (including embedded newlines) and punctuation are ignored, so
///   `"Tamilnadu"` equals `"Tamil Nadu"` and the ODOP CSV's two-line cell
///   `"Dadra & Nagar Haveli (UT)\nDaman & Diu (UT)"` equals the alias
///   `"Dadra and Nagar Haveli Daman and Diu"`.
/// Foreign places (e.g. `"France"`) and empty strings resolve to `nil`. ISO codes are not names:
/// use `state(code:)` for them.
public enum StateDirectory {
    /// All 36 states and union territories, sorted by `name`.
    public static let all: [StateUT] = [
        StateUT(
            code: "AN", name: "Andaman and Nicobar Islands", kind: .unionTerritory,
            aliases: ["Andaman and Nicobar", "Andaman & Nicobar Islands"]),
        StateUT(code: "AP", name: "Andhra Pradesh", kind: .state),
        StateUT(code: "AR", name: "Arunachal Pradesh", kind: .state),
        StateUT(code: "AS", name: "Assam", kind: .state),
        StateUT(code: "BR", name: "Bihar", kind: .state),
        StateUT(code: "CH", name: "Chandigarh", kind: .unionTerritory),
        StateUT(
            code: "CG", name: "Chhattisgarh", kind: .state,
            aliases: ["Chattisgarh", "Chhatisgarh"]),
        // The two UTs merged on 26 January 2020; either old name resolves to the merged UT.
        StateUT(
            code: "DH", name: "Dadra and Nagar Haveli and Daman and Diu", kind: .unionTerritory,
            aliases: [
                "Dadra & Nagar Haveli (UT)\nDaman & Diu (UT)",
                "Dadra and Nagar Haveli Daman and Diu",
                "Dadra and Nagar Haveli",
                "Dadara & Nagar Haveli",
                "Daman and Diu",
                "Daman Diu",
            ]),
        StateUT(
            code: "DL", name: "Delhi", kind: .unionTerritory,
            aliases: ["NCT of Delhi", "National Capital Territory of Delhi"]),
        StateUT(code: "GA", name: "Goa", kind: .state),
        StateUT(code: "GJ", name: "Gujarat", kind: .state),
        StateUT(code: "HR", name: "Haryana", kind: .state),
        StateUT(code: "HP", name: "Himachal Pradesh", kind: .state),
        StateUT(
            code: "JK", name: "Jammu and Kashmir", kind: .unionTerritory,
            aliases: ["Jammu & Kashmir", "Jammu & Kashmir (UT)"]),
        StateUT(code: "JH", name: "Jharkhand", kind: .state),
        StateUT(code: "KA", name: "Karnataka", kind: .state),
        StateUT(code: "KL", name: "Kerala", kind: .state),
        StateUT(code: "LA", name: "Ladakh", kind: .unionTerritory, aliases: ["Ladakh (UT)"]),
        StateUT(code: "LD", name: "Lakshadweep", kind: .unionTerritory),
        StateUT(code: "MP", name: "Madhya Pradesh", kind: .state),
        StateUT(code: "MH", name: "Maharashtra", kind: .state),
        StateUT(code: "MN", name: "Manipur", kind: .state),
        StateUT(code: "ML", name: "Meghalaya", kind: .state),
        StateUT(code: "MZ", name: "Mizoram", kind: .state),
        StateUT(code: "NL", name: "Nagaland", kind: .state),
        StateUT(code: "OD", name: "Odisha", kind: .state, aliases: ["Orissa"]),
        StateUT(code: "PY", name: "Puducherry", kind: .unionTerritory, aliases: ["Pondicherry"]),
        StateUT(code: "PB", name: "Punjab", kind: .state),
        StateUT(code: "RJ", name: "Rajasthan", kind: .state),
        StateUT(code: "SK", name: "Sikkim", kind: .state),
        StateUT(code: "TN", name: "Tamil Nadu", kind: .state, aliases: ["Tamilnadu"]),
        StateUT(code: "TS", name: "Telangana", kind: .state),
        StateUT(code: "TR", name: "Tripura", kind: .state),
        StateUT(code: "UP", name: "Uttar Pradesh", kind: .state, aliases: ["Uttar Predesh"]),
        StateUT(code: "UK", name: "Uttarakhand", kind: .state, aliases: ["Uttarkhand", "Uttaranchal"]),
        StateUT(code: "WB", name: "West Bengal", kind: .state),
    ]

    /// The state/UT whose name or alias matches `raw` after folding (see the type's contract).
    public static func resolve(_ raw: String) -> StateUT? {
        let key = lookupKey(raw)
        return key.isEmpty ? nil : byKey[key]
    }

    /// The state/UT with ISO 3166-2:IN code `code`, with or without the `IN-` prefix,
    /// case-insensitive (`"up"`, `"IN-UP"`).
    public static func state(code: String) -> StateUT? {
        var code = TextFolding.collapsingWhitespace(code).uppercased()
        if code.hasPrefix("IN-") { code.removeFirst(3) }
        return byCode[code]
    }

    private static let byCode: [String: StateUT] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    private static let byKey: [String: StateUT] = {
        var table: [String: StateUT] = [:]
        for state in all {
            for spelling in [state.name] + state.aliases {
                let key = lookupKey(spelling)
                precondition(table[key] == nil || table[key] == state, "ambiguous state spelling \(spelling)")
                table[key] = state
            }
        }
        return table
    }()

    /// Folded form used for lookup: words (with `&` as `and`), minus `UT` / `U.T.` markers and a
    /// leading `the`, concatenated without separators. (No state name contains the word "ut".)
    public static func lookupKey(_ raw: String) -> String {
        var words = TextFolding.words(raw)
        var index = 0
        while index < words.count {
            if words[index] == "ut" {
                words.remove(at: index)
            } else if words[index] == "u", index + 1 < words.count, words[index + 1] == "t" {
                words.removeSubrange(index...(index + 1))
            } else {
                index += 1
            }
        }
        if words.first == "the" { words.removeFirst() }
        return words.joined()
    }
}
