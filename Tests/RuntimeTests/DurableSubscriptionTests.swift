import Foundation
import ODOPClient
import ODOPMessages
import ODOPRuntime
import ODOPTesting
import Testing

@Suite("durable subscriptions", .timeLimit(.minutes(3)))
struct DurableSubscriptionTests {
    private func append(_ texts: [String], to ledger: some RunningService) throws -> LedgerAppend.Result {
        try ledger.makeClient().call(LedgerAppend.self, .init(texts: texts))
    }

    private func mirrorStatus(_ mirror: some RunningService) throws -> SubscriptionStatus {
        try #require(try mirror.health().subscriptions.first { $0.source == "ledger" })
    }

    private func waitUntilApplied(_ seq: Int64, by mirror: some RunningService) throws {
        try eventually("mirror applied up to \(seq)", timeout: .seconds(60)) {
            try mirrorStatus(mirror).lastAppliedSeq >= seq
        }
    }

    @Test("a subscriber stopped while 10,000 events are published applies all of them once, in order, after restart")
    func catchUpAfterRestart() async throws {
        let ledger = try InProcessService(LedgerService())
        let mirrorDir = TemporaryDirectory()
        let definition = MirrorService(ledgerCommands: ledger.commandsEndpoint, ledgerEvents: ledger.eventsEndpoint)
        var mirror = try InProcessService(definition, dataDirectory: mirrorDir.path, peers: definition.peers)
        _ = try append(["before-1", "before-2"], to: ledger)
        try waitUntilApplied(2, by: mirror)
        await mirror.stop()

        // 10,000 events while the mirror is down: 100 commands of 99 entries, then 100 single ones.
        for batch in 0..<100 {
            _ = try append((0..<99).map { "b\(batch)-\($0)" }, to: ledger)
        }
        for i in 0..<100 { _ = try append(["single-\(i)"], to: ledger) }
        #expect(try ledger.host.store.lastSeq() == 10_002)

        mirror = try InProcessService(definition, dataDirectory: mirrorDir.path, peers: definition.peers)
        try waitUntilApplied(10_002, by: mirror)
        let contents = try mirror.makeClient().call(MirrorContents.self, NoArguments())
        #expect(contents.seqs.count == 10_002)
        #expect(contents.seqs == Array(1...10_002))
        #expect(contents.texts.last == "single-99")
        let status = try mirrorStatus(mirror)
        #expect(status.state == .running)
        #expect(status.lag == 0)
        await mirror.stop()
        await ledger.stop()
    }

    @Test("a subscriber that joins late (empty database) gets every event from seq 1")
    func lateJoiner() async throws {
        let ledger = try InProcessService(LedgerService())
        for i in 0..<5 { _ = try append((0..<100).map { "e\(i)-\($0)" }, to: ledger) }
        let definition = MirrorService(ledgerCommands: ledger.commandsEndpoint, ledgerEvents: ledger.eventsEndpoint)
        let mirror = try InProcessService(definition, peers: definition.peers)
        try waitUntilApplied(500, by: mirror)
        // And live events after catching up arrive too.
        _ = try append(["live"], to: ledger)
        try waitUntilApplied(501, by: mirror)
        let contents = try mirror.makeClient().call(MirrorContents.self, NoArguments())
        #expect(contents.seqs == Array(1...501))
        await mirror.stop()
        await ledger.stop()
    }

