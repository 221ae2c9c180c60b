import Foundation
import GRDB
import ODOPClient
import ODOPMessages
import ODOPTesting
import Synchronization
import Testing

@testable import ODOPRuntime

// A service that follows another is declared in a few lines: its name, its tables, the source it
// follows and the handler. Everything else (endpoints, subscription, cursor, replay, stalls) is
// the runtime's.

/// Counts ledger entries by text; the whole follower.
struct TallyService: ServiceDefinition {
    let name = "tally"
    let version = "test"
    var handler: any EventHandler = TallyHandler()
    var maxAttempts = 3
    var migrations: [ServiceMigration] {
        [ServiceMigration("tally-v1") { try $0.execute(sql: "CREATE TABLE tally (text TEXT PRIMARY KEY, count INTEGER NOT NULL)") }]
    }
    var follows: [Follow] { [Follow("ledger", handler: handler, maxAttempts: maxAttempts, replayPageSize: 100)] }
    func registerCommands(in registry: inout CommandRegistry) {}
}

struct TallyHandler: EventHandler {
    func apply(_ event: EventEnvelope, in transaction: ServiceTransaction) throws {
        let entry = try event.decodeData(EntryAppended.self)
        if entry.text.hasPrefix("poison"), try Int.fetchOne(transaction.db, sql: "SELECT count FROM tally WHERE text = 'cure'") == nil {
            throw PoisonRefused(text: entry.text)
        }
        try transaction.db.execute(
            sql: "INSERT INTO tally (text, count) VALUES (?, 1) ON CONFLICT(text) DO UPDATE SET count = count + 1", arguments: [entry.text])
    }
}

/// Fails every event with a database error (disk full) `failures` times, then applies it.
final class FlakyDiskHandler: EventHandler, Sendable {
    let failures: Int
    let attempts = Atomic<Int>(0)
    init(failures: Int) { self.failures = failures }

    func apply(_ event: EventEnvelope, in transaction: ServiceTransaction) throws {
        if attempts.add(1, ordering: .relaxed).newValue <= failures {
            throw DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full")
        }
        try TallyHandler().apply(event, in: transaction)
    }
}

/// A tally follower's counts by text.
func tallyCounts(_ service: InProcessService) throws -> [String: Int] {
    try service.host.store.read { db in
        Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT text, count FROM tally").map {
                ($0["text"] as String, $0["count"] as Int)
            })
    }
}

/// A follower's subscription to `ledger`, as its health shows it.
func ledgerSubscription(_ service: InProcessService) throws -> SubscriptionStatus {
    try #require(try service.health().subscriptions.first { $0.source == "ledger" })
}

@Suite("declared following", .timeLimit(.minutes(2)))
struct DeclaredFollowingTests {
    private func counts(_ service: InProcessService) throws -> [String: Int] { try tallyCounts(service) }
    private func status(_ service: InProcessService) throws -> SubscriptionStatus { try ledgerSubscription(service) }

    @Test("a follower declared in a few lines applies a stub source's events once, in order, and reports them in health")
    func declaredFollowerApplies() async throws {
        let ledger = try StubSource("ledger")
        try ledger.publish((0..<40).map { EntryAppended(text: "e\($0 % 4)") })
        let tally = try InProcessService(TallyService(), peers: ["ledger": ledger.endpoints])
        try eventually("caught up") { try status(tally).lastAppliedSeq == 40 }
        try ledger.publish(EntryAppended(text: "live"))
        try eventually("live event applied") { try status(tally).lastAppliedSeq == 41 }
        #expect(try counts(tally) == ["e0": 10, "e1": 10, "e2": 10, "e3": 10, "live": 1])
        #expect(try status(tally).state == .running)
        #expect(try tally.host.store.lastApplied(from: "ledger") == 41)
        await tally.stop()
        await ledger.stop()
    }

    @Test("a failure of the database itself is retried and never stalls, however often it repeats")
    func transientIsNotPoison() async throws {
        let ledger = try StubSource("ledger")
        try ledger.publish([EntryAppended(text: "a"), EntryAppended(text: "b")])
        let handler = FlakyDiskHandler(failures: 5)  // more than maxAttempts (3)
        let tally = try InProcessService(TallyService(handler: handler, maxAttempts: 3), peers: ["ledger": ledger.endpoints])
        var sawStall = false
        try eventually("applied after the disk recovered", timeout: .seconds(60)) {
            let now = try status(tally)
            sawStall = sawStall || now.state == .stalled
            return now.lastAppliedSeq == 2
        }
        #expect(!sawStall)
        #expect(handler.attempts.load(ordering: .relaxed) > 5)
        #expect(try counts(tally) == ["a": 1, "b": 1])
        await tally.stop()
        await ledger.stop()
    }

