import Foundation

/// Reads command request and success reply frames straight from their JSON bytes, as
/// `EnvelopeReader` reads event envelopes: the frame's own members are read as they come and
/// only the arguments or the result become a `JSONValue`. The general path (parse the whole frame
/// into a `JSONValue` tree, then look its members up by name) builds a dictionary per frame and
/// hashes every name; this runs for every command on both sides of the round trip.
///
/// A fast path only. It yields exactly what the general path yields for the frames it reads, and
/// it refuses (throws `EnvelopeReader.NotRead` or the parser's error) everything else: anything that is not strict
/// JSON, a member of the wrong kind, a missing or repeated member, a failure reply. Callers then
/// take the general path, which names the error (`CommandRequest.parse(_:)`,
/// `CommandReply.parse(_:answering:)`), so errors are the general path's, word for word.
enum FrameReader {
    /// A request `{"id": "…", "command": "…", "args": {…}, "traceparent": "…"}` with a non-empty
    /// id and command, `args` an object (missing or `null`: `{}`), `traceparent` a well-formed one
    /// (missing or `null`: none), in any order, other members ignored.
    static func request(_ frame: Data) throws -> CommandRequest {
        try JSONParser.reading(frame) { parser in
            var id: String?
            var command: String?
            var args: JSONValue = [:]
            var traceparent: String?
            try EnvelopeReader.readMembers(&parser) { name, parser in
                switch name {
                case "id":
                    id = try nonEmptyString(&parser)
                    return 0
                case "command":
                    command = try nonEmptyString(&parser)
                    return 1
                case "args":
                    switch try parser.parseValue() {
                    case .null: break
                    case .object(let members): args = .object(members)
                    default: throw EnvelopeReader.NotRead()
                    }
                    return 2
                case "traceparent":
                    switch try parser.parseValue() {
                    case .null: break
                    case .string(let text) where TraceParentText.isValid(text): traceparent = text
                    default: throw EnvelopeReader.NotRead()
                    }
                    return 3
                default:
                    return nil
                }
            }
            guard let id, let command, parser.atEnd() else { throw EnvelopeReader.NotRead() }
            return CommandRequest(id: id, command: command, args: args, traceparent: traceparent)
        }
    }

    /// A success reply `{"id": "…" or null, "ok": true, "result": …}` (`result` missing: `null`),
    /// in any order, other members ignored: its id and result.
    static func successReply(_ frame: Data) throws -> (id: String?, result: JSONValue) {
        let (id, result) = try successReply(frame) { parser in try parser.parseValue() }
        return (id, result ?? .null)
    }

    /// A success reply as `successReply(_:)` reads it, its result read by `readResult` from the
    /// parser at the result's value (nil when the reply has no `result`): for readers that build
    /// a result straight from the bytes too (`successResult(_:answering:readingResult:)`).
    static func successReply<Result>(
        _ frame: Data, expecting expectedID: String? = nil, readingResult readResult: (inout JSONParser) throws -> Result
    ) throws -> (id: String?, result: Result?) {
        try JSONParser.reading(frame) { parser in
            var id: String?
            var ok = false
            var result: Result?
            try EnvelopeReader.readMembers(&parser) { name, parser in
                switch name {
                case "id":
                    // The id a client expects is compared in place, not built again.
                    id = try EnvelopeReader.optionalString(&parser, reusing: expectedID)
                    return 0
                case "ok":
                    guard case .bool(let value) = try parser.parseValue() else { throw EnvelopeReader.NotRead() }
                    ok = value
                    return 1
                case "result":
                    result = try readResult(&parser)
                    return 2
                default:
                    return nil
                }
            }
            guard ok, parser.atEnd() else { throw EnvelopeReader.NotRead() }
            return (id, result)
        }
    }

    /// The result of a success reply answering `requestID` (any id when nil), read by
    /// `readResult` as `successReply(_:readingResult:)` reads it; a reply to another request or
    /// without a result is refused too (`EnvelopeReader.NotRead`): the general path decides.
    static func successResult<Result>(
        _ frame: Data, answering requestID: String?, readingResult readResult: (inout JSONParser) throws -> Result
    ) throws -> Result {
        let (id, result) = try successReply(frame, expecting: requestID, readingResult: readResult)
        if let requestID, let id, id != requestID { throw EnvelopeReader.NotRead() }
        guard let result else { throw EnvelopeReader.NotRead() }
        return result
    }

    private static func nonEmptyString(_ parser: inout JSONParser) throws -> String {
        let text = try EnvelopeReader.string(&parser)
        guard !text.isEmpty else { throw EnvelopeReader.NotRead() }
        return text
    }
}
