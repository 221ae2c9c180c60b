import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Synchronization
import Testing
import ZeroMQ

@testable import ODOPRuntime

// A subscriber's transaction must never hold the service for long: a slow catch-up page is
// committed in parts, and the commands that wait behind it (an admin's retry on the lane of
// plain commands that change data) do not hold up the refusal of bad ones.

/// Tallies like `TallyHandler`, but takes longer than the subscriber's transaction budget on an
/// entry "slow" and waits at `gate` on an entry "hold" (its transaction open) until the test
/// opens it.
final class HeldHandler: EventHandler, Sendable {
    let gate = DispatchSemaphore(value: 0)
    let holding = Atomic<Bool>(false)

    func apply(_ event: EventEnvelope, in transaction: ServiceTransaction) throws {
        let entry = try event.decodeData(EntryAppended.self)
        switch entry.text {
        case "slow":
            Thread.sleep(forTimeInterval: Double(DurableSubscriber.transactionBudget.components.attoseconds) / 1e18 + 0.05)
        case "hold":
            holding.store(true, ordering: .sequentiallyConsistent)
            gate.wait()
            holding.store(false, ordering: .sequentiallyConsistent)
        default:
            break
        }
        try TallyHandler().apply(event, in: transaction)
    }
}

@Suite("the subscriber's transactions", .timeLimit(.minutes(2)))
struct SubscriberTransactionTests {
    @Test("a page that takes longer than the transaction budget is committed in parts, each event exactly once")
    func longPageCommitsInParts() async throws {
        let ledger = try StubSource("ledger")
        try ledger.publish(["a", "slow", "hold", "b", "c"].map { EntryAppended(text: $0) })
        let handler = HeldHandler()
        let tally = try InProcessService(TallyService(handler: handler), peers: ["ledger": ledger.endpoints])
        try eventually("the handler holds its transaction at seq 3") { handler.holding.load(ordering: .sequentiallyConsistent) }
        // The events before the held one, past the budget, are committed with the cursor already.
        try eventually("seqs 1 and 2 committed while seq 3 is held") { try tally.host.store.lastApplied(from: "ledger") == 2 }
        handler.gate.signal()
        try eventually("the rest applied") { try tally.host.store.lastApplied(from: "ledger") == 5 }
        let counts = try tally.host.store.read { db in
            try Int.fetchOne(db, sql: "SELECT SUM(count) FROM tally") ?? 0
        }
        #expect(counts == 5)
        await tally.stop()
        await ledger.stop()
    }

    @Test("a plain command that changes data with wrong-typed arguments is refused at once while its lane waits on the subscriber")
    func badArgumentsRefusedWhileLaneWaits() async throws {
        let ledger = try StubSource("ledger")
        try ledger.publish(["a", "hold", "b"].map { EntryAppended(text: $0) })
        let handler = HeldHandler()
        let tally = try InProcessService(TallyService(handler: handler), peers: ["ledger": ledger.endpoints])
        try eventually("the handler holds its transaction") { handler.holding.load(ordering: .sequentiallyConsistent) }

        // On one connection, so they reach the command thread in this order: a well-formed retry,
        // which takes the lane and waits for the subscriber's transaction, then a bad one.
        let context = try ZMQContext()
        defer { context.terminate() }
        let dealer = try context.socket(.dealer)
        defer { dealer.close() }
        try dealer.set(.linger(milliseconds: 0), .receiveTimeout(milliseconds: 10_000))
        try dealer.connect(tally.commandsEndpoint)
        try dealer.send(multipart: [Data(), Data(#"{"id":"good","command":"subscriptions.retry","args":{"source":"ledger"}}"#.utf8)])
        try dealer.send(multipart: [Data(), Data(#"{"id":"bad","command":"subscriptions.retry","args":{"source":5}}"#.utf8)])

        // The bad one is answered while the first still waits.
        let first = try #require(try dealer.receiveMultipart(), "no reply while the lane waits on the subscriber")
        let reply = try CommandReply.parse(first[1])
        #expect(reply.id == "bad")
        #expect(reply.error?.code == .invalidArgument)
        #expect(reply.error?.field == "source")
        let stillHeld = handler.holding.load(ordering: .sequentiallyConsistent)
        #expect(stillHeld)

        handler.gate.signal()
        let second = try #require(try dealer.receiveMultipart(), "the waiting retry is answered once the transaction ends")
        #expect(try CommandReply.parse(second[1]).id == "good")
        try eventually("the rest applied") { try tally.host.store.lastApplied(from: "ledger") == 3 }
        await tally.stop()
        await ledger.stop()
    }
}
