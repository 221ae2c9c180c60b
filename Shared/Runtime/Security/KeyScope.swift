import ODOPReference

/// Where a key may act: everywhere, or only in some states and districts.
///
/// Syntax (the fourth field of an allowlist line): comma-separated places, no spaces —
/// `state:<code>` for a whole state or union territory by its two-letter code (`state:UP`,
/// `state:TN`) and `district:<id>` for one district by the catalogue's district id, which is the
/// state code, a hyphen and the district's folded name (`district:UP-firozabad`). Example:
/// `state:TN,district:UP-firozabad`.
///
/// Rule: a place with a district is inside the scope when the scope names that district or its
/// state; a place with only a state is inside when the scope names that state (a district key
/// cannot act on a whole state). A command with no place is allowed to a scoped key only when it
/// changes nothing.
public struct KeyScope: Sendable, Equatable, CustomStringConvertible {
    public private(set) var stateCodes: Set<String> = []
    public private(set) var districtIDs: Set<String> = []

    /// Everywhere: no restriction.
    public static let everywhere = KeyScope()

    public var isEverywhere: Bool { stateCodes.isEmpty && districtIDs.isEmpty }

    public init() {}

    /// Parses the syntax above; throws a message naming the bad part.
    public init(parsing text: String) throws(AllowlistError) {
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2, !pieces[1].isEmpty else {
                throw AllowlistError(message: "scope part '\(part)' is not state:<code> or district:<id>")
            }
            let value = String(pieces[1])
            switch pieces[0] {
            case "state":
                guard let state = StateDirectory.state(code: value.uppercased()) else {
                    throw AllowlistError(message: "scope part '\(part)': \(value) is not a state or union territory code (e.g. UP, TN)")
                }
                stateCodes.insert(state.code)
            case "district":
                let code = value.split(separator: "-", maxSplits: 1).first.map { String($0).uppercased() } ?? ""
                guard value.contains("-"), let state = StateDirectory.state(code: code) else {
                    throw AllowlistError(message: "scope part '\(part)': a district id is <state code>-<name>, e.g. UP-firozabad")
                }
                districtIDs.insert(state.code + value.drop(while: { $0 != "-" }))
            default:
                throw AllowlistError(message: "scope part '\(part)' is not state:<code> or district:<id>")
            }
        }
    }

    /// Whether `place` is inside this scope (see the type's rule).
    public func admits(_ place: CommandPlace) -> Bool {
        if isEverywhere { return true }
        if let district = place.districtID {
            return districtIDs.contains(district) || place.stateCode.map(stateCodes.contains) == true
        }
        if let state = place.stateCode { return stateCodes.contains(state) }
        return false
    }

    public var description: String {
        if isEverywhere { return "everywhere" }
        return (stateCodes.sorted().map { "state:\($0)" } + districtIDs.sorted().map { "district:\($0)" }).joined(separator: ",")
    }
}
