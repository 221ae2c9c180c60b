import Foundation
import GRDB
import ODOPClient
import ODOPMessages
import ODOPRuntime
import ODOPTesting
import Synchronization
import Testing

/// A source restored from a backup must not fool its followers: the backup copy has a new epoch,
/// and a follower that sees its source's epoch change (or its lastSeq fall below the cursor)
/// stalls with that reason instead of taking the restored source's new events for ones it
/// applied already.
@Suite("restored sources", .timeLimit(.minutes(2)))
struct RestoredSourceTests {
    private func status(_ service: InProcessService) throws -> SubscriptionStatus {
        try #require(try service.health().subscriptions.first { $0.source == "ledger" })
    }

    @Test("a backup taken while writes go on holds exactly the source's events up to its lastSeq, with a new epoch")
    func backupWhileWriting() async throws {
        let ledger = try InProcessService(LedgerService())
        let client = try ledger.makeClient()
        _ = try client.call(LedgerAppend.self, .init(texts: (0..<200).map { "before-\($0)" }))
        let endpoint = ledger.commandsEndpoint
        let writing = Atomic<Bool>(true)
        let writes = Atomic<Int>(0)
        let writer = Thread {
            guard let client = try? CommandClient(endpoint: endpoint) else { return }
            var written = 0
            while writing.load(ordering: .acquiring) {
                if (try? client.call(LedgerAppend.self, .init(texts: ["during-\(written)"]))) != nil {
                    written += 1
                    writes.add(1, ordering: .relaxed)
                }
            }
        }
        writer.start()
        try eventually("writes are going on") { writes.load(ordering: .relaxed) >= 20 }
        let directory = TemporaryDirectory(prefix: "odop-backup")
        let path = directory.path + "/ledger.sqlite"
        let backup = try client.call(BackupCreate.self, .init(path: path))
        try eventually("writes went on after the backup") { writes.load(ordering: .relaxed) >= 60 }
        writing.store(false, ordering: .releasing)
        let lastSeq = try ledger.host.store.lastSeq()
        #expect(backup.lastSeq > 200 && backup.lastSeq < lastSeq, "writes committed on both sides of the backup")
        #expect(backup.epoch != ledger.host.store.epoch)
        #expect(backup.bytes > 0)

        // The copy holds the source's event log up to its lastSeq, byte for byte, and the entries.
        let original = try ledger.host.store.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, envelope FROM odop_events WHERE seq <= ? ORDER BY seq", arguments: [backup.lastSeq])
                .map { ($0["seq"] as Int64, $0["envelope"] as Data) }
        }
        let copy = try Self.contents(of: path)
        #expect(copy.events.count == Int(backup.lastSeq))
        #expect(copy.events.map(\.0) == original.map(\.0))
        #expect(copy.events.map(\.1) == original.map(\.1))
        #expect(copy.entries == Int(backup.lastSeq))
        #expect(copy.epoch == backup.epoch)

        // Restored: a service started on the copy reports the backup's lastSeq and epoch, replays
        // exactly the source's events up to that seq, and holds the entries those events describe.
        let replayed = try client.call(EventsReplay.self, .init(after: 0, limit: Int(backup.lastSeq))).events
        #expect(replayed.map(\.seq) == (1...backup.lastSeq).map { $0 })
        let restoredDirectory = TemporaryDirectory(prefix: "odop-restored")
        try FileManager.default.copyItem(atPath: path, toPath: restoredDirectory.path + "/ledger.sqlite")
        let restored = try InProcessService(LedgerService(), dataDirectory: restoredDirectory.path)
        let restoredHealth = try restored.health()
        #expect(restoredHealth.lastSeq == backup.lastSeq)
        #expect(restoredHealth.epoch == backup.epoch)
        let restoredEvents = try restored.makeClient().call(EventsReplay.self, .init(after: 0, limit: EventsReplay.maximumLimit)).events
        #expect(restoredEvents.map(\.id) == replayed.map(\.id))
        #expect(restoredEvents.map(\.data) == replayed.map(\.data))
        let restoredTexts = try restored.host.store.read { db in try String.fetchAll(db, sql: "SELECT text FROM entries ORDER BY id") }
        #expect(restoredTexts == (try replayed.map { try $0.decodeData(EntryAppended.self).text }))
        #expect(restoredTexts.contains("during-0") && restoredTexts.contains("before-199"), "writes before and during the backup")
        await restored.stop()

