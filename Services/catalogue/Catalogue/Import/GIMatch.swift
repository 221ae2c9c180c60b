import ODOPReference

/// How a product name was found to name a registered GI. Rules are tried in this order; the
/// first rule with a candidate wins.
///
/// All comparisons are on `GIName` words (case, punctuation and plural `s` ignored) and only
/// against GIs registered for the product's state.
public enum GIMatchRule: String, Sendable, Hashable, CaseIterable {
    /// The words are equal: `"Moradabad Metal Craft"`, `"Kullu Shawls"` / `"Kullu Shawl"`.
    case exact
    /// The same words in another order: `"Shawl-Kullu"`, `"Mango (Banaganapalle)"` /
    /// `"Banaganapalle Mangoes"`.
    case sameWords
    /// The product name contains the whole GI name as consecutive words:
    /// `"Basmati (Rice)"` ⊇ `"Basmati"`, `"Kolhapur Jaggery (Sugarcane Products etc)"`.
    /// The GI name may be one word; a generic product (`"Rice"`) never contains a specific GI.
    case containsGIName
    /// The GI name is the product name with the product's district as the place:
    /// `"Sangli Turmeric"` for product `"Turmeric"` in Sangli, or `"Blue Pottery of Jaipur"` for
    /// `"Blue Pottery"` in Jaipur. Needs the district; any other leading word does not count,
    /// so `"Mango"` in Malda does not match `"Malda Fazli Mango"`.
    case placePrefixed
    /// The GI name starts with the whole product name (at least two words) and goes on with
    /// `and`, `of` or `known`: `"Channapatna Toys"` → `"Channapatna Toys & Dolls"`,
    /// `"Bagh Prints"` → `"Bagh Prints of Madhya Pradesh"`. A GI name that merely contains the
    /// product's words elsewhere (`"Leather Goods"` in `"Santiniketan Leather Goods"`) does not count.
    case extendedGIName
    /// Same number of words, all equal but one, and that one (at least 5 letters on both sides)
    /// is one edit away (two when both have 10 letters or more): `"Pochampally Ikat"` /
    /// `"Pochampalli Ikat"`, `"Madhubhani Paintings"` / `"Madhubani Paintings"`.
    case placeSpelling
}

/// A registered GI matched to a product name, and the rule that matched it.
public struct GIMatch: Sendable, Hashable {
    public let entry: GIEntry
    public let rule: GIMatchRule
}

extension GIRegistry {
    /// The registered GI that `productName` names in `state`, or `nil` (see `GIMatchRule`).
    /// `district` enables `placePrefixed`; pass the product's district name when known.
    public func match(productName: String, state: StateUT, district: String? = nil) -> GIEntry? {
        bestMatch(productName: productName, state: state, district: district)?.entry
    }

    /// Like `match`, with the rule that matched.
    ///
    /// When several GIs qualify under the winning rule, the one with the most words wins (the
    /// most specific; `"Lucknow Chikan Craft & Lucknow Zardozi"` → `Lucknow Chikan Craft`),
    /// then the one listed first.
    public func bestMatch(productName: String, state: StateUT, district: String? = nil) -> GIMatch? {
        let product = GIName(productName)
        guard !product.words.isEmpty, let candidates = entriesByState[state.code] else { return nil }
        let places = district.map(Self.placeNames) ?? []
        var best: (entry: GIEntry, rank: Int, words: Int)?
        for index in candidates {
            let entry = entries[index]
            for name in entry.names {
                guard let rule = Self.firstRule(product: product, gi: name, places: places) else { continue }
                let rank = GIMatchRule.allCases.firstIndex(of: rule)!
                if let current = best, (current.rank, -current.words) <= (rank, -name.words.count) { continue }
                best = (entry, rank, name.words.count)
            }
        }
        return best.map { GIMatch(entry: $0.entry, rule: GIMatchRule.allCases[$0.rank]) }
    }

    /// The first rule (in declaration order) under which `product` names `gi`, if any.
    static func firstRule(product: GIName, gi: GIName, places: [[String]]) -> GIMatchRule? {
        GIMatchRule.allCases.first { applies($0, product: product, gi: gi, places: places) }
    }

    /// The ways a district's name can appear as the place in a GI name: as spelled, without a
    /// parenthesised alternative, and the alternative itself (`"Kheda (Nadiad)"` → `kheda nadiad`,
    /// `kheda`, `nadiad`).
    static func placeNames(_ district: String) -> [[String]] {
        var places = [GIName(district).words, GIName(TextFolding.removingParenthesisedAlternatives(district)).words]
        places += TextFolding.parenthesisedAlternatives(district).map { GIName($0).words }
        var unique: [[String]] = []
        for place in places where !place.isEmpty && !unique.contains(place) { unique.append(place) }
        return unique
    }

    static func applies(_ rule: GIMatchRule, product: GIName, gi: GIName, places: [[String]]) -> Bool {
        let p = product.words
        let g = gi.words
        guard !g.isEmpty else { return false }
        switch rule {
        case .exact:
            return p == g
        case .sameWords:
            return p.count == g.count && product.sortedWords == gi.sortedWords
        case .containsGIName:
            guard p.count > g.count else { return false }
            return (0...(p.count - g.count)).contains { start in p[start..<(start + g.count)].elementsEqual(g) }
        case .placePrefixed:
            return places.contains { place in
                if g.count == place.count + p.count {
                    return g[..<place.count].elementsEqual(place) && g[place.count...].elementsEqual(p)
                }
                if g.count == p.count + 1 + place.count {
                    return g[..<p.count].elementsEqual(p) && g[p.count] == "of"
                        && g[(p.count + 1)...].elementsEqual(place)
                }
                return false
            }
        case .extendedGIName:
            guard p.count >= 2, g.count > p.count, g[..<p.count].elementsEqual(p) else { return false }
            return ["and", "of", "known"].contains(g[p.count])
        case .placeSpelling:
            guard p.count == g.count else { return false }
            var differing: (String, String)?
            for (a, b) in zip(p, g) where a != b {
                if differing != nil { return false }
                differing = (a, b)
            }
            guard let (a, b) = differing else { return false }
            let shorter = min(a.unicodeScalars.count, b.unicodeScalars.count)
            guard shorter >= 5 else { return false }
            return EditDistance.optimalStringAlignment(a, b) <= (shorter >= 10 ? 2 : 1)
        }
    }
}
