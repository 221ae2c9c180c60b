import Foundation
import ODOPMessages
import Testing

@Suite("Golden fixtures")
struct GoldenFixtureTests {
    @Test func commandRequest() throws {
        try assertGolden(
            Samples.request, fixture: "command-request", encode: { try $0.encoded() },
            decode: { try CommandRequest.parse($0).get() })
    }

    @Test func successReply() throws {
        try assertGolden(
            Samples.successReply, fixture: "reply-success", encode: { try $0.encoded() },
            decode: { try CommandReply.parse($0) })
        try assertGolden(Samples.successReply, fixture: "reply-success")
    }

    @Test func failureReplyWithField() throws {
        try assertGolden(
            Samples.failureReply, fixture: "reply-failure", encode: { try $0.encoded() },
            decode: { try CommandReply.parse($0) })
        try assertGolden(Samples.failureReply, fixture: "reply-failure")
    }

    @Test func failureReplyWithoutFieldOrID() throws {
        try assertGolden(
            Samples.failureReplyWithoutField, fixture: "reply-failure-no-field", encode: { try $0.encoded() },
            decode: { try CommandReply.parse($0) })
        try assertGolden(Samples.failureReplyWithoutField, fixture: "reply-failure-no-field")
    }

    @Test func commandError() throws {
        try assertGolden(Samples.commandError, fixture: "command-error")
    }

    @Test func eventEnvelope() throws {
        try assertGolden(Samples.productRegistered, fixture: "event-envelope")
    }

    @Test func heartbeatEnvelopeWithNullSeq() throws {
        try assertGolden(Samples.heartbeat, fixture: "heartbeat-envelope")
    }

    @Test func healthArguments() throws {
        try assertGolden(NoArguments(), fixture: "health-args")
    }

    @Test func healthResult() throws {
        try assertGolden(Samples.healthReport, fixture: "health-result")
    }

    @Test func tracedCommandRequest() throws {
        try assertGolden(
            Samples.tracedRequest, fixture: "command-request-traced", encode: { try $0.encoded() },
            decode: { try CommandRequest.parse($0).get() })
    }

    @Test func tracedEventEnvelope() throws {
        try assertGolden(Samples.tracedProductRegistered, fixture: "event-envelope-traced")
        #expect(Samples.tracedProductRegistered.traceId == Samples.traceId)
        #expect(Samples.productRegistered.traceId == nil)
    }

    @Test func eventsTraceArguments() throws {
        try assertGolden(Samples.traceArguments, fixture: "events-trace-args")
    }

    @Test func eventsTraceResult() throws {
        try assertGolden(Samples.traceResult, fixture: "events-trace-result")
    }

    @Test func eventsReplayArguments() throws {
        try assertGolden(Samples.replayArguments, fixture: "events-replay-args")
    }

    @Test func eventsReplayResult() throws {
        try assertGolden(Samples.replayResult, fixture: "events-replay-result")
    }

    @Test func subscriptionRetry() throws {
        try assertGolden(Samples.retryArguments, fixture: "subscriptions-retry-args")
        try assertGolden(Samples.retryResult, fixture: "subscriptions-retry-result")
    }

    @Test func subscriptionSkip() throws {
        try assertGolden(Samples.skipArguments, fixture: "subscriptions-skip-args")
        try assertGolden(Samples.skipResult, fixture: "subscriptions-skip-result")
    }

    @Test func subscriptionResync() throws {
        try assertGolden(Samples.resyncArguments, fixture: "subscriptions-resync-args")
        try assertGolden(Samples.resyncResult, fixture: "subscriptions-resync-result")
    }

    @Test func backupCreate() throws {
        try assertGolden(Samples.backupArguments, fixture: "backup-create-args")
        try assertGolden(Samples.backupResult, fixture: "backup-create-result")
    }

    @Test func subscriptionsList() throws {
        try assertGolden(Samples.listResult, fixture: "subscriptions-list-result")
    }

    /// The frames a server actually sends are byte-for-byte what `WireFormat.encode` writes.
    @Test func replyFramesMatchWireFormat() throws {
        for reply in [Samples.successReply, Samples.failureReply, Samples.failureReplyWithoutField] {
            #expect(try reply.encoded() == WireFormat.encode(reply))
        }
    }

    /// The replay result spliced from stored envelope bytes equals the encoded result.
    @Test func replayResultSplicedFromStoredEvents() throws {
        let stored = try Samples.replayResult.events.map { try WireFormat.encode($0) }
        var writer = EventsReplay.ResultWriter()
        for event in stored { event.withUnsafeBytes { writer.append(encodedEvent: $0) } }
        let spliced = Data(writer.finish(lastSeq: 42, epoch: nil))
        #expect(spliced == (try WireFormat.encode(Samples.replayResult)))
        #expect(try WireFormat.decode(EventsReplay.Result.self, from: spliced) == Samples.replayResult)
        let empty = Data(EventsReplay.ResultWriter().finish(lastSeq: 7, epoch: nil))
        #expect(try WireFormat.decode(EventsReplay.Result.self, from: empty) == .init(events: [], lastSeq: 7))
    }
}
