import ODOPMessages

/// odopctl's exit codes: one per class of failure, so that scripts can branch on them.
/// The table is printed in `odopctl --help` (see `ExitStatus.helpTable`).
enum ExitStatus: Int32, CaseIterable, Sendable {
    case success = 0
    /// The service answered and refused the command (invalid_argument, not_found, ...).
    case refused = 1
    /// odopctl was called wrongly: a bad flag or argument, an unreadable config or key file.
    case usage = 2
    /// A service did not answer (down, wrong endpoint) or answered `unavailable`.
    case unavailable = 3
    /// A service failed (`internal`), or sent a reply odopctl cannot read.
    case `internal` = 4
    /// `status`: every service answered, and at least one is degraded.
    case degraded = 5
    /// The service does not admit odopctl's key (`unauthorized`) or its role (`forbidden`).
    case notPermitted = 6

    /// The class a service error code falls in.
    init(for code: ErrorCode) {
        switch code {
        case .invalidJSON, .invalidRequest, .unknownCommand, .invalidArgument, .notFound, .conflict:
            self = .refused
        case .unauthorized, .forbidden:
            self = .notPermitted
        case .unavailable:
            self = .unavailable
        case .internal:
            self = .internal
        }
    }

    /// How bad it is, for commands that see several failures at once (`status`): the worst wins.
    var severity: Int {
        switch self {
        case .success: 0
        case .degraded: 1
        case .refused: 2
        case .notPermitted: 3
        case .internal: 4
        case .usage: 5
        case .unavailable: 6
        }
    }

    var summary: String {
        switch self {
        case .success: "success"
        case .refused: "the service refused the command (invalid_argument, not_found, ...)"
        case .usage: "usage: a bad flag or argument, an unreadable config or key file"
        case .unavailable: "a service is down or unavailable (the message names the endpoint)"
        case .internal: "a service failed (internal), or its reply could not be read"
        case .degraded: "status only: every service answered, but one is degraded"
        case .notPermitted: "not permitted: unauthorized or forbidden (check the CURVE keys)"
        }
    }

    /// The table for `--help`.
    static var helpTable: String {
        allCases.map { "  \($0.rawValue)  \($0.summary)" }.joined(separator: "\n")
    }
}
