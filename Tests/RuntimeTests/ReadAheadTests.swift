import Foundation
import GRDB
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

@testable import ODOPRuntime

// A follower reads its source ahead while it applies (`ReadAhead`): the next catch-up page, and
// the live events queued meanwhile. These tests show that the fetch really runs ahead, and that
// what was read ahead is applied once, in order, or dropped when the cursor went elsewhere.

/// `TallyService` with a page size of the test's choosing.
private struct PagedTallyService: ServiceDefinition {
    let name = "tally"
    let version = "test"
    var handler: any EventHandler = TallyHandler()
    var maxAttempts = 3
    var pageSize: Int
    var migrations: [ServiceMigration] { TallyService().migrations }
    var follows: [Follow] { [Follow("ledger", handler: handler, maxAttempts: maxAttempts, replayPageSize: pageSize)] }
    func registerCommands(in registry: inout CommandRegistry) {}
}

/// `TallyHandler`, held at `gate` before it applies the event `seq`.
private struct HeldAtSeq: EventHandler {
    let seq: Int64
    let gate: Gate

    func apply(_ event: EventEnvelope, in transaction: ServiceTransaction) throws {
        if event.seq == seq { gate.pass() }
        try TallyHandler().apply(event, in: transaction)
    }
}

@Suite("reading ahead while applying", .timeLimit(.minutes(2)))
struct ReadAheadTests {
    private func counts(_ service: InProcessService) throws -> [String: Int] { try tallyCounts(service) }
    private func status(_ service: InProcessService) throws -> SubscriptionStatus { try ledgerSubscription(service) }

    @Test("the source serves the next page while the follower still applies the page before it")
    func nextPageIsFetchedDuringTheApply() async throws {
        let ledger = try StubSource("ledger")
        try ledger.publish((0..<250).map { EntryAppended(text: "entry-\($0 % 5)") })
        let held = Gate()
        held.close()
        let tally = try InProcessService(
            PagedTallyService(handler: HeldAtSeq(seq: 1, gate: held), pageSize: 100), peers: ["ledger": ledger.endpoints])

        try eventually("the follower applies the first page, held at its first event") { held.waiting > 0 }
        // One call brought the page being applied; a second one, asked for while that page is
        // still being applied, is the next page. Without the prefetch there is one call only.
        try eventually("a second events.replay reaches the source during the apply") { ledger.replayGate.arrived >= 2 }
        #expect(try status(tally).lastAppliedSeq == 0)
        #expect(held.waiting == 1)

        held.open()
        try eventually("caught up") { try status(tally).lastAppliedSeq == 250 }
        #expect(try counts(tally) == ["entry-0": 50, "entry-1": 50, "entry-2": 50, "entry-3": 50, "entry-4": 50])
        #expect(try status(tally).state == .running)
        await tally.stop()
        await ledger.stop()
    }

    @Test("a page fetched ahead of one that stalls is not applied; after a skip every other event is applied once, in order")
    func pageFetchedAheadOfAStallIsDropped() async throws {
        let ledger = try StubSource("ledger")
        var texts = (1...250).map { "entry-\($0 % 5)" }
        texts[49] = "poison-50"  // seq 50, in the first page of 100
        try ledger.publish(texts.map { EntryAppended(text: $0) })
        let tally = try InProcessService(PagedTallyService(maxAttempts: 1, pageSize: 100), peers: ["ledger": ledger.endpoints])

        try eventually("stalls at seq 50") { try status(tally).stalled?.seq == 50 }
        // The page after 100 was asked for while the first was applied, and none of it applied.
        try eventually("the next page was fetched ahead") { ledger.replayGate.arrived >= 2 }
        let stalled = try status(tally)
        #expect(stalled.lastAppliedSeq == 49 && stalled.state == .stalled)
        #expect(try counts(tally).values.reduce(0, +) == 49)

        _ = try tally.makeClient().call(SubscriptionSkip.self, .init(source: "ledger", seq: 50, reason: "poison, in a test"))
        try eventually("caught up after the skip") { try status(tally).lastAppliedSeq == 250 }
        let resumed = try status(tally)
        #expect(resumed.state == .running && resumed.stalled == nil)
        // 249 events, each applied once: 50 of each text but entry-0's (seq 50 was skipped).
        #expect(try counts(tally) == ["entry-0": 49, "entry-1": 50, "entry-2": 50, "entry-3": 50, "entry-4": 50])
        let applied = try tally.host.store.read { try SubscriptionCursor(source: "ledger").load($0) }
        #expect(applied.lastApplied == 250)
        await tally.stop()
        await ledger.stop()
    }

    @Test("live events queued while a batch is applied are read ahead and applied next, once and in order, without a replay")
    func liveEventsReadAheadAreApplied() async throws {
        // Heartbeats rarely: one whose lastSeq is ahead of the follower would ask for a replay.
        let ledger = try StubSource("ledger", heartbeat: .seconds(60))
        let held = Gate()
        let tally = try InProcessService(
            PagedTallyService(handler: HeldAtSeq(seq: 1, gate: held), pageSize: 100), peers: ["ledger": ledger.endpoints])
        try eventually("the follower runs") { try status(tally).state == .running }
        let replaysBefore = ledger.replayGate.arrived

        held.close()
        try ledger.publish(EntryAppended(text: "first"))
        try eventually("the follower applies seq 1 live, held") { held.waiting > 0 }
        // 300 more queue on its SUB socket: 100 are read per turn, the next 100 while they apply.
        for round in 0..<3 {
            try ledger.publish((0..<100).map { EntryAppended(text: "entry-\(round)-\($0 % 4)") })
        }
        held.open()
        try eventually("all applied") { try status(tally).lastAppliedSeq == 301 }
        #expect(ledger.replayGate.arrived == replaysBefore)  // live only: no gap, nothing replayed
        var expected = ["first": 1]
        for round in 0..<3 {
            for k in 0..<4 { expected["entry-\(round)-\(k)"] = 25 }
        }
        #expect(try counts(tally) == expected)
        #expect(try status(tally).state == .running)
        await tally.stop()
        await ledger.stop()
    }
}
