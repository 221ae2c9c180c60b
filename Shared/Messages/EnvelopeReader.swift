import Foundation

/// Reads event envelopes straight from their JSON bytes: a published envelope, and the page of
/// envelopes in an `events.replay` reply frame. The envelope's own members are read as they come
/// and only its `data` becomes a `JSONValue`; the general path (parse the whole frame into a
/// `JSONValue` tree, then decode that tree with `JSONValueDecoder`) builds a dictionary per
/// envelope and decodes it through `Decoder` containers, which is most of a subscriber's time.
///
/// A fast path only. It yields exactly what the general path yields for the documents it reads,
/// and it refuses (throws `NotRead`) everything else: anything that is not strict JSON, a member
/// of the wrong kind, a missing or repeated member, a failure reply, a reply to another request.
/// Callers then take the general path, which names the error (see `EventEnvelope.read` and
/// `EventsReplay.page(fromReply:requestID:)`), so errors are the general path's, word for word.
enum EnvelopeReader {
    /// The document is not one this reader takes; the general path decides.
    struct NotRead: Error {}

    /// A published envelope (frame 2 of `[topic, envelope]`).
    static func envelope(_ frame: Data) throws -> EventEnvelope {
        var repeated = EventEnvelope.RepeatedStrings()
        return try envelope(frame, repeated: &repeated)
    }

    /// A published envelope of a stream: strings that repeat the one before it are reused.
    static func envelope(_ frame: Data, repeated: inout EventEnvelope.RepeatedStrings) throws -> EventEnvelope {
        try JSONParser.reading(frame) { parser in
            let envelope = try envelope(&parser, &repeated)
            guard parser.atEnd() else { throw NotRead() }
            return envelope
        }
    }

    /// The page in a success reply frame `{"id": …, "ok": true, "result": {"events": […], …}}`
    /// answering `requestID` (any id when nil, as `CommandClient` checks it).
    static func replayPage(reply frame: Data, requestID: String?) throws -> EventsReplay.Result {
        try FrameReader.successResult(frame, answering: requestID) { parser in try replayPage(&parser) }
    }

    /// `{"events": [envelope, …], "lastSeq": N, "epoch": "…"}` (`epoch` optional).
    private static func replayPage(_ parser: inout JSONParser) throws -> EventsReplay.Result {
        var events: [EventEnvelope]?
        var lastSeq: Int64?
        var epoch: String?
        try readMembers(&parser) { name, parser in
            switch name {
            case "events":
                var list: [EventEnvelope] = []
                var repeated = EventEnvelope.RepeatedStrings()
                try parser.enterArray()
                var firstElement = true
                while try parser.nextElement(first: &firstElement) {
                    list.append(try envelope(&parser, &repeated))
                }
                events = list
                return 0
            case "lastSeq":
                lastSeq = try JSONValueDecoder.unboxInteger(parser.parseValue(), as: Int64.self, path: [])
                return 1
            case "epoch":
                epoch = try optionalString(parser.parseValue())
                return 2
            default:
                return nil
            }
        }
        guard let events, let lastSeq else { throw NotRead() }
        return EventsReplay.Result(events: events, lastSeq: lastSeq, epoch: epoch)
    }

    /// One envelope object; the parser is at its `{`.
    private static func envelope(_ parser: inout JSONParser, _ repeated: inout EventEnvelope.RepeatedStrings) throws
        -> EventEnvelope
    {
        var id: String?
        var type: String?
        var schema: Int?
        var source: String?
        var seq: Int64?
        var time: String?
        var correlationId: String?
        var data: JSONValue?
        var epoch: String?
        var traceparent: String?
        try readMembers(&parser) { name, parser in
            switch name {
            case "id":
                id = try string(&parser)
                return 0
            case "type":
                type = try repeatedString(&parser, &repeated.type)
                return 1
            case "schema":
                schema = try JSONValueDecoder.unboxInteger(parser.parseValue(), as: Int.self, path: [])
                return 2
            case "source":
                source = try repeatedString(&parser, &repeated.source)
                return 3
            case "seq":
                let value = try parser.parseValue()
                seq = value.isNull ? nil : try JSONValueDecoder.unboxInteger(value, as: Int64.self, path: [])
                return 4
            case "time":
                time = try repeatedString(&parser, &repeated.time)
                return 5
            case "correlationId":
                correlationId = try repeatedOptionalString(&parser, &repeated.correlationId)
                return 6
            case "data":
                data = try parser.parseValue()
                return 7
            case "epoch":
                epoch = try repeatedOptionalString(&parser, &repeated.epoch)
                return 8
            case "traceparent":
                traceparent = try repeatedOptionalString(&parser, &repeated.traceparent)
                return 9
            default:
                return nil
            }
        }
        guard let id, let type, let schema, let source, let time, let data else { throw NotRead() }
        return EventEnvelope(
            id: id, type: type, schema: schema, source: source, seq: seq, time: time, correlationId: correlationId, data: data,
            epoch: epoch, traceparent: traceparent)
    }

