import Foundation
import GRDB
import ODOPMessages

/// What a command declares about who may run it, beside its handler (see
/// `CommandRegistry.require` and `CommandRegistry.place`). Handlers never check keys by hand.
///
/// Defaults when a command declares nothing: a mutating command needs `admin`, anything else any
/// admitted key; a key with a scope may run it only if it changes nothing.
struct CommandAccess: Sendable {
    /// The role a request needs, from its raw arguments; nil: the default by `isMutating`.
    var role: (@Sendable (JSONValue) -> RequiredRole?)?
    /// Where a request acts, from its arguments inside its snapshot or transaction.
    var place: (@Sendable (JSONValue, Database) throws -> CommandPlace?)?
}

/// How a command's place is found: from argument fields, or by loading the record it names.
public struct PlaceRule<Arguments>: Sendable {
    let locate: @Sendable (Arguments, Database) throws -> CommandPlace?

    /// The place named by a state field and, optionally, a district-name field of the arguments
    /// (the state in any spelling `PlaceArguments.state` reads; the district by name, turned into
    /// the catalogue's district id). No state: no place.
    public static func fields(
        state: @escaping @Sendable (Arguments) -> String?, district: (@Sendable (Arguments) -> String?)? = nil
    ) -> PlaceRule {
        PlaceRule { args, _ in
            guard let raw = state(args) else { return nil }
            let resolved = try PlaceArguments.state(raw)
            return CommandPlace(state: resolved, district: district?(args))
        }
    }

    /// The place of the record the arguments name, loaded in the request's own snapshot or
    /// transaction (e.g. a product's state and district by its id). Throw `not_found` for an
    /// unknown record.
    public static func record(_ resolve: @escaping @Sendable (Arguments, Database) throws -> CommandPlace?) -> PlaceRule {
        PlaceRule(locate: resolve)
    }
}

extension CommandRegistry {
    /// Declares where `command` acts: a key scoped to states or districts may run it only there
    /// (`forbidden` elsewhere, or when the request names no place), and the place is written in
    /// the audit entries of its changes.
    public mutating func place<C: CommandSchema>(of command: C.Type, _ rule: PlaceRule<C.Arguments>) {
        access[C.name, default: CommandAccess()].place = { args, db in
            try rule.locate(try C.decodeArguments(args), db)
        }
    }

    /// Declares that `command` needs `role` (e.g. `.admin` for a read of sensitive data).
    public mutating func require<C: CommandSchema>(_ role: RequiredRole, for command: C.Type) {
        access[C.name, default: CommandAccess()].role = { _ in role }
    }

    /// Declares the role `command` needs from each request's arguments, e.g. `admin` when an
    /// unmasked read is asked for: `registry.require(for: ArtisanGet.self) { $0.unmasked == true ? .admin : .admitted }`.
    /// Arguments that do not decode get the default role (the handler then refuses them).
    public mutating func require<C: CommandSchema>(for command: C.Type, _ rule: @escaping @Sendable (C.Arguments) -> RequiredRole) {
        access[C.name, default: CommandAccess()].role = { args in
            (try? C.decodeArguments(args)).map(rule)
        }
    }
}
