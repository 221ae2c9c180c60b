import Foundation
import GRDB
import ODOPClient
import ODOPMessages
import ODOPRuntime
import ODOPTesting
import Synchronization
import Testing

// A small service for the writer's group commit: `grouped.append` inserts its text and emits an
// event, then refuses texts starting with "fail" (after its insert and emit, so that a rollback
// has something to undo).

struct GroupedEntryAppended: EventPayload, Equatable {
    static let eventType = "grouped.entry.appended"
    static let schemaVersion = 1
    var text: String
}

enum GroupedAppend: CommandSchema {
    static let name = "grouped.append"
    static let isMutating = true
    struct Arguments: Codable, Sendable { var text: String }
    struct Result: Codable, Sendable, Equatable { var seq: Int64 }
}

enum GroupedContents: CommandSchema {
    typealias Arguments = NoArguments
    static let name = "grouped.contents"
    static let isMutating = false
    struct Result: Codable, Sendable { var texts: [String] }
}

struct GroupedService: ServiceDefinition {
    let name = "grouped"
    let version = "test"
    var migrations: [ServiceMigration] {
        [ServiceMigration("grouped-v1") { db in try db.execute(sql: "CREATE TABLE entries (text TEXT NOT NULL)") }]
    }

    func registerCommands(in registry: inout CommandRegistry) {
        registry.write(GroupedAppend.self) { args, tx in
            try tx.db.execute(sql: "INSERT INTO entries (text) VALUES (?)", arguments: [args.text])
            let seq = try tx.emit(GroupedEntryAppended(text: args.text)).seq
            if args.text.hasPrefix("fail") { throw CommandError.conflict("\(args.text) is refused after its insert") }
            return .init(seq: seq)
        }
        registry.read(GroupedContents.self) { _, ctx in
            .init(texts: try String.fetchAll(ctx.db, sql: "SELECT text FROM entries ORDER BY rowid"))
        }
    }
}

@Suite("group commit", .timeLimit(.minutes(2)))
struct GroupCommitTests {
    /// Sends `requests` at once, each from a client of its own on a thread of its own; the
    /// replies land in `replies` by index.
    private func sendConcurrently(_ requests: [CommandRequest], to service: InProcessService, into replies: ReplyBox) throws {
        for (index, request) in requests.enumerated() {
            let client = try service.makeClient(timeout: .seconds(60), retries: 0)
            Thread {
                let reply: CommandReply
                do throws(CommandError) { reply = try client.send(request) } catch { reply = .failure(id: request.id, error: error) }
                replies.put(index, reply)
            }.start()
        }
    }

