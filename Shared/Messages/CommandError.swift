import Foundation

/// Why a command failed, as carried in a failure reply's `error` member:
/// `{"code": "invalid_argument", "message": "...", "field": "state"}`.
///
/// `message` is for humans and may change wording at any time; programs branch on `code` and
/// `field`. `field` names the offending member as a dotted path relative to the decoded value
/// (`state`, `interventions.2.title`); it is omitted from the JSON when `nil`.
public struct CommandError: Error, Codable, Sendable, Equatable, CustomStringConvertible {
    public var code: ErrorCode
    public var message: String
    public var field: String?

    public init(code: ErrorCode, message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    /// `invalid_json <message> (field: <field>)`, for logs.
    public var description: String {
        var text = "\(code.rawValue): \(message)"
        if let field {
            text += " (field: \(field))"
        }
        return text
    }

    public static func invalidJSON(_ message: String, field: String? = nil) -> CommandError {
        CommandError(code: .invalidJSON, message: message, field: field)
    }

    public static func invalidRequest(_ message: String, field: String? = nil) -> CommandError {
        CommandError(code: .invalidRequest, message: message, field: field)
    }

    /// `unknown_command` for the command `name`, naming the field `command`.
    public static func unknownCommand(_ name: String) -> CommandError {
        CommandError(code: .unknownCommand, message: "unknown command '\(name)'", field: "command")
    }

    public static func invalidArgument(_ message: String, field: String? = nil) -> CommandError {
        CommandError(code: .invalidArgument, message: message, field: field)
    }

    public static func notFound(_ message: String, field: String? = nil) -> CommandError {
        CommandError(code: .notFound, message: message, field: field)
    }

    public static func conflict(_ message: String, field: String? = nil) -> CommandError {
        CommandError(code: .conflict, message: message, field: field)
    }

    public static func unauthorized(_ message: String) -> CommandError {
        CommandError(code: .unauthorized, message: message)
    }

    public static func forbidden(_ message: String) -> CommandError {
        CommandError(code: .forbidden, message: message)
    }

    public static func unavailable(_ message: String) -> CommandError {
        CommandError(code: .unavailable, message: message)
    }

    /// `internal`: the spelling `internal` is a Swift keyword, hence the longer name.
    public static func internalError(_ message: String) -> CommandError {
        CommandError(code: .internal, message: message)
    }
}
