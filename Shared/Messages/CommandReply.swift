import Foundation

/// A command reply: one frame holding one JSON object, either
/// `{"id": "<request id>", "ok": true, "result": <any JSON>}` or
/// `{"id": "<request id>", "ok": false, "error": {"code": "...", "message": "...", "field": "..."}}`.
///
/// `id` echoes the request's `id`; it is `null` only when the request's id could not be read.
/// It is always present in the JSON.
public enum CommandReply: Sendable, Equatable {
    case success(id: String?, result: JSONValue)
    case failure(id: String?, error: CommandError)

    public var id: String? {
        switch self {
        case .success(let id, _), .failure(let id, _): return id
        }
    }

    public var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }

    /// The carried error of a failure reply; nil for a success.
    public var error: CommandError? {
        if case .failure(_, let error) = self { return error }
        return nil
    }

    /// The result decoded as `type`. A failure reply throws its carried error; a result that
    /// does not decode throws `internal` naming the field.
    public func result<T: Decodable>(as type: T.Type) throws(CommandError) -> T {
        switch self {
        case .failure(_, let error):
            throw error
        case .success(_, let result):
            do throws(CommandError) {
                return try WireFormat.decode(type, from: result, as: .internal)
            } catch {
                throw CommandError(
                    code: .internal, message: "unreadable result (\(T.self)): \(error.message)", field: error.field)
            }
        }
    }

    /// The reply frame.
    public func encoded() throws -> Data {
        switch self {
        case .success(let id, let result):
            return Self.successFrame(id: id, resultJSON: try WireFormat.encode(result))
        case .failure(let id, let error):
            return Self.failureFrame(id: id, error: error)
        }
    }

    /// A success reply frame around `resultJSON`, which must be one complete JSON value (as
    /// written by `WireFormat.encode`); it is spliced in as is, without re-encoding or checking.
    /// Empty `resultJSON` is written as `null`.
    public static func successFrame(id: String?, resultJSON: Data) -> Data {
        var frame = SuccessFrame(id: id, capacity: resultJSON.count)
        resultJSON.withUnsafeBytes { frame.bytes.append(contentsOf: $0) }
        return frame.finish()
    }

    /// A success reply frame built in one buffer: its head `{"id":…,"ok":true,"result":`, then the
    /// result's JSON written in place by the caller (`WireFormat.encode(_:appendingTo:)` into
    /// `bytes`), then its `}` (`finish()`). The same bytes as `successFrame(id:resultJSON:)`
    /// around the same result, without a buffer of the result's own to copy from (a command
    /// thread answers every `health` this way).
    public struct SuccessFrame {
        /// The frame so far: the head, then whatever result has been appended.
        public var bytes: [UInt8]
        /// Where the result starts in `bytes`.
        public let resultStart: Int

        /// The head of the reply to `id`, with room for `capacity` bytes of result.
        public init(id: String?, capacity: Int = 256) {
            bytes = []
            bytes.reserveCapacity(capacity + (id?.utf8.count ?? 4) + 32)
            JSONText.appendLiteral(#"{"id":"#, to: &bytes)
            JSONText.appendString(id, to: &bytes)
            JSONText.appendLiteral(#","ok":true,"result":"#, to: &bytes)
            resultStart = bytes.count
        }

        /// The result written so far, on its own (a change's audit entry keeps it).
        public var resultJSON: Data { Data(bytes[resultStart...]) }

        /// The frame: the result (`null` when none was written) and the closing `}`.
        public consuming func finish() -> Data {
            if bytes.count == resultStart { JSONText.appendLiteral("null", to: &bytes) }
            bytes.append(UInt8(ascii: "}"))
            return Data(bytes)
        }
    }

    /// A failure reply frame. Never fails.
    public static func failureFrame(id: String?, error: CommandError) -> Data {
        var frame = Data()
        frame.append(contentsOf: #"{"error":{"code":"#.utf8)
        JSONStringLiteral.append(error.code.rawValue, to: &frame)
        if let field = error.field {
            frame.append(contentsOf: #","field":"#.utf8)
            JSONStringLiteral.append(field, to: &frame)
        }
        frame.append(contentsOf: #","message":"#.utf8)
        JSONStringLiteral.append(error.message, to: &frame)
        frame.append(contentsOf: #"},"id":"#.utf8)
        JSONStringLiteral.appendOptional(id, to: &frame)
        frame.append(contentsOf: #","ok":false}"#.utf8)
        return frame
    }

    /// Reads a reply frame. Not JSON → `invalid_json`; JSON that is not a reply → `internal`
    /// naming the field. Tolerant where a newer service may differ: unknown members are
    /// ignored, a missing `result` is `null`, and an error code this build does not know
    /// becomes `internal` with the original code kept at the start of the message. A success
    /// reply is read straight from its bytes (`FrameReader`).
    public static func parse(_ frame: Data) throws(CommandError) -> CommandReply {
        if let (id, result) = try? FrameReader.successReply(frame) { return .success(id: id, result: result) }
        return try parseTree(frame)
    }

    /// `parse(_:)`'s general path: the whole frame as a `JSONValue` tree. It names every error.
    static func parseTree(_ frame: Data) throws(CommandError) -> CommandReply {
        try parse(value: WireFormat.parse(frame))
    }

    /// Reads the reply frame to the request `requestID` (nil: any), as `parse(_:)` does; a reply
    /// naming another request id throws `internal`.
    public static func parse(_ frame: Data, answering requestID: String?) throws(CommandError) -> CommandReply {
        let reply = try parse(frame)
        if let requestID, let replyID = reply.id, replyID != requestID {
            throw CommandError.internalError("reply id \(replyID) does not match request id \(requestID)")
        }
        return reply
    }

    static func parse(value root: JSONValue) throws(CommandError) -> CommandReply {
        func malformed(_ message: String, field: String? = nil) -> CommandError {
            CommandError(code: .internal, message: "malformed reply: \(message)", field: field)
        }
        guard case .object(let members) = root else {
            throw malformed("expected a JSON object, got \(DecodingFailure.describe(root))")
        }
        let id: String?
        switch members["id"] {
        case nil, .null?: id = nil
        case .string(let string)?: id = string
        case let other?: throw malformed("field 'id' must be a string or null, got \(DecodingFailure.describe(other))", field: "id")
        }
        guard case .bool(let ok)? = members["ok"] else {
            throw malformed("field 'ok' must be true or false", field: "ok")
        }
        if ok {
            return .success(id: id, result: members["result"] ?? .null)
        }
        guard case .object(let error)? = members["error"] else {
            throw malformed("field 'error' must be an object", field: "error")
        }
        guard case .string(let rawCode)? = error["code"] else {
            throw malformed("field 'error.code' must be a string", field: "error.code")
        }
        var message = error["message"]?.stringValue ?? ""
        let code: ErrorCode
        if let known = ErrorCode(rawValue: rawCode) {
            code = known
        } else {
            code = .internal
            message = "\(rawCode): \(message)"
        }
        let field = error["field"]?.stringValue
        return .failure(id: id, error: CommandError(code: code, message: message, field: field))
    }
}

extension CommandReply: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, ok, result, error
    }

    /// Strict decoding (unlike `parse`): the error code must be one this build knows.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decodeIfPresent(String.self, forKey: .id)
        if try container.decode(Bool.self, forKey: .ok) {
            self = .success(id: id, result: try container.decodeIfPresent(JSONValue.self, forKey: .result) ?? .null)
        } else {
            self = .failure(id: id, error: try container.decode(CommandError.self, forKey: .error))
        }
    }

    /// Writes `id` always (`null` when nil).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .success(let id, let result):
            try container.encode(id, forKey: .id)
            try container.encode(true, forKey: .ok)
            try container.encode(result, forKey: .result)
        case .failure(let id, let error):
            try container.encode(id, forKey: .id)
            try container.encode(false, forKey: .ok)
            try container.encode(error, forKey: .error)
        }
    }
}