    @Test("a subscriber keeps working while its source is down and catches up when it returns")
    func sourceDownAndBack() async throws {
        let ledgerDir = TemporaryDirectory()
        let commands = FreePort.endpoint()
        let events = FreePort.endpoint()
        var ledger = try InProcessService(LedgerService(), dataDirectory: ledgerDir.path, commandsBind: commands, eventsBind: events)
        let definition = MirrorService(ledgerCommands: commands, ledgerEvents: events)
        let mirror = try InProcessService(definition, peers: definition.peers)
        _ = try append(["one"], to: ledger)
        try waitUntilApplied(1, by: mirror)
        await ledger.stop()
        try eventually("mirror notices the source is gone", timeout: .seconds(30)) {
            try mirrorStatus(mirror).state == .disconnected
        }
        #expect(try mirror.health().status == HealthReport.statusDegraded)
        ledger = try InProcessService(LedgerService(), dataDirectory: ledgerDir.path, commandsBind: commands, eventsBind: events)
        _ = try append(["two", "three"], to: ledger)
        try waitUntilApplied(3, by: mirror)
        #expect(try mirrorStatus(mirror).state == .running)
        #expect(try mirror.health().status == HealthReport.statusOK)
        await mirror.stop()
        await ledger.stop()
    }

    @Test("a failing event stalls the subscription visibly; retry and skip resume it in order")
    func stallRetrySkip() async throws {
        let ledger = try InProcessService(LedgerService())
        let mirrorDir = TemporaryDirectory()
        let definition = MirrorService(ledgerCommands: ledger.commandsEndpoint, ledgerEvents: ledger.eventsEndpoint)
        var mirror = try InProcessService(definition, dataDirectory: mirrorDir.path, peers: definition.peers)
        _ = try append(["a", "poison-1", "b", "poison-2", "c"], to: ledger)

        try eventually("stalls at seq 2") { try mirrorStatus(mirror).state == .stalled }
        var status = try mirrorStatus(mirror)
        #expect(status.lastAppliedSeq == 1)
        #expect(status.stalled?.seq == 2)
        #expect(status.stalled?.type == EntryAppended.eventType)
        #expect(status.stalled?.attempts == 3)
        #expect(status.stalled?.error.contains("poison-1") == true)
        #expect(try mirror.health().status == HealthReport.statusDegraded)

        // The stall survives a restart: it never skips on its own.
        await mirror.stop()
        mirror = try InProcessService(definition, dataDirectory: mirrorDir.path, peers: definition.peers)
        try await Task.sleep(for: .milliseconds(500))
        status = try mirrorStatus(mirror)
        #expect(status.state == .stalled && status.lastAppliedSeq == 1 && status.stalled?.seq == 2)

        let client = try mirror.makeClient()
        // Skipping an event other than the stalled one is refused.
        #expect(throws: CommandError.self) {
            try client.call(SubscriptionSkip.self, .init(source: "ledger", seq: 3, reason: "wrong one"))
        }
        #expect(throws: CommandError.self) { try client.call(SubscriptionRetry.self, .init(source: "nope")) }

        // Fix the cause, then retry: poison-1 and b apply, and it stalls again at poison-2.
        _ = try client.call(MirrorCure.self, .init(text: "poison-1"))
        _ = try client.call(SubscriptionRetry.self, .init(source: "ledger"))
        try eventually("stalls at seq 4") { try mirrorStatus(mirror).stalled?.seq == 4 }
        #expect(try mirrorStatus(mirror).lastAppliedSeq == 3)

        // Skip poison-2 with a reason: c applies; the skip is kept.
        _ = try client.call(SubscriptionSkip.self, .init(source: "ledger", seq: 4, reason: "bad data, fixed upstream"))
        try waitUntilApplied(5, by: mirror)
        let contents = try client.call(MirrorContents.self, NoArguments())
        #expect(contents.texts == ["a", "poison-1", "b", "c"])
        #expect(contents.seqs == [1, 2, 3, 5])
        let list = try client.call(SubscriptionsList.self, NoArguments())
        #expect(list.skipped.count == 1)
        #expect(list.skipped.first?.seq == 4)
        #expect(list.skipped.first?.reason == "bad data, fixed upstream")
        #expect(list.skipped.first?.error.contains("poison-2") == true)
        #expect(try mirror.health().status == HealthReport.statusOK)
        // Retrying a subscription that is not stalled is a conflict.
        #expect(throws: CommandError.self) { try client.call(SubscriptionRetry.self, .init(source: "ledger")) }
        await mirror.stop()
        await ledger.stop()
    }
}
