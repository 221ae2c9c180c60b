import Foundation
import Testing

@testable import ODOPMessages

/// The fast reader of envelopes and replay pages (`EnvelopeReader`) must read exactly what the
/// general path reads, to the same values, and refuse everything else, so that the general path
/// names the error. Each case checks the fast reader itself, then the public entry point against
/// the general path.
@Suite("EnvelopeReader")
struct EnvelopeReaderTests {
    static let eventFixtures: [String] = {
        let directory = Bundle.module.resourceURL?.appendingPathComponent("Fixtures")
        let files = directory.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) } ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
            .filter { $0.contains("-event-") || $0.hasPrefix("event-envelope") }.sorted()
    }()

    @Test func thereAreEventFixtures() {
        #expect(Self.eventFixtures.count >= 30)
    }

    @Test(arguments: eventFixtures)
    func readsEveryGoldenEnvelopePrettyAndCompact(_ name: String) throws {
        let pretty = try Fixture.data(name)
        let expected = try WireFormat.decode(EventEnvelope.self, from: pretty)
        #expect(try EnvelopeReader.envelope(pretty) == expected)
        let compact = try WireFormat.encode(expected)
        #expect(try EnvelopeReader.envelope(compact) == expected)
        #expect(try EventEnvelope.read(compact) == expected)
    }

    @Test func readsTheGoldenReplayResultAsAReplyFrame() throws {
        let result = try Fixture.data("events-replay-result")
        let frame = CommandReply.successFrame(id: "r-1", resultJSON: result)
        let expected = try CommandReply.parse(frame).result(as: EventsReplay.Result.self)
        #expect(!expected.events.isEmpty)
        #expect(try EnvelopeReader.replayPage(reply: frame, requestID: "r-1") == expected)
        #expect(try EventsReplay.page(fromReply: frame, requestID: "r-1") == expected)
    }

    @Test func readsTheGoldenEnvelopesAsOneStreamReusingRepeatedStrings() throws {
        // Every fixture twice in a row, then all again in reverse order: each member's previous
        // value is sometimes the same text and sometimes another.
        let names = Self.eventFixtures.flatMap { [$0, $0] } + Self.eventFixtures.reversed()
        var repeated = EventEnvelope.RepeatedStrings()
        var publicRepeated = EventEnvelope.RepeatedStrings()
        for name in names {
            let compact = try WireFormat.encode(WireFormat.decode(EventEnvelope.self, from: Fixture.data(name)))
            let expected = try WireFormat.decode(EventEnvelope.self, from: compact)
            #expect(try EnvelopeReader.envelope(compact, repeated: &repeated) == expected, "\(name)")
            #expect(try EventEnvelope.read(compact, reusing: &publicRepeated) == expected, "\(name)")
        }
    }

    @Test func aRepeatedStringIsReusedOnlyWhenItsBytesAreTheSame() throws {
        func envelope(type: String, time: String, traceparent: String) -> Data {
            Data(
                #"{"id":"e","type":"\#(type)","schema":1,"source":"s","time":"\#(time)","data":{},"traceparent":"\#(traceparent)"}"#
                    .utf8)
        }
        let type = "catalogue.product.registered"  // longer than a small string: stored on the heap
        let time = "2026-12-02T10:00:00.000Z"
        let stream = [
            envelope(type: type, time: time, traceparent: "00-aaaa"),
            envelope(type: type, time: time, traceparent: "00-aaab"),  // same length, another byte
            envelope(type: type, time: time + "x", traceparent: "00-aaa"),  // longer, then shorter
            envelope(type: #"catalogue.product.registere\u0064"#, time: time, traceparent: "00-ü"),  // escaped, non-ASCII
            envelope(type: type, time: time, traceparent: "00-ü"),
        ]
        var repeated = EventEnvelope.RepeatedStrings()
        var read: [EventEnvelope] = []
        for bytes in stream {
            let envelope = try EnvelopeReader.envelope(bytes, repeated: &repeated)
            #expect(envelope == (try WireFormat.decode(EventEnvelope.self, from: bytes)))
            read.append(envelope)
        }
        #expect(read.map(\.traceparent) == ["00-aaaa", "00-aaab", "00-aaa", "00-ü", "00-ü"])
        #expect(read.map(\.time) == [time, time, time + "x", time, time])
        #expect(read.allSatisfy { $0.type == type })
        // The same bytes give the very string read before (one storage), not an equal copy.
        func storage(_ string: String) -> UnsafeRawPointer? {
            string.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        }
        #expect(storage(read[1].type) == storage(read[0].type))
        #expect(storage(read[2].type) == storage(read[0].type))
        #expect(storage(read[1].time) == storage(read[0].time))
        // An escaped text is built anew, even when it reads the same; the next reuses that one.
        #expect(storage(read[3].type) != storage(read[0].type))
        #expect(storage(read[4].type) == storage(read[3].type))
    }

    /// Valid documents the general path reads, written in less usual ways.
    static let unusualButValid: [String] = [
        // Members in another order, unknown members (of every kind) ignored, null optionals.
        #"{"data":{"a":[1,{"b":null}]},"time":"t","x":{"y":[]},"source":"s","schema":1,"type":"s.e","id":"e","seq":3,"correlationId":null,"z":"w"}"#,
        // Optionals absent, data null, integral numbers written as decimals or exponents.
        #"{"id":"e","type":"s.e","schema":1.0,"source":"s","time":"t","data":null,"seq":3e0}"#,
        // Escaped member names and values, non-ASCII, whitespace everywhere, a byte-order mark.
        "\u{FEFF} { \"\\u0069d\" : \"\\u00e9v\\n\" , \"type\":\"s.e\",\"schema\":2,\"source\":\"s\",\"time\":\"t\",\"data\":{\"naïve\":\"ü\"},\"epoch\":\"ep\",\"traceparent\":\"00-x\" } \n",
    ]

    @Test(arguments: unusualButValid)
    func readsUnusualButValidEnvelopesAsTheGeneralPathDoes(_ text: String) throws {
        let bytes = Data(text.utf8)
        let expected = try WireFormat.decode(EventEnvelope.self, from: bytes)
        #expect(try EnvelopeReader.envelope(bytes) == expected)
    }

    /// Documents the general path refuses: the fast reader must refuse them too, and the public
    /// entry point must throw the general path's error.
    static let refused: [String] = [
        "",
        "[]",
        "null",
        #"{"id":"e","type":"s.e","schema":1,"source":"s","time":"t"}"#,  // no data
        #"{"type":"s.e","schema":1,"source":"s","time":"t","data":{}}"#,  // no id
        #"{"id":7,"type":"s.e","schema":1,"source":"s","time":"t","data":{}}"#,  // id a number
        #"{"id":null,"type":"s.e","schema":1,"source":"s","time":"t","data":{}}"#,  // id null
        #"{"id":"e","type":"s.e","schema":"1","source":"s","time":"t","data":{}}"#,  // schema a string
        #"{"id":"e","type":"s.e","schema":1.5,"source":"s","time":"t","data":{}}"#,  // schema not integral
        #"{"id":"e","type":"s.e","schema":1e30,"source":"s","time":"t","data":{}}"#,  // schema out of range
        #"{"id":"e","type":"s.e","schema":1,"source":"s","seq":"3","time":"t","data":{}}"#,  // seq a string
        #"{"id":"e","type":"s.e","schema":1,"source":"s","time":"t","data":{},"correlationId":5}"#,
        #"{"id":"e","type":"s.e","schema":1,"source":"s","time":"t","data":{},"epoch":true}"#,
        #"{"id":"e","type":"s.e","schema":1,"source":"s","time":"t","data":{},"traceparent":[]}"#,
        #"{"id":"e","type":"s.e","type":"s.f","schema":1,"source":"s","time":"t","data":{}}"#,  // repeated member
        #"{"id":"e","\u0069d":"f","type":"s.e","schema":1,"source":"s","time":"t","data":{}}"#,  // repeated, escaped
        #"{"id":"e","x":1,"x":2,"type":"s.e","schema":1,"source":"s","time":"t","data":{}}"#,  // repeated unknown
        #"{"id":"e","type":"s.e","schema":1,"source":"s","time":"t","data":{"a":1,"a":2}}"#,  // repeated in data
        #"{"id":"e","type":"s.e","schema":1,"source":"s","time":"t","data":{}} x"#,  // data after the value
        #"{"id":"e","type":"s.e","schema":1,"source":"s","time":"t","data":{},}"#,  // trailing comma
        #"{"id":"e","type":"s.e","schema":1,"source":"s","time":"t","data":{}"#,  // truncated
        #"{"id":"e","type":"s.e","schema":01,"source":"s","time":"t","data":{}}"#,  // leading zero
        "{\"id\":\"e\u{01}\",\"type\":\"s.e\",\"schema\":1,\"source\":\"s\",\"time\":\"t\",\"data\":{}}",  // control character
        #"{"id":"e","type":"s.e","schema":1,"source":"s","time":"t","data":"\ud800"}"#,  // unpaired surrogate
        #"{"id":"e","type":"s.e","schema":1,"source":"s","time":"t","data":"#
            + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "}",  // too deep
    ]

    @Test(arguments: refused)
    func refusesWhatTheGeneralPathRefusesWithItsError(_ text: String) throws {
        let bytes = Data(text.utf8)
        let general = #expect(throws: CommandError.self) { try WireFormat.decode(EventEnvelope.self, from: bytes) }
        #expect(throws: (any Error).self) { try EnvelopeReader.envelope(bytes) }
        let read = #expect(throws: CommandError.self) { try EventEnvelope.read(bytes) }
        #expect(read == general)
    }

    @Test func refusesInvalidUTF8InsideAString() {
        var bytes = Data(#"{"id":"e"#.utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        bytes.append(contentsOf: #"","type":"s.e","schema":1,"source":"s","time":"t","data":{}}"#.utf8)
        #expect(throws: (any Error).self) { try EnvelopeReader.envelope(bytes) }
        let read = #expect(throws: CommandError.self) { try EventEnvelope.read(bytes) }
        #expect(read?.code == .invalidJSON)
        #expect(read?.field == "id")
    }

    // MARK: Replay pages in reply frames

    static let envelope = #"{"id":"e1","type":"s.e","schema":1,"source":"s","seq":1,"time":"t","correlationId":null,"data":{"n":1}}"#

    static func frame(_ result: String, id: String = "r-1") -> Data {
        CommandReply.successFrame(id: id, resultJSON: Data(result.utf8))
    }

    @Test func readsAPageAsTheGeneralPathDoes() throws {
        for result in [
            #"{"events":[\#(Self.envelope)],"lastSeq":4,"epoch":"ep"}"#,
            #"{"lastSeq":4,"events":[],"epoch":null,"more":{"x":1}}"#,
            #"{"events":[\#(Self.envelope),\#(Self.envelope)],"lastSeq":4}"#,
        ] {
            let frame = Self.frame(result)
            let expected = try CommandReply.parse(frame).result(as: EventsReplay.Result.self)
            #expect(try EnvelopeReader.replayPage(reply: frame, requestID: "r-1") == expected)
            #expect(try EnvelopeReader.replayPage(reply: frame, requestID: nil) == expected)
        }
        // Reply members in another order, with a member this build does not know.
        let reordered = Data(#"{"result":{"events":[],"lastSeq":0},"future":[1],"ok":true,"id":null}"#.utf8)
        #expect(try EnvelopeReader.replayPage(reply: reordered, requestID: "r-1") == EventsReplay.Result(events: [], lastSeq: 0))
    }

    /// Reply frames the fast reader leaves to the general path, and the error the caller gets.
    static let refusedPages: [(frame: Data, code: ErrorCode, field: String?)] = [
        (frame(#"{"events":[\#(envelope)],"lastSeq":"4"}"#), .internal, "lastSeq"),
        (frame(#"{"events":[\#(envelope)]}"#), .internal, "lastSeq"),
        (frame(#"{"events":{},"lastSeq":4}"#), .internal, "events"),
        (frame(#"{"events":[1],"lastSeq":4}"#), .internal, "events.0"),
        (
            frame(#"{"events":[\#(envelope.replacingOccurrences(of: #""seq":1"#, with: #""seq":"1""#))],"lastSeq":4}"#), .internal,
            "events.0.seq"
        ),
        (frame(#"{"events":[],"events":[],"lastSeq":4}"#), .invalidJSON, "result.events"),
        (frame(#"[]"#), .internal, nil),
        (frame(#"{"events":[],"lastSeq":4}"#, id: "other"), .internal, nil),
        (Data(#"{"id":"r-1","ok":true}"#.utf8), .internal, nil),
        (Data(#"{"id":"r-1","ok":"true","result":{"events":[],"lastSeq":4}}"#.utf8), .internal, "ok"),
        (Data(#"{"id":"r-1","ok":true,"result":{"events":[],"lastSeq":4}} {}"#.utf8), .invalidJSON, nil),
        (Data(#"{"id":"r-1","ok":true,"result":{"events":[],"lastSeq":4}"#.utf8), .invalidJSON, nil),
        (CommandReply.failureFrame(id: "r-1", error: .notFound("no such thing", field: "after")), .notFound, "after"),
    ]

    @Test(arguments: 0..<refusedPages.count)
    func leavesEveryOtherReplyToTheGeneralPath(_ index: Int) {
        let (frame, code, field) = Self.refusedPages[index]
        #expect(throws: (any Error).self) { try EnvelopeReader.replayPage(reply: frame, requestID: "r-1") }
        let general = #expect(throws: CommandError.self) {
            try CommandReply.parse(frame, answering: "r-1").result(as: EventsReplay.Result.self)
        }
        let read = #expect(throws: CommandError.self) { try EventsReplay.page(fromReply: frame, requestID: "r-1") }
        #expect(read == general)
        #expect(read?.code == code)
        #expect(read?.field == field)
    }
}
