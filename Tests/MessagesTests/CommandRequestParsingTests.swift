import Foundation
import ODOPMessages
import Testing

private func rejection(_ frame: Data, sourceLocation: SourceLocation = #_sourceLocation) -> RequestRejection? {
    switch CommandRequest.parse(frame) {
    case .success(let request):
        Issue.record("expected a rejection, got \(request)", sourceLocation: sourceLocation)
        return nil
    case .failure(let rejection):
        return rejection
    }
}

private func rejection(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> RequestRejection? {
    rejection(Data(text.utf8), sourceLocation: sourceLocation)
}

@Suite("CommandRequest.parse")
struct CommandRequestParsingTests {
    @Test func wellFormedRequest() throws {
        let request = try CommandRequest.parse(Data(#"{"id":"r1","command":"health","args":{"x":1}}"#.utf8)).get()
        #expect(request == CommandRequest(id: "r1", command: "health", args: ["x": 1]))
    }

    @Test func missingOrNullArgsMeanEmptyObject() throws {
        let missing = try CommandRequest.parse(Data(#"{"id":"r1","command":"health"}"#.utf8)).get()
        #expect(missing.args == [:])
        let null = try CommandRequest.parse(Data(#"{"id":"r1","command":"health","args":null}"#.utf8)).get()
        #expect(null.args == [:])
    }

    @Test func extraMembersAreIgnored() throws {
        let request = try CommandRequest.parse(
            Data(#"{"id":"r1","command":"health","args":{},"trace":"abc","v":2}"#.utf8)
        ).get()
        #expect(request.command == "health")
    }

    @Test func notJSON() {
        let rejected = rejection(#"{"id":"r1","command":"#)
        #expect(rejected?.error.code == .invalidJSON)
        #expect(rejected?.id == nil)
    }

    @Test func invalidUTF8InArgsNamesTheFieldAndEchoesTheID() {
        var frame = Data(#"{"id":"a","command":"x","args":{"name":""#.utf8)
        frame.append(contentsOf: [0xFF, 0xFE])
        frame.append(contentsOf: #""}}"#.utf8)
        let rejected = rejection(frame)
        #expect(rejected?.error.code == .invalidJSON)
        #expect(rejected?.error.field == "args.name")
        #expect(rejected?.id == "a")
    }

    @Test func invalidUTF8InTheIDIsNotEchoed() {
        var frame = Data(#"{"id":"a"#.utf8)
        frame.append(0xFF)
        frame.append(contentsOf: #"","command":"x"}"#.utf8)
        let rejected = rejection(frame)
        #expect(rejected?.error.code == .invalidJSON)
        #expect(rejected?.error.field == "id")
        #expect(rejected?.id == nil)
    }

    @Test(arguments: [#"[1,2]"#, #""health""#, "42", "null", "true"])
    func notAnObject(text: String) {
        let rejected = rejection(text)
        #expect(rejected?.error.code == .invalidRequest)
        #expect(rejected?.error.field == nil)
        #expect(rejected?.id == nil)
    }

    @Test(arguments: [
        #"{"command":"health"}"#, #"{"id":7,"command":"health"}"#, #"{"id":"","command":"health"}"#,
        #"{"id":null,"command":"health"}"#, #"{"id":["r1"],"command":"health"}"#,
    ])
    func badID(text: String) {
        let rejected = rejection(text)
        #expect(rejected?.error.code == .invalidRequest)
        #expect(rejected?.error.field == "id")
        #expect(rejected?.id == nil)
    }

    @Test(arguments: [
        #"{"id":"r1"}"#, #"{"id":"r1","command":5}"#, #"{"id":"r1","command":null}"#,
        #"{"id":"r1","command":""}"#, #"{"id":"r1","command":{"name":"health"}}"#,
    ])
    func badCommandEchoesTheID(text: String) {
        let rejected = rejection(text)
        #expect(rejected?.error.code == .invalidRequest)
        #expect(rejected?.error.field == "command")
        #expect(rejected?.id == "r1")
    }

    @Test(arguments: [
        #"{"id":"r1","command":"health","args":[]}"#, #"{"id":"r1","command":"health","args":"x"}"#,
        #"{"id":"r1","command":"health","args":3}"#, #"{"id":"r1","command":"health","args":false}"#,
    ])
    func argsNotAnObjectEchoesTheID(text: String) {
        let rejected = rejection(text)
        #expect(rejected?.error.code == .invalidRequest)
        #expect(rejected?.error.field == "args")
        #expect(rejected?.id == "r1")
    }

    @Test func rejectionReplyFrameEchoesTheID() throws {
        let rejected = try #require(rejection(#"{"id":"r\"1","command":5}"#))
        let reply = try CommandReply.parse(rejected.replyFrame)
        #expect(reply == .failure(id: "r\"1", error: rejected.error))
    }

    @Test func encodedRequestParsesBack() throws {
        let request = CommandRequest(id: "id \"quoted\" \\ é", command: "product.get", args: ["id": "prd_1"])
        let frame = try request.encoded()
        #expect(String(decoding: frame, as: UTF8.self).hasPrefix(#"{"args":{"id":"prd_1"},"command":"product.get","id":"#))
        #expect(try CommandRequest.parse(frame).get() == request)
    }

    @Test func typedRequests() throws {
        let request = try CommandRequest.make(
            id: "r2", command: EventsReplay.name, args: EventsReplay.Arguments(after: 3, limit: nil))
        #expect(request.args == ["after": 3])
        #expect(try request.decodeArgs(EventsReplay.Arguments.self) == EventsReplay.Arguments(after: 3))
        #expect(Health.request(id: "r3") == CommandRequest(id: "r3", command: "health", args: [:]))
        #expect(
            try SubscriptionRetry.request(id: "r4", arguments: .init(source: "catalogue"))
                == CommandRequest(id: "r4", command: "subscriptions.retry", args: ["source": "catalogue"]))
        #expect(throws: CommandError.self) {
            try CommandRequest.make(id: "r5", command: "x", args: [1, 2])
        }
    }
}
