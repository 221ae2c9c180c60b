import Foundation
import ODOPMessages
import Testing

@Suite("Runtime commands")
struct RuntimeCommandsTests {
    @Test func namesAndMutability() {
        #expect(Health.name == "health" && !Health.isMutating)
        #expect(EventsReplay.name == "events.replay" && !EventsReplay.isMutating)
        #expect(SubscriptionRetry.name == "subscriptions.retry" && SubscriptionRetry.isMutating)
        #expect(SubscriptionSkip.name == "subscriptions.skip" && SubscriptionSkip.isMutating)
        #expect(SubscriptionsList.name == "subscriptions.list" && !SubscriptionsList.isMutating)
    }

    /// An argument-less command takes its arguments by metatype, without a decoder: every
    /// object is `NoArguments`, as the general path decodes it; anything else gets the general
    /// path's answer, whatever it is.
    @Test(
        arguments: [
            [:], ["ignored": 1], ["nested": ["a": [1, 2]]], .null, [], "text", 3,
        ] as [JSONValue])
    func noArgumentsDecodeAsTheGeneralPathDecodesThem(_ args: JSONValue) {
        let fast = Result { () throws(CommandError) in try Health.decodeArguments(args) }
        let general = Result { () throws(CommandError) in try WireFormat.decode(NoArguments.self, from: args, as: .invalidArgument) }
        #expect(fast == general)
        if case .object = args { #expect(fast == .success(NoArguments())) }
    }

    @Test func replayLimits() throws {
        #expect(EventsReplay.defaultLimit == 1000)
        #expect(EventsReplay.maximumLimit == 10_000)
        #expect(try EventsReplay.decodeArguments(["after": 0]).effectiveLimit == 1000)
        #expect(try EventsReplay.decodeArguments(["after": 5, "limit": 10_000]).effectiveLimit == 10_000)
    }

    @Test(
        arguments: [
            (["after": -1] as JSONValue, "after"), (["after": 0, "limit": 0], "limit"), (["after": 0, "limit": 10_001], "limit"),
            (["limit": 5], "after"), (["after": "0"], "after"), (["after": 0, "limit": 2.5], "limit"),
        ] as [(JSONValue, String)])
    func invalidReplayArguments(args: JSONValue, field: String) {
        let error = #expect(throws: CommandError.self) { try EventsReplay.decodeArguments(args) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.field == field)
    }

    @Test(
        arguments: [
            (["source": "catalogue", "seq": 4, "reason": "  "] as JSONValue, "reason"),
            (["source": "catalogue", "seq": 4, "reason": ""], "reason"),
            (["source": "catalogue", "seq": 4], "reason"),
            (["source": "", "seq": 4, "reason": "r"], "source"),
            (["source": "catalogue", "seq": 0, "reason": "r"], "seq"),
        ] as [(JSONValue, String)])
    func invalidSkipArguments(args: JSONValue, field: String) {
        let error = #expect(throws: CommandError.self) { try SubscriptionSkip.decodeArguments(args) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.field == field)
    }

    @Test func validArgumentsPass() throws {
        #expect(try SubscriptionSkip.decodeArguments(try JSONValue(encoding: Samples.skipArguments)) == Samples.skipArguments)
        #expect(try SubscriptionRetry.decodeArguments(["source": "catalogue"]) == Samples.retryArguments)
        #expect(throws: CommandError.self) { try SubscriptionRetry.decodeArguments(["source": ""]) }
        #expect(try Health.decodeArguments([:]) == NoArguments())
        #expect(try SubscriptionsList.decodeArguments(["ignored": true]) == NoArguments())
    }

    @Test func subscriptionStateRawValues() {
        #expect(SubscriptionState.allCases.map(\.rawValue) == ["running", "catching_up", "stalled", "disconnected"])
    }

    @Test func errorCodeRawValues() {
        #expect(
            ErrorCode.allCases.map(\.rawValue) == [
                "invalid_json", "invalid_request", "unknown_command", "invalid_argument", "not_found", "conflict",
                "unauthorized", "forbidden", "unavailable", "internal",
            ])
    }

    @Test func commandErrorConstructorsAndDescription() throws {
        #expect(
            CommandError.unknownCommand("nope") == CommandError(code: .unknownCommand, message: "unknown command 'nope'", field: "command"))
        #expect(CommandError.internalError("boom").code == .internal)
        #expect(CommandError.invalidArgument("bad", field: "x").description == "invalid_argument: bad (field: x)")
        let text = String(decoding: try WireFormat.encode(CommandError.notFound("gone")), as: UTF8.self)
        #expect(text == #"{"code":"not_found","message":"gone"}"#)
    }

    @Test func messageLimit() {
        #expect(MessageLimits.defaultMaxCommandBytes == 4_194_304)
    }
}
