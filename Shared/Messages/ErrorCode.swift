import Foundation

/// The machine-readable reason a command failed: `error.code` in a failure reply.
///
/// The raw values are the wire spelling and never change; a new code is a protocol change.
public enum ErrorCode: String, Codable, Sendable, CaseIterable {
    /// The frame is not JSON: a syntax error, or invalid UTF-8 anywhere in it.
    case invalidJSON = "invalid_json"
    /// The frame is JSON but not a request: not an object, or `id`/`command`/`args` malformed.
    case invalidRequest = "invalid_request"
    /// No command of that name on this service.
    case unknownCommand = "unknown_command"
    /// The arguments do not fit the command: a missing or mistyped field, a value out of range.
    case invalidArgument = "invalid_argument"
    /// The command names something (by id or key) that does not exist.
    case notFound = "not_found"
    /// The command clashes with the current state: a stale `expectedVersion`, a duplicate.
    case conflict
    /// The client is not authenticated (no admitted CURVE key).
    case unauthorized
    /// The client is authenticated but its role may not run this command.
    case forbidden
    /// The service cannot do this now (shutting down, a dependency is down); retry later.
    case unavailable
    /// A bug or an unexpected failure in the service; the request may be retried.
    case `internal`
}
