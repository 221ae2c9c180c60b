import Foundation
import Testing

@testable import ODOPMessages

/// The fast reader of request and success reply frames (`FrameReader`) must read exactly what the
/// general path reads (`parseTree`), and refuse everything else, so that the general path names
/// the error. Each case checks the fast reader itself, then the public entry point against the
/// general path.
@Suite("FrameReader")
struct FrameReaderTests {
    /// Requests the fast reader takes: every golden request and argument fixture wrapped in a
    /// request, and the shapes a client may send (member order, whitespace, escapes, extras).
    static let readableRequests: [String] = {
        let directory = Bundle.module.resourceURL?.appendingPathComponent("Fixtures")
        let files = directory.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) } ?? []
        let golden = files.filter { $0.hasSuffix("-request.json") || $0 == "command-request-traced.json" }.sorted()
            .compactMap { try? String(decoding: Fixture.data(String($0.dropLast(5))), as: UTF8.self) }
        let wrapped = files.filter { $0.hasSuffix("-args.json") }.sorted()
            .compactMap { try? String(decoding: Fixture.data(String($0.dropLast(5))), as: UTF8.self) }
            .map { #"{"id":"r-1","command":"some.command","args":\#($0)}"# }
        return golden + wrapped + [
            #"{"args":{},"command":"health","id":"bench-1"}"#,
            #"{"id":"a","command":"health"}"#,
            #"{"id":"a","command":"health","args":null}"#,
            #"{"id":"a","command":"health","args":{},"traceparent":null}"#,
            #"{"traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01","id":"a","command":"x.y","args":{"n":1}}"#,
            #" { "id" : "a" , "command" : "x" , "args" : { "k" : [ 1 , 2.5 , "é" ] } } "#,
            #"{"\u0069d":"a","command":"x"}"#,
            #"{"id":"a\u00e9\n","command":"x","extra":{"nested":[true,null]},"other":1}"#,
            "\u{FEFF}{\"id\":\"bom\",\"command\":\"x\"}",
        ]
    }()

    /// Requests the fast reader refuses: each is the general path's to answer (an error, or a
    /// request it reads its own way).
    static let refusedRequests: [String] = [
        "",
        "[]",
        "{",
        #"{"id":"a","command":"x"} extra"#,
        #"{"id":"","command":"x"}"#,
        #"{"id":7,"command":"x"}"#,
        #"{"command":"x"}"#,
        #"{"id":"a"}"#,
        #"{"id":"a","command":""}"#,
        #"{"id":"a","command":"x","args":[]}"#,
        #"{"id":"a","command":"x","args":"{}"}"#,
        #"{"id":"a","command":"x","traceparent":"00-abc-def-01"}"#,
        #"{"id":"a","command":"x","traceparent":7}"#,
        #"{"id":"a","id":"b","command":"x"}"#,
        #"{"id":"a","command":"x","extra":1,"extra":2}"#,
        #"{"id":"a","command":"x","args":{"k":1,"k":2}}"#,
        #"{"id":"a","command":"x",}"#,
        #"{"id":"a","command":"x","args":{"k":01}}"#,
    ]

    @Test func thereAreGoldenRequests() {
        #expect(Self.readableRequests.count >= 40)
    }

    @Test(arguments: readableRequests)
    func readsWhatTheGeneralPathReads(_ text: String) throws {
        let frame = Data(text.utf8)
        let expected = try CommandRequest.parseTree(frame).get()
        #expect(try FrameReader.request(frame) == expected)
        #expect(try CommandRequest.parse(frame).get() == expected)
    }

    @Test(arguments: refusedRequests)
    func refusesTheRestAndTheGeneralPathAnswers(_ text: String) {
        let frame = Data(text.utf8)
        #expect(throws: (any Error).self) { try FrameReader.request(frame) }
        #expect(CommandRequest.parse(frame) == CommandRequest.parseTree(frame))
    }

    @Test func invalidUTF8IsRefusedAndTheGeneralPathSalvagesTheID() {
        var frame = Data(#"{"id":"keep","command":"x","args":{"name":""#.utf8)
        frame.append(contentsOf: [0xC3, 0x28])
        frame.append(contentsOf: #""}}"#.utf8)
        #expect(throws: (any Error).self) { try FrameReader.request(frame) }
        guard case .failure(let rejection) = CommandRequest.parse(frame) else {
            Issue.record("a request with invalid UTF-8 was accepted")
            return
        }
        #expect(rejection.id == "keep" && rejection.error.code == .invalidJSON)
        #expect(CommandRequest.parse(frame) == CommandRequest.parseTree(frame))
    }

    // MARK: Replies

    static let readableReplies: [String] = [
        #"{"id":"r-1","ok":true,"result":{"service":"catalogue","lastSeq":3,"subscriptions":[],"uptimeSeconds":1.5}}"#,
        #"{"ok":true,"id":null,"result":[1,2,3]}"#,
        #"{"id":"r-1","ok":true}"#,
        #"{"id":"r-1","ok":true,"result":null,"newer":"ignored"}"#,
        #" { "result" : "text" , "ok" : true , "id" : "r\u002d1" } "#,
    ]

    static let refusedReplies: [String] = [
        #"{"error":{"code":"not_found","message":"no such product"},"id":"r-1","ok":false}"#,
        #"{"error":{"code":"some_new_code","message":"m"},"id":"r-1","ok":false}"#,
        #"{"id":"r-1","ok":"true","result":1}"#,
        #"{"id":7,"ok":true,"result":1}"#,
        #"{"id":"r-1","result":1}"#,
        #"{"id":"r-1","ok":true,"ok":true}"#,
        #"{"id":"r-1","ok":true,"result":{"a":1,"a":2}}"#,
        #"{"id":"r-1","ok":true} trailing"#,
        #"[]"#,
        "not json",
    ]

    @Test(arguments: readableReplies)
    func readsTheReplyTheGeneralPathReads(_ text: String) throws {
        let frame = Data(text.utf8)
        let expected = try CommandReply.parseTree(frame)
        let (id, result) = try FrameReader.successReply(frame)
        #expect(CommandReply.success(id: id, result: result) == expected)
        #expect(try CommandReply.parse(frame) == expected)
        #expect(try CommandReply.parse(frame, answering: expected.id) == expected)
    }

    @Test(arguments: refusedReplies)
    func refusesOtherRepliesAndTheGeneralPathAnswers(_ text: String) {
        let frame = Data(text.utf8)
        #expect(throws: (any Error).self) { try FrameReader.successReply(frame) }
        let fast = Result { () throws(CommandError) in try CommandReply.parse(frame) }
        let general = Result { () throws(CommandError) in try CommandReply.parseTree(frame) }
        #expect(fast == general)
    }

    /// A client reads the reply's id by comparing it with the id it sent, in place: the reply
    /// to its request reads as the general path reads it, whatever the id's spelling, and a reply
    /// to another request is refused.
    @Test(arguments: readableReplies)
    func readsTheReplyAnsweringTheExpectedID(_ text: String) throws {
        let frame = Data(text.utf8)
        let expected = try CommandReply.parseTree(frame)
        guard case .success(let id, let result) = expected, let id else { return }
        guard try FrameReader.successReply(frame, readingResult: { try $0.parseValue() }).result != nil else {
            // No `result` member: refused, for the general path to say so.
            #expect(throws: (any Error).self) { try FrameReader.successResult(frame, answering: id) { try $0.parseValue() } }
            return
        }
        let read = try FrameReader.successResult(frame, answering: id) { parser in try parser.parseValue() }
        #expect(read == result)
        #expect(throws: (any Error).self) { try FrameReader.successResult(frame, answering: id + "x") { try $0.parseValue() } }
        let (readID, _) = try FrameReader.successReply(frame, expecting: "r-2") { try $0.parseValue() }
        #expect(readID == id)
    }

    @Test func aReplyToAnotherRequestIsStillRefused() {
        let frame = Data(#"{"id":"r-2","ok":true,"result":1}"#.utf8)
        #expect(throws: CommandError.self) { try CommandReply.parse(frame, answering: "r-1") }
    }

    @Test func everyReplyTheServiceWritesReadsBack() throws {
        let result = try Fixture.data("events-replay-result")
        let frame = CommandReply.successFrame(id: "r-1", resultJSON: result)
        #expect(try CommandReply.parse(frame) == CommandReply.parseTree(frame))
        #expect(try CommandReply.parse(CommandReply.successFrame(id: nil, resultJSON: Data())) == .success(id: nil, result: .null))
    }
}
