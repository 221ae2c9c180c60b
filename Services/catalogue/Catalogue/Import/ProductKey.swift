import ODOPReference

/// The identity of a catalogue product: `(state, district, product name)`, each normalised.
///
/// Contract: `district` and `name` are case-folded (diacritics too), trimmed and have every
/// white space run collapsed to one space; `state` is the ISO code. Two products are the same
/// product exactly when their keys are equal, so `"Channapatna Toys "` and `"channapatna  toys"`
/// in the same district collide. Punctuation is significant (`"Basmati (Rice)"` ≠ `"Basmati Rice"`).
/// Keys order by state code, district, name.
public struct ProductKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// ISO 3166-2:IN code of the state/UT.
    public let state: String
    /// Normalised canonical district name.
    public let district: String
    /// Normalised product name.
    public let name: String

    public init(state: StateUT, district: String, name: String) {
        self.state = state.code
        self.district = ProductKey.normalise(district)
        self.name = ProductKey.normalise(name)
    }

    /// Case-folded, trimmed, white space collapsed.
    public static func normalise(_ text: String) -> String {
        TextFolding.caseFolded(text)
    }

    public static func < (lhs: ProductKey, rhs: ProductKey) -> Bool {
        (lhs.state, lhs.district, lhs.name) < (rhs.state, rhs.district, rhs.name)
    }

    public var description: String { "\(state)/\(district)/\(name)" }
}