    /// Reads the object at the parser's position member by member (names compared without
    /// building strings, `MemberName`). `read(name, &parser)` reads
    /// the value of a name it knows and returns that name's number (0...31, unique within the
    /// object's reader), or returns nil without reading, and the value is skipped. A name seen
    /// twice in one object is refused (`NotRead`), as the parser refuses it.
    static func readMembers(_ parser: inout JSONParser, _ read: (MemberName, inout JSONParser) throws -> Int?) throws {
        var names = MemberNames()
        try parser.enterObject()
        var first = true
        while let name = try parser.nextMemberName(first: &first) {
            if let number = try read(name, &parser) {
                try names.note(number)
            } else {
                try names.note(other: name.string)
                _ = try parser.parseValue()
            }
        }
    }

    /// A string value read straight from the bytes, without a `JSONValue` in between (`previous`
    /// itself when the bytes hold exactly it); any other kind of value is refused (`NotRead`),
    /// for the general path to name.
    static func string(_ parser: inout JSONParser, reusing previous: String? = nil) throws -> String {
        guard parser.peek() == UInt8(ascii: "\"") else { throw NotRead() }
        return try parser.parseString(reusing: previous)
    }

    /// `string(_:reusing:)`, or nil for `null` (absent, as in `decodeIfPresent`).
    static func optionalString(_ parser: inout JSONParser, reusing previous: String? = nil) throws -> String? {
        guard parser.peek() == UInt8(ascii: "\"") else { return try optionalString(parser.parseValue()) }
        return try parser.parseString(reusing: previous)
    }

    /// A string member that may repeat the previous envelope's (`EventEnvelope.RepeatedStrings`).
    private static func repeatedString(_ parser: inout JSONParser, _ previous: inout String?) throws -> String {
        let text = try string(&parser, reusing: previous)
        previous = text
        return text
    }

    /// An optional string member (`null` is absent) that may repeat the previous envelope's.
    private static func repeatedOptionalString(_ parser: inout JSONParser, _ previous: inout String?) throws -> String? {
        guard let text = try optionalString(&parser, reusing: previous) else { return nil }
        previous = text
        return text
    }

    /// An optional string member: `null` is absent, as in `decodeIfPresent`.
    private static func optionalString(_ value: JSONValue) throws -> String? {
        value.isNull ? nil : try JSONValueDecoder.unboxString(value, path: [])
    }

    /// The member names one object has shown, to refuse a repeated one as the parser does.
    private struct MemberNames {
        private var known: UInt32 = 0
        private var others: [String] = []

        /// A name the reader knows, by its number (0...31).
        mutating func note(_ number: Int) throws {
            let bit = UInt32(1) << UInt32(number)
            guard known & bit == 0 else { throw NotRead() }
            known |= bit
        }

        /// Any other name (kept as a string: rare in practice).
        mutating func note(other name: String) throws {
            guard !others.contains(name) else { throw NotRead() }
            others.append(name)
        }
    }
}

extension EventEnvelope {
    /// Decodes a published envelope (or any envelope's JSON bytes). The same result and the same
    /// errors as `WireFormat.decode(EventEnvelope.self, from: bytes)`, read straight from the
    /// bytes when they are well-formed (see `EnvelopeReader`).
    public static func read(_ bytes: Data) throws(CommandError) -> EventEnvelope {
        var repeated = RepeatedStrings()
        return try read(bytes, reusing: &repeated)
    }

    /// `read(_:)` for one envelope of a stream: its string members that repeat the envelope
    /// before it in `repeated` (the type, source and epoch always; the time, correlation id and
    /// traceparent of one command's events) are that envelope's strings, not new equal ones.
    public static func read(_ bytes: Data, reusing repeated: inout RepeatedStrings) throws(CommandError) -> EventEnvelope {
        if let envelope = try? EnvelopeReader.envelope(bytes, repeated: &repeated) { return envelope }
        return try WireFormat.decode(EventEnvelope.self, from: bytes)
    }

    /// The string members of the envelope read last, that the next may repeat. Handing back the
    /// same string instead of building an equal one saves building it and freeing it again:
    /// about 450 instructions a member (callgrind), most of a page's strings.
    public struct RepeatedStrings: Sendable {
        var type: String?
        var source: String?
        var time: String?
        var correlationId: String?
        var epoch: String?
        var traceparent: String?

        public init() {}
    }
}

extension EventsReplay {
    /// The page in the reply frame to the `events.replay` request `requestID`: the same result
    /// and the same errors as `CommandReply.parse(frame, answering: requestID)` followed by
    /// `result(as: Result.self)` (a failure reply throws its error), read straight from the
    /// bytes when the frame is a well-formed success reply (see `EnvelopeReader`).
    public static func page(fromReply frame: Data, requestID: String?) throws(CommandError) -> Result {
        if let page = try? EnvelopeReader.replayPage(reply: frame, requestID: requestID) { return page }
        return try CommandReply.parse(frame, answering: requestID).result(as: Result.self)
    }
}