    @Test(
        "queued writes commit as one group: a failing command rolls back alone (no events, no seq gap), a duplicate id gets the first reply, no reply leaves before the commit, reads go on meanwhile"
    )
    func groupKeepsEveryPerCommandGuarantee() async throws {
        let gate = Gate()
        gate.close()
        let sizes = GroupSizes()
        let service = try InProcessService(
            GroupedService(),
            hooks: RuntimeHooks(
                groupAtLeast: 4,
                beforeCommit: { size in
                    sizes.append(size)
                    gate.pass()
                }))
        defer {
            Task {
                gate.open()
                await service.stop()
            }
        }
        let requests = [
            try CommandRequest.make(id: "first", command: GroupedAppend.name, args: GroupedAppend.Arguments(text: "a")),
            try CommandRequest.make(id: "refused", command: GroupedAppend.name, args: GroupedAppend.Arguments(text: "fail-b")),
            try CommandRequest.make(id: "third", command: GroupedAppend.name, args: GroupedAppend.Arguments(text: "c")),
            try CommandRequest.make(id: "first", command: GroupedAppend.name, args: GroupedAppend.Arguments(text: "a")),
        ]
        let replies = ReplyBox()
        try sendConcurrently(requests, to: service, into: replies)
        try eventually("the group is held at its commit") { gate.waiting == 1 }
        #expect(sizes.all == [3], "one group of the three distinct ids")

        // Held: reads are answered (and see nothing uncommitted); no write has its reply.
        let reader = try service.makeClient()
        #expect(try reader.call(GroupedContents.self, NoArguments()).texts.isEmpty)
        #expect(try reader.call(EventsReplay.self, .init(after: 0)).events.isEmpty)
        #expect(try reader.call(Health.self, NoArguments()).lastSeq == 0)
        #expect(replies.count == 0, "no reply leaves while the commit is held")

        gate.open()
        try eventually("every command answered") { replies.count == 4 }
        let answered = replies.all
        #expect(answered[0]?.isSuccess == true)
        #expect(answered[3] == answered[0], "the duplicate id gets the first one's reply")
        #expect(answered[1]?.error?.code == .conflict)
        #expect(answered[2]?.isSuccess == true)
        let seqs = try [0, 2].map { try #require(answered[$0]).result(as: GroupedAppend.Result.self).seq }
        #expect(Set(seqs) == [1, 2], "the refused command used no seq")

        #expect(Set(try reader.call(GroupedContents.self, NoArguments()).texts) == ["a", "c"])
        let events = try reader.call(EventsReplay.self, .init(after: 0))
        #expect(events.events.map(\.seq) == [1, 2])
        #expect(Set(try events.events.map { try $0.decodeData(GroupedEntryAppended.self).text }) == ["a", "c"])
        #expect(Set(events.events.compactMap(\.correlationId)) == ["first", "third"])
        #expect(events.lastSeq == 2)
        #expect(sizes.all == [3])
    }

    @Test("a write held at its commit does not hold reads, and is answered once committed")
    func readsGoOnWhileAWriteIsHeld() async throws {
        let gate = Gate()
        gate.close()
        let service = try InProcessService(GroupedService(), hooks: RuntimeHooks(beforeCommit: { _ in gate.pass() }))
        defer {
            Task {
                gate.open()
                await service.stop()
            }
        }
        let replies = ReplyBox()
        try sendConcurrently(
            [try CommandRequest.make(id: "held", command: GroupedAppend.name, args: GroupedAppend.Arguments(text: "held"))], to: service,
            into: replies)
        try eventually("the write is held at its commit") { gate.waiting == 1 }
        let reader = try service.makeClient()
        for _ in 0..<20 {
            #expect(try reader.call(GroupedContents.self, NoArguments()).texts.isEmpty)
        }
        #expect(replies.count == 0)
        gate.open()
        try eventually("the write answered") { replies.count == 1 }
        #expect(try replies.all[0]?.result(as: GroupedAppend.Result.self).seq == 1)
        #expect(try reader.call(GroupedContents.self, NoArguments()).texts == ["held"])
    }

    @Test("a lone write is applied at once, in a group of one")
    func loneWriteNeverWaits() async throws {
        let sizes = GroupSizes()
        let service = try InProcessService(GroupedService(), hooks: RuntimeHooks(beforeCommit: { sizes.append($0) }))
        defer { Task { await service.stop() } }
        let client = try service.makeClient()
        for text in ["x", "y", "z"] {
            _ = try client.call(GroupedAppend.self, .init(text: text))
        }
        #expect(sizes.all == [1, 1, 1])
        #expect(try client.call(GroupedContents.self, NoArguments()).texts == ["x", "y", "z"])
    }

    @Test(
        "plain commands that change data, all waiting (as for the write lock), never hold up reads: more of them than read threads, and a read is still answered"
    )
    func waitingChangesLeaveReadsAnswered() async throws {
        let gate = Gate()
        gate.close()
        let routed = Atomic<Int>(0)
        let service = try InProcessService(
            LedgerService(hold: gate),
            hooks: RuntimeHooks(beforeCommand: { if $0 == LedgerHold.name { routed.add(1, ordering: .relaxed) } }))
        defer {
            Task {
                gate.open()
                await service.stop()
            }
        }
        let holds = 5  // more than the read threads (at most 4)
        let replies = ReplyBox()
        try sendConcurrently(
            (0..<holds).map { CommandRequest(id: "hold-\($0)", command: LedgerHold.name) }, to: service,
            into: replies)
        try await eventuallyAsync("every hold routed and one waiting") { routed.load(ordering: .relaxed) == holds && gate.waiting >= 1 }
        #expect(try service.makeClient(timeout: .seconds(10), retries: 0).call(LedgerCount.self, NoArguments()).entries == 0)
        #expect(replies.count == 0)
        gate.open()
        try await eventuallyAsync("every hold answered") { replies.count == holds }
        #expect(replies.all.values.allSatisfy { $0.isSuccess })
    }
}

/// Replies by request index, filled from client threads.
final class ReplyBox: Sendable {
    private let replies = Mutex<[Int: CommandReply]>([:])

    func put(_ index: Int, _ reply: CommandReply) { replies.withLock { $0[index] = reply } }
    var count: Int { replies.withLock { $0.count } }
    var all: [Int: CommandReply] { replies.withLock { $0 } }
}

/// The sizes of the groups that reached their commit, in order.
final class GroupSizes: Sendable {
    private let sizes = Mutex<[Int]>([])

    func append(_ size: Int) { sizes.withLock { $0.append(size) } }
    var all: [Int] { sizes.withLock { $0 } }
}