    @Test("subscriptions.retry answers from the stalled event itself while the catch-up after it is held at the source")
    func retryAnswersDuringCatchUp() async throws {
        let ledger = try StubSource("ledger")
        try ledger.publish([EntryAppended(text: "a"), EntryAppended(text: "poison-1")])
        let tally = try InProcessService(TallyService(maxAttempts: 2), peers: ["ledger": ledger.endpoints])
        try eventually("stalls at seq 2") { try status(tally).stalled?.seq == 2 }
        try ledger.publish((0..<1000).map { EntryAppended(text: "after-\($0 % 10)") })
        // The retry's answer depends on what the follower has heard of the source: once it has
        // heard of these 1,000, resuming means catching up. (It hears of them live while
        // stalled, noting their seqs without applying them.)
        try eventually("the stalled follower hears of the 1,000 events") { try status(tally).sourceLastSeq == 1002 }

        // Hold every replay at the source, cure the poison, and retry.
        ledger.replayGate.close()
        try tally.host.store.write { try $0.db.execute(sql: "INSERT INTO tally (text, count) VALUES ('cure', 1)") }
        let reply = try tally.makeClient(timeout: .seconds(5), retries: 0).call(SubscriptionRetry.self, .init(source: "ledger"))
        #expect(reply.lastAppliedSeq == 2)
        #expect(reply.state == .catchingUp)
        #expect(reply.stalled == nil)
        // The catch-up after the retried event is waiting at the gate, and nothing more applied.
        try eventually("the follower's catch-up waits at the source") { ledger.replayGate.waiting > 0 }
        #expect(try status(tally).lastAppliedSeq == 2)

        ledger.replayGate.open()
        try eventually("caught up after the gate opened") { try status(tally).lastAppliedSeq == 1002 }
        let counts = try counts(tally)
        #expect(counts["poison-1"] == 1 && counts["a"] == 1)
        #expect((0..<10).allSatisfy { counts["after-\($0)"] == 100 })
        await tally.stop()
        await ledger.stop()
    }

    @Test("a retry of an event still refused answers with the stall and its new error")
    func retryStillRefused() async throws {
        let ledger = try StubSource("ledger")
        try ledger.publish(EntryAppended(text: "poison-x"))
        let tally = try InProcessService(TallyService(maxAttempts: 1), peers: ["ledger": ledger.endpoints])
        try eventually("stalled") { try status(tally).state == .stalled }
        ledger.replayGate.close()  // a retry must not need the source
        let reply = try tally.makeClient(timeout: .seconds(5), retries: 0).call(SubscriptionRetry.self, .init(source: "ledger"))
        ledger.replayGate.open()
        #expect(reply.state == .stalled)
        #expect(reply.stalled?.seq == 1)
        #expect(reply.stalled?.attempts == 2)
        #expect(reply.stalled?.error.contains("poison-x") == true)
        await tally.stop()
        await ledger.stop()
    }

    @Test("a subscriber whose sockets cannot be opened stops the service with a WorkerFailure")
    func subscriberSocketsFail() async throws {
        let unreachable = "ipc:///tmp/" + String(repeating: "x", count: 200)  // longer than a socket path may be
        let tally = try InProcessService(TallyService(), peers: ["ledger": PeerEndpoints(commands: unreachable, events: unreachable)])
        let failure = await tally.failure()
        let worker = try #require(failure as? WorkerFailure)
        #expect(worker.worker == "subscription to ledger")
        #expect(worker.reason.contains("cannot open its sockets"))
        #expect(throws: (any Error).self) { try tally.makeClient(timeout: .milliseconds(300), retries: 0).call(Health.self, NoArguments()) }
    }

    @Test("a command loop whose socket fails stops the service with a WorkerFailure instead of answering nothing")
    func commandSocketFails() async throws {
        let ledger = try InProcessService(LedgerService())
        #expect(try ledger.health().status == HealthReport.statusOK)
        ledger.host.context.terminate()  // every socket of the service now fails with ETERM
        let failure = await ledger.failure()
        #expect(failure is WorkerFailure)
        #expect(throws: (any Error).self) {
            try ledger.makeClient(timeout: .milliseconds(300), retries: 0).call(Health.self, NoArguments())
        }
    }

    @Test("followed endpoints: flag, then environment, then default; an empty value is unset; a bad one is refused (78)")
    func peerEndpointResolution() throws {
        let environment = [
            "ODOP_LEDGER_COMMANDS": "tcp://10.0.0.1:1", "ODOP_CATALOGUE_COMMANDS": "tcp://127.0.0.9:7101", "ODOP_CATALOGUE_EVENTS": "",
        ]
        let options = try ServiceOptions.parse(["--catalogue-events", "tcp://127.0.0.8:7102"])
        let configuration = try options.resolve(service: "exports", following: ["catalogue"], environment: environment)
        #expect(configuration.peer("catalogue") == PeerEndpoints(commands: "tcp://127.0.0.9:7101", events: "tcp://127.0.0.8:7102"))
        let empty = try ServiceOptions.parse(["--catalogue-commands", ""]).resolve(
            service: "exports", following: ["catalogue"], environment: ["ODOP_CATALOGUE_EVENTS": ""])
        #expect(empty.peer("catalogue") == PeerEndpoints.local("catalogue"))
        for bad in ["127.0.0.1:7101", "tcp://127.0.0.1", "tcp://127.0.0.1:99999", "http://x:1"] {
            #expect(throws: StartupError.self) {
                try ServiceOptions.parse(["--catalogue-commands", bad]).resolve(
                    service: "exports", following: ["catalogue"], environment: [:])
            }
            let options = try ServiceOptions.parse(["--catalogue-commands", bad])
            do {
                _ = try options.resolve(service: "exports", following: ["catalogue"], environment: [:])
            } catch {
                #expect(error.exitCode == 78)
            }
        }
        // A service that follows nothing does not read or validate peers.
        #expect(
            try ServiceOptions.parse(["--catalogue-commands", "nonsense"]).resolve(service: "catalogue", environment: [:]).peers.isEmpty)
    }
}
