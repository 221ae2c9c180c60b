import Foundation
import ODOPMessages
import Testing

@Suite("CommandReply")
struct CommandReplyTests {
    static let awkwardIDs: [String?] = [
        nil, "plain", #"with "quotes""#, #"back\slash"#, "new\nline\ttab\u{01}\u{1F}", "é ✓ नमस्ते 😀", "a/b", "",
    ]

    @Test(arguments: awkwardIDs)
    func successFrameRoundTrips(id: String?) throws {
        let result = try WireFormat.encode(["n": 1, "s": "x"] as JSONValue)
        let frame = CommandReply.successFrame(id: id, resultJSON: result)
        let reply = try CommandReply.parse(frame)
        #expect(reply == .success(id: id, result: ["n": 1, "s": "x"]))
        #expect(frame == (try WireFormat.encode(reply)))
    }

    @Test(arguments: awkwardIDs)
    func failureFrameRoundTrips(id: String?) throws {
        let error = CommandError.invalidArgument(#"bad "value" \ here"#, field: "a.b")
        let frame = CommandReply.failureFrame(id: id, error: error)
        let reply = try CommandReply.parse(frame)
        #expect(reply == .failure(id: id, error: error))
        #expect(frame == (try WireFormat.encode(reply)))
    }

    /// The frame a command thread builds in place (`SuccessFrame`: the head, the result written
    /// into it, the end) is byte for byte the frame spliced around the result encoded on its own.
    @Test(arguments: awkwardIDs)
    func successFrameBuiltInPlaceIsTheSplicedFrame(id: String?) throws {
        let results: [JSONValue] = [["n": 1, "s": "x \"q\""], [1, 2.5, nil, true], "text", 0, .null, [:]]
        for result in results {
            var frame = CommandReply.SuccessFrame(id: id, capacity: 4)
            try WireFormat.encode(result, appendingTo: &frame.bytes)
            #expect(frame.resultJSON == (try WireFormat.encode(result)))
            #expect(frame.finish() == CommandReply.successFrame(id: id, resultJSON: try WireFormat.encode(result)))
        }
        let report = HealthReport(service: "catalogue", version: "1.0", status: "ok", uptimeSeconds: 2.5, lastSeq: 7, subscriptions: [])
        var frame = CommandReply.SuccessFrame(id: id)
        try WireFormat.encode(report, appendingTo: &frame.bytes)
        #expect(frame.finish() == CommandReply.successFrame(id: id, resultJSON: try WireFormat.encode(report)))
        #expect(CommandReply.SuccessFrame(id: id).finish() == CommandReply.successFrame(id: id, resultJSON: Data()))
    }

    @Test func successFrameSplicesResultBytesVerbatim() throws {
        let result = Data(#"{"events":[],"lastSeq":0}"#.utf8)
        let frame = CommandReply.successFrame(id: "r1", resultJSON: result)
        #expect(String(decoding: frame, as: UTF8.self) == #"{"id":"r1","ok":true,"result":{"events":[],"lastSeq":0}}"#)
        #expect(
            String(decoding: CommandReply.successFrame(id: nil, resultJSON: Data()), as: UTF8.self)
                == #"{"id":null,"ok":true,"result":null}"#)
    }

    @Test func failureFrameOmitsAbsentField() {
        let frame = CommandReply.failureFrame(id: "r1", error: .notFound("no product 'p'"))
        #expect(
            String(decoding: frame, as: UTF8.self)
                == #"{"error":{"code":"not_found","message":"no product 'p'"},"id":"r1","ok":false}"#)
    }

    @Test func accessors() {
        let success = CommandReply.success(id: "a", result: 1)
        let failure = CommandReply.failure(id: nil, error: .unavailable("shutting down"))
        #expect(success.id == "a" && success.isSuccess && success.error == nil)
        #expect(failure.id == nil && !failure.isSuccess && failure.error?.code == .unavailable)
    }

    @Test func typedResult() throws {
        let reply = CommandReply.success(id: "a", result: try JSONValue(encoding: Samples.healthReport))
        #expect(try reply.result(as: HealthReport.self) == Samples.healthReport)
        #expect(try Health.decodeResult(reply) == Samples.healthReport)
    }

    @Test func typedResultOfAFailureThrowsTheCarriedError() {
        let carried = CommandError.forbidden("admin role required")
        let error = #expect(throws: CommandError.self) {
            try CommandReply.failure(id: "a", error: carried).result(as: HealthReport.self)
        }
        #expect(error == carried)
    }

    @Test func undecodableResultIsInternal() {
        let reply = CommandReply.success(id: "a", result: ["service": "x"])
        let error = #expect(throws: CommandError.self) { try reply.result(as: HealthReport.self) }
        #expect(error?.code == .internal)
        #expect(error?.field == "version")
        #expect(error?.message.contains("HealthReport") == true)
    }

    @Test func malformedReplies() {
        let notJSON = #expect(throws: CommandError.self) { try CommandReply.parse(Data("{".utf8)) }
        #expect(notJSON?.code == .invalidJSON)
        for (text, field) in [
            (#"[]"#, nil), (#"{"id":"a"}"#, "ok"), (#"{"id":1,"ok":true}"#, "id"), (#"{"id":"a","ok":"yes"}"#, "ok"),
            (#"{"id":"a","ok":false}"#, "error"), (#"{"id":"a","ok":false,"error":{"message":"m"}}"#, "error.code"),
        ] as [(String, String?)] {
            let error = #expect(throws: CommandError.self) { try CommandReply.parse(Data(text.utf8)) }
            #expect(error?.code == .internal, "\(text)")
            #expect(error?.field == field, "\(text)")
        }
    }

    @Test func newerRepliesAreReadTolerantly() throws {
        let unknownCode = try CommandReply.parse(
            Data(#"{"id":"a","ok":false,"error":{"code":"rate_limited","message":"slow down"},"retryAfter":3}"#.utf8))
        #expect(unknownCode == .failure(id: "a", error: .internalError("rate_limited: slow down")))
        let noResult = try CommandReply.parse(Data(#"{"id":"a","ok":true}"#.utf8))
        #expect(noResult == .success(id: "a", result: nil))
    }
}