        // A second backup to the same path, or into a missing directory, is refused.
        #expect(throws: CommandError.self) { try client.call(BackupCreate.self, .init(path: path)) }
        #expect(throws: CommandError.self) { try client.call(BackupCreate.self, .init(path: "/nonexistent-dir/x.sqlite")) }
        #expect(throws: CommandError.self) { try client.call(BackupCreate.self, .init(path: "relative.sqlite")) }
        await ledger.stop()
    }

    /// The events, entry count and epoch of a ledger database file.
    static func contents(of path: String) throws -> (events: [(Int64, Data)], entries: Int, epoch: String?) {
        let copy = try DatabaseQueue(path: path)
        defer { try? copy.close() }
        return try copy.read { db in
            (
                try Row.fetchAll(db, sql: "SELECT seq, envelope FROM odop_events ORDER BY seq").map {
                    ($0["seq"] as Int64, $0["envelope"] as Data)
                },
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entries") ?? 0,
                try String.fetchOne(db, sql: "SELECT epoch FROM odop_source")
            )
        }
    }

    @Test(
        "a follower of a source restored from a backup stalls with the epoch reason instead of dropping its new events; resync accepts it")
    func followerOfRestoredSourceStalls() async throws {
        var source = try BackedUpLedger()
        let (endpoints, backup) = (source.endpoints, source.backup)
        #expect(backup.lastSeq == 10)

        let tally = try InProcessService(TallyService(), peers: ["ledger": endpoints])
        try eventually("the follower applied all 20") { try status(tally).lastAppliedSeq == 20 }

        // Restore the backup in place of the source's database and start it again.
        let restored = try await source.restore()
        #expect(try restored.service.health().epoch == backup.epoch)
        // The restored source's new events reuse seqs 11...25, which the follower applied already.
        try restored.publish((0..<15).map { EntryAppended(text: "after-restore-\($0)") })

        try eventually("the follower stalls on the restored source") { try status(tally).state == .stalled }
        let stalled = try status(tally)
        #expect(stalled.lastAppliedSeq == 20)
        #expect(stalled.stalled?.type == "ledger.restored")
        #expect(stalled.stalled?.error.contains("epoch changed") == true)
        #expect(try tally.health().status == HealthReport.statusDegraded)
        try await Task.sleep(for: .milliseconds(500))
        #expect(try status(tally).lastAppliedSeq == 20, "nothing of the restored source is taken for what was applied")

        // Resync needs the epoch the source reports now; then the follower goes on after 25.
        let client = try tally.makeClient()
        #expect(throws: CommandError.self) { try client.call(SubscriptionResync.self, .init(source: "ledger", epoch: "not-it", after: 25)) }
        let resynced = try client.call(SubscriptionResync.self, .init(source: "ledger", epoch: backup.epoch, after: 25))
        #expect(resynced.lastAppliedSeq == 25 && resynced.stalled == nil)
        try restored.publish(EntryAppended(text: "new"))
        try eventually("applies the restored source's next event") { try status(tally).lastAppliedSeq == 26 }
        #expect(try status(tally).state == .running)
        await tally.stop()
        await restored.stop()
    }

    @Test("a follower started after its source was restored from a backup stalls with the epoch reason")
    func followerStartedAfterRestoreStalls() async throws {
        var source = try BackedUpLedger()
        let endpoints = source.endpoints
        let tallyDirectory = TemporaryDirectory(prefix: "odop-tally")
        let tally = try InProcessService(TallyService(), dataDirectory: tallyDirectory.path, peers: ["ledger": endpoints])
        try eventually("the follower applied all 20") { try status(tally).lastAppliedSeq == 20 }
        await tally.stop()

        // While the follower is down, the source is restored and writes past the follower's cursor,
        // so that only the epoch tells the restored log from the one the follower applied.
        let restored = try await source.restore()
        try restored.publish((0..<15).map { EntryAppended(text: "after-restore-\($0)") })

        let restarted = try InProcessService(TallyService(), dataDirectory: tallyDirectory.path, peers: ["ledger": endpoints])
        try eventually("the restarted follower stalls on the restored source") { try status(restarted).state == .stalled }
        let stalled = try status(restarted)
        #expect(stalled.lastAppliedSeq == 20, "nothing of the restored source is taken for what was applied")
        #expect(stalled.stalled?.error.contains("epoch changed") == true, "\(String(describing: stalled.stalled))")
        await restarted.stop()
        await restored.stop()
    }

}

/// A ledger (a `StubSource` with its database in a directory of its own) that published 10
/// events, was backed up, then published 10 more: what the restore tests start from.
private struct BackedUpLedger {
    let endpoints = PeerEndpoints(commands: FreePort.endpoint(), events: FreePort.endpoint())
    let directory = TemporaryDirectory(prefix: "odop-ledger")
    let backupDirectory = TemporaryDirectory(prefix: "odop-backup")
    private var ledger: StubSource?
    let backup: BackupCreate.Result

    init() throws {
        let ledger = try StubSource("ledger", dataDirectory: directory.path, endpoints: endpoints)
        try ledger.publish((0..<10).map { EntryAppended(text: "first-\($0)") })
        backup = try ledger.service.makeClient().call(BackupCreate.self, .init(path: backupDirectory.path + "/ledger.sqlite"))
        try ledger.publish((0..<10).map { EntryAppended(text: "second-\($0)") })
        self.ledger = ledger
    }

    /// Stops the ledger, puts the backup in place of its database (its WAL and shared-memory
    /// files removed) and starts it again on the same endpoints.
    mutating func restore() async throws -> StubSource {
        await ledger?.stop()
        ledger = nil
        let database = directory.path + "/ledger.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        try FileManager.default.copyItem(atPath: backup.path, toPath: database)
        return try StubSource("ledger", dataDirectory: directory.path, endpoints: endpoints)
    }
}
