/// One of India's 36 states and union territories, as built into the catalogue.
///
/// Contract:
/// - `name` is the spelling used by the Local Government Directory (LGD), e.g.
///   `"Dadra and Nagar Haveli and Daman and Diu"`, `"Delhi"` (LGD's name for the NCT of Delhi).
/// - `code` is the two-letter ISO 3166-2:IN subdivision code without the `IN-` prefix, as of the
///   2023 ISO update (`"CG"`, `"OD"`, `"TS"`, `"UK"`, `"DH"`, `"LA"`). It is the identity:
///   two values are equal exactly when their codes are equal.
/// - `aliases` are other spellings seen in source data or in common use; `StateDirectory.resolve`
///   matches them (after its folding) as well as `name`.
/// - Values are only made by `StateDirectory`; the list is fixed.
public struct StateUT: Sendable, Hashable, Identifiable, CustomStringConvertible {
    /// Whether the entity is a state or a union territory.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case state
        case unionTerritory = "union territory"
    }

    /// ISO 3166-2:IN subdivision code without the country prefix, e.g. `"UP"`.
    public let code: String
    /// The Local Government Directory name, e.g. `"Uttar Pradesh"`.
    public let name: String
    public let kind: Kind
    /// Other spellings accepted by `StateDirectory.resolve` (not including `name`).
    public let aliases: [String]

    public var id: String { code }
    /// The full ISO 3166-2 code, e.g. `"IN-UP"`.
    public var isoCode: String { "IN-" + code }
    public var description: String { name }

    init(code: String, name: String, kind: Kind, aliases: [String] = []) {
        self.code = code
        self.name = name
        self.kind = kind
        self.aliases = aliases
    }

    public static func == (lhs: StateUT, rhs: StateUT) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
