import ODOPMessages
import ODOPReference

/// The one rule by which every service reads a `state` or `sector` command argument, so that
/// every service accepts exactly the same spellings and refuses the rest with the same words.
///
/// A state or union territory is given by any of:
/// - its LGD name (`Tamil Nadu`), or a known alias (`Tamilnadu`, `Orissa`, `Pondicherry`), folded
///   as `StateDirectory.resolve(_:)` folds them (case, diacritics, white space, punctuation, `&`,
///   a `(UT)` marker and a leading `The` are ignored);
/// - its ISO 3166-2:IN code, with or without the `IN-` prefix, in any case (`TN`, `in-tn`).
///
/// Anything else is `invalid_argument` naming the field, with the message
/// `unknown state or union territory '<raw>'; states.list lists the 36 names` (the catalogue's
/// `states.list` command lists them). A sector is one of `Sector`'s spellings; anything else is
/// `invalid_argument` naming the field, listing the sectors.
public enum PlaceArguments {
    /// The state or union territory `raw` names (see the type's rule), or `invalid_argument`
    /// naming `field`.
    public static func state(_ raw: String, field: String = "state") throws(CommandError) -> StateUT {
        guard let state = StateDirectory.resolve(raw) ?? StateDirectory.state(code: raw) else {
            throw .invalidArgument(unknownStateMessage(raw), field: field)
        }
        return state
    }

    /// `state(_:field:)` for an optional argument: `nil` stays `nil`.
    public static func state(ifGiven raw: String?, field: String = "state") throws(CommandError) -> StateUT? {
        guard let raw else { return nil }
        return try state(raw, field: field)
    }

    /// The sector `raw` names (`Sector(parsing:)`), or `invalid_argument` naming `field`.
    public static func sector(_ raw: String, field: String = "sector") throws(CommandError) -> Sector {
        guard let sector = Sector(parsing: raw) else {
            throw .invalidArgument(
                "unknown sector '\(raw)'; one of: \(Sector.allCases.map(\.rawValue).joined(separator: ", "))", field: field)
        }
        return sector
    }

    /// `sector(_:field:)` for an optional argument: `nil` stays `nil`.
    public static func sector(ifGiven raw: String?, field: String = "sector") throws(CommandError) -> Sector? {
        guard let raw else { return nil }
        return try sector(raw, field: field)
    }

    /// The message of an unknown state's `invalid_argument`, the same in every service.
    public static func unknownStateMessage(_ raw: String) -> String {
        "unknown state or union territory '\(raw)'; states.list lists the 36 names"
    }
}
