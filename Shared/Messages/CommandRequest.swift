import Foundation

/// A command request: one frame holding one JSON object
/// `{"id": "<client-chosen unique id>", "command": "<name>", "args": {...}}`.
///
/// `id` is chosen by the client, unique per request (a UUID is a good choice), and doubles as the
/// idempotency key: a request whose `id` the service has seen within its retention window gets
/// the stored reply again instead of being executed twice. Retry a request with the same `id`.
public struct CommandRequest: Sendable, Equatable {
    public var id: String
    public var command: String
    /// Always a JSON object (`{}` when the command takes no arguments).
    public var args: JSONValue
    /// The caller's W3C trace context (`"traceparent"`), when it sent one.
    public var traceparent: String?

    public init(id: String, command: String, args: JSONValue = [:], traceparent: String? = nil) {
        self.id = id
        self.command = command
        self.args = args
        self.traceparent = traceparent
    }

    /// A request whose `args` are the JSON form of `args`, which must encode to an object.
    public static func make<A: Encodable>(id: String, command: String, args: A) throws -> CommandRequest {
        let value = try JSONValue(encoding: args)
        guard case .object = value else {
            throw CommandError.invalidArgument(
                "the arguments of '\(command)' must encode to a JSON object, not \(value.kindDescription)",
                field: "args")
        }
        return CommandRequest(id: id, command: command, args: value)
    }

    /// The request frame for typed `args`, written around their JSON encoded once: the same bytes
    /// as `make(id:command:args:)` then `encoded()`, without parsing the arguments into a
    /// `JSONValue` and encoding that again. Throws what `make` throws when `args` do not encode
    /// to an object.
    public static func frame<A: Encodable>(id: String, command: String, args: A, traceparent: String? = nil) throws -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(id.utf8.count + command.utf8.count + 256)
        JSONText.appendLiteral(#"{"args":"#, to: &out)
        let argsStart = out.count
        try WireFormat.encode(args, appendingTo: &out)
        guard out.count > argsStart, out[argsStart] == UInt8(ascii: "{") else {
            return try make(id: id, command: command, args: args).encoded()
        }
        JSONText.appendLiteral(#","command":"#, to: &out)
        JSONText.appendString(command, to: &out)
        JSONText.appendLiteral(#","id":"#, to: &out)
        JSONText.appendString(id, to: &out)
        if let traceparent {
            JSONText.appendLiteral(#","traceparent":"#, to: &out)
            JSONText.appendString(traceparent, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return Data(out)
    }

    /// The request frame: compact JSON `{"args":…,"command":…,"id":…}` (and `"traceparent"` when set).
    public func encoded() throws -> Data {
        try WireFormat.encode(Wire(id: id, command: command, args: args, traceparent: traceparent))
    }

    /// Decodes `args` as `type`; failures are `invalid_argument` naming the field within `args`.
    public func decodeArgs<A: Decodable>(_ type: A.Type) throws(CommandError) -> A {
        try WireFormat.decode(type, from: args, as: .invalidArgument)
    }

    /// Reads a request frame. Every failure is a rejection to send back as a failure reply:
    /// - not JSON, invalid UTF-8 → `invalid_json` (naming the field whose string is broken);
    /// - not a JSON object → `invalid_request`;
    /// - `id` missing, not a string, or empty → `invalid_request`, field `id`;
    /// - `command` missing, not a string, or empty → `invalid_request`, field `command`;
    /// - `args` not an object → `invalid_request`, field `args`; missing or `null` means `{}`;
    /// - `traceparent` present and not a W3C traceparent string (`00-<32 hex>-<16 hex>-<2 hex>`,
    ///   ids not all zero) → `invalid_request`, field `traceparent`; missing or `null` means none.
    /// Other members are ignored. The rejection carries the `id` whenever it could be read.
    /// A well-formed request is read straight from its bytes (`FrameReader`).
    public static func parse(_ frame: Data) -> Result<CommandRequest, RequestRejection> {
        if let request = try? FrameReader.request(frame) { return .success(request) }
        return parseTree(frame)
    }

    /// `parse(_:)`'s general path: the whole frame as a `JSONValue` tree, its members looked up
    /// by name. It names every error.
    static func parseTree(_ frame: Data) -> Result<CommandRequest, RequestRejection> {
        let root: JSONValue
        do throws(JSONParseError) {
            root = try JSONParser.parse(frame)
        } catch {
            return .failure(RequestRejection(id: salvageID(from: frame, after: error), error: error.commandError))
        }
        guard case .object(let members) = root else {
            return .failure(
                RequestRejection(
                    id: nil, error: .invalidRequest("a request must be a JSON object, not \(root.kindDescription)")))
        }
        guard case .string(let id)? = members["id"], !id.isEmpty else {
            let problem = members["id"].map { "field 'id' must be a non-empty string, got \(DecodingFailure.describe($0))" }
            return .failure(
                RequestRejection(id: nil, error: .invalidRequest(problem ?? "missing field 'id'", field: "id")))
        }
        guard case .string(let command)? = members["command"], !command.isEmpty else {
            let problem = members["command"].map {
                "field 'command' must be a non-empty string, got \(DecodingFailure.describe($0))"
            }
            return .failure(
                RequestRejection(id: id, error: .invalidRequest(problem ?? "missing field 'command'", field: "command")))
        }
        let args: JSONValue
        switch members["args"] {
        case nil, .null?:
            args = [:]
        case .object(let object)?:
            args = .object(object)
        case let other?:
            return .failure(
                RequestRejection(
                    id: id,
                    error: .invalidRequest(
                        "field 'args' must be an object, got \(DecodingFailure.describe(other))", field: "args")))
        }
        var traceparent: String?
        switch members["traceparent"] {
        case nil, .null?:
            break
        case .string(let text)? where TraceParentText.isValid(text):
            traceparent = text
        case let other?:
            return .failure(
                RequestRejection(
                    id: id,
                    error: .invalidRequest(
                        "field 'traceparent' must be a W3C traceparent like 00-<32 hex digits>-<16 hex digits>-01, got \(DecodingFailure.describe(other))",
                        field: "traceparent")))
        }
        return .success(CommandRequest(id: id, command: command, args: args, traceparent: traceparent))
    }

    /// The `id` of a request that is JSON apart from broken strings elsewhere, so that even
    /// that rejection can be matched by the client.
    private static func salvageID(from frame: Data, after error: JSONParseError) -> String? {
        guard error.kind == .invalidString, error.path.first?.stringValue != "id",
            let repaired = try? JSONParser.parse(frame, lossyStrings: true),
            case .string(let id)? = repaired["id"], !id.isEmpty
        else { return nil }
        return id
    }

    private struct Wire: Encodable {
        var id: String
        var command: String
        var args: JSONValue
        var traceparent: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(command, forKey: .command)
            try container.encode(args, forKey: .args)
            try container.encodeIfPresent(traceparent, forKey: .traceparent)
        }

        private enum CodingKeys: String, CodingKey { case id, command, args, traceparent }
    }
}
