import ArgumentParser
import ODOPClient

/// The services odopctl talks to, in the order it lists them.
enum ServiceName: String, CaseIterable, Sendable, ExpressibleByArgument, Comparable {
    case catalogue
    case exports
    case training
    case notifications

    /// Shell completion offers the four names.
    static var defaultCompletionKind: CompletionKind { .list(allCases.map(\.rawValue)) }

    /// `odop-catalogue`.
    var executable: String { "odop-\(rawValue)" }

    /// `ODOP_CATALOGUE_COMMANDS`.
    var commandsKey: String { ServiceDirectory.environmentKey(rawValue, "COMMANDS") }
    /// `ODOP_CATALOGUE_EVENTS`.
    var eventsKey: String { ServiceDirectory.environmentKey(rawValue, "EVENTS") }
    /// `ODOP_CATALOGUE_PUBLIC_KEY_FILE`: the service's CURVE public key, for clients.
    var publicKeyFileKey: String { ServiceDirectory.environmentKey(rawValue, "PUBLIC_KEY_FILE") }

    static func < (lhs: ServiceName, rhs: ServiceName) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
