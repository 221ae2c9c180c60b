import Foundation

/// A typed command: its wire name, its arguments and its result.
///
/// `isMutating` commands change state: they require the `admin` role when CURVE is on, and are
/// the ones whose replies must be stored for idempotent retries.
///
/// Conforming types are usually caseless enums; the protocol refines `Sendable` so that the
/// metatype (`C.Type`) can be captured by `@Sendable` handlers.
public protocol CommandSchema: Sendable {
    associatedtype Arguments: Codable & Sendable
    associatedtype Result: Codable & Sendable
    static var name: String { get }
    static var isMutating: Bool { get }
}

extension CommandSchema {
    /// A request for this command.
    public static func request(id: String, arguments: Arguments) throws -> CommandRequest {
        try CommandRequest.make(id: id, command: name, args: arguments)
    }

    /// The arguments of `request`-style `args`, decoded strictly (`invalid_argument` naming
    /// the field) and validated when they are `ValidatableArguments`.
    public static func decodeArguments(_ args: JSONValue) throws(CommandError) -> Arguments {
        // Every object decodes as `NoArguments`, and it has nothing to validate: by metatype,
        // without a decoder (about 1,400 instructions for each `health`).
        if Arguments.self == NoArguments.self, case .object = args {
            return unsafeBitCast(NoArguments(), to: Arguments.self)
        }
        let arguments = try WireFormat.decode(Arguments.self, from: args, as: .invalidArgument)
        if let validatable = arguments as? any ValidatableArguments {
            try validatable.validate()
        }
        return arguments
    }

    /// The typed result of `reply`; a failure reply throws its error.
    public static func decodeResult(_ reply: CommandReply) throws(CommandError) -> Result {
        try reply.result(as: Result.self)
    }
}

extension CommandSchema where Arguments == NoArguments {
    /// A request for this argument-less command (`"args": {}`).
    public static func request(id: String) -> CommandRequest {
        CommandRequest(id: id, command: name, args: [:])
    }
}
