import ODOPReference

/// A district the import will make sure exists: identity `(state, name)`, where `name` is the
/// canonical spelling (compared case-insensitively) and `aliases` are the other spellings the
/// source used for it.
public struct PlannedDistrict: Sendable, Hashable, CustomStringConvertible {
    public let state: StateUT
    /// Canonical name (see `DistrictConsolidation` for how it is chosen).
    public let name: String
    /// The chosen LGD district code; `nil` when no row gave one.
    public let lgdCode: Int?
    /// Other spellings of this district seen in the source, in order of first appearance.
    public let aliases: [String]

    public init(state: StateUT, name: String, lgdCode: Int?, aliases: [String]) {
        self.state = state
        self.name = name
        self.lgdCode = lgdCode
        self.aliases = aliases
    }

    /// Case- and white-space-folded name, the district's identity within its state.
    public var nameKey: String { TextFolding.caseFolded(name) }

    public var description: String {
        "\(state.code)/\(name)" + (lgdCode.map { " [\($0)]" } ?? "")
            + (aliases.isEmpty ? "" : " aka " + aliases.joined(separator: ", "))
    }
}
