import Foundation
import ODOPClient
import ODOPMessages
import ODOPRuntime
import ODOPTesting
import Testing
import ZeroMQ

@Suite("command server", .timeLimit(.minutes(2)))
struct CommandServerTests {
    @Test("a command retried with the same id is applied once, also after a restart")
    func idempotentRetries() async throws {
        let dir = TemporaryDirectory()
        var ledger = try InProcessService(LedgerService(), dataDirectory: dir.path)
        let request = try CommandRequest.make(id: "retry-me", command: LedgerAppend.name, args: LedgerAppend.Arguments(texts: ["once"]))
        let first = try ledger.makeClient().send(request)
        let second = try ledger.makeClient().send(request)
        #expect(first.isSuccess)
        #expect(first == second)
        #expect(try ledger.makeClient().call(LedgerCount.self, NoArguments()).entries == 1)
        #expect(try ledger.host.store.lastSeq() == 1)

        await ledger.stop()
        ledger = try InProcessService(LedgerService(), dataDirectory: dir.path)
        let third = try ledger.makeClient().send(request)
        #expect(third == first)
        #expect(try ledger.makeClient().call(LedgerCount.self, NoArguments()).entries == 1)
        #expect(try ledger.host.store.lastSeq() == 1)
        await ledger.stop()
    }

    @Test("a refused command changes nothing and emits nothing")
    func refusedCommandChangesNothing() async throws {
        let ledger = try InProcessService(LedgerService())
        let client = try ledger.makeClient()
        let reply = try client.send(CommandRequest(id: "empty", command: LedgerAppend.name, args: ["texts": []]))
        #expect(reply.error?.code == .invalidArgument)
        #expect(reply.error?.field == "texts")
        let wrongType = try client.send(CommandRequest(id: "wrong", command: LedgerAppend.name, args: ["texts": "x"]))
        #expect(wrongType.error?.code == .invalidArgument)
        #expect(wrongType.error?.field == "texts")
        #expect(try ledger.host.store.lastSeq() == 0)
        #expect(try client.call(LedgerCount.self, NoArguments()).entries == 0)
        await ledger.stop()
    }

    @Test("a client facing a stopped server gets unavailable after its retries, in bounded time")
    func unavailable() throws {
        let endpoint = FreePort.endpoint()
        let client = try CommandClient(endpoint: endpoint, options: .init(timeout: .milliseconds(200), retries: 2))
        let clock = ContinuousClock()
        let start = clock.now
        #expect {
            try client.call(Health.self, NoArguments())
        } throws: { error in
            guard let error = error as? CommandError else { return false }
            return error.code == .unavailable && error.message.contains(endpoint)
        }
        #expect(clock.now - start < .seconds(10))
    }

    @Test("garbage, wrong frame counts, oversized and invalid JSON frames get error replies; the service keeps serving")
    func malformedInput() async throws {
        let ledger = try InProcessService(LedgerService())
        let context = try ZMQContext()
        defer { context.terminate() }

        func viaREQ(_ frame: Data) throws -> CommandReply {
            let req = try context.socket(.req)
            defer { req.close() }
            try req.set(.receiveTimeout(milliseconds: 10_000))
            try req.connect(ledger.commandsEndpoint)
            try req.send(frame)
            let reply = try #require(try req.receive(), "no reply")
            return try CommandReply.parse(reply)
        }

        #expect(try viaREQ(Data("this is not json".utf8)).error?.code == .invalidJSON)
        #expect(try viaREQ(Data([0xff, 0xfe, 0x00, 0x7b])).error != nil)
        #expect(try viaREQ(Data("[1,2]".utf8)).error?.code == .invalidRequest)
        #expect(try viaREQ(Data("{\"id\":\"x\"}".utf8)).error?.code == .invalidRequest)
        #expect(try viaREQ(Data("{\"id\":\"x2\",\"command\":7,\"args\":{}}".utf8)).error?.field == "command")
        let unknown = try viaREQ(Data("{\"id\":\"u\",\"command\":\"no.such\",\"args\":{}}".utf8))
        #expect(unknown.error?.code == .unknownCommand)
        #expect(unknown.id == "u")
        let badArg = try viaREQ(Data("{\"id\":\"r\",\"command\":\"events.replay\",\"args\":{\"after\":\"zero\"}}".utf8))
        #expect(badArg.error?.code == .invalidArgument)
        #expect(badArg.error?.field == "after")
        #expect(try viaREQ(Data()).error?.code == .invalidJSON)

        // 10 MB: above the 4 MiB command limit, below the hard limit: an error reply.
        let big = try viaREQ(Data(repeating: UInt8(ascii: "a"), count: 10_000_000))
        #expect(big.error?.code == .invalidRequest)
        #expect(big.error?.message.contains("exceeds") == true)

        // Wrong frame counts from a DEALER: with and without the empty delimiter.
        let dealer = try context.socket(.dealer)
        defer { dealer.close() }
        try dealer.set(.receiveTimeout(milliseconds: 10_000))
        try dealer.connect(ledger.commandsEndpoint)
        try dealer.send(multipart: [Data(), Data("{}".utf8), Data("unexpected extra frame".utf8)])
        let extra = try #require(try dealer.receiveMultipart())
        #expect(extra.count == 2 && extra[0].isEmpty)
        #expect(try CommandReply.parse(extra[1]).error?.code == .invalidRequest)
        try dealer.send(Data("{\"id\":\"nodelim\",\"command\":\"health\",\"args\":{}}".utf8))
        let noDelimiter = try #require(try dealer.receiveMultipart())
        #expect(noDelimiter.count == 1)
        #expect(try CommandReply.parse(noDelimiter[0]).isSuccess)

        // And it still serves.
        #expect(try ledger.health().status == HealthReport.statusOK)
        _ = try ledger.makeClient().call(LedgerAppend.self, .init(texts: ["still works"]))
        #expect(try ledger.host.store.lastSeq() == 1)
        await ledger.stop()
    }

    @Test("events.replay pages in order; health reports lastSeq; heartbeats carry lastSeq and no seq")
    func replayAndHeartbeat() async throws {
        let ledger = try InProcessService(LedgerService())
        let recorder = try EventRecorder(endpoint: ledger.eventsEndpoint)
        _ = try ledger.makeClient().call(LedgerAppend.self, .init(texts: (0..<25).map { "t\($0)" }))
        let client = try ledger.makeClient()
        var after: Int64 = 0
        var seqs: [Int64] = []
        while true {
            let page = try client.call(EventsReplay.self, .init(after: after, limit: 10))
            #expect(page.lastSeq == 25)
            guard let last = page.events.last?.seq else { break }
            #expect(page.events.count <= 10)
            seqs += page.events.compactMap(\.seq)
            after = last
        }
        #expect(seqs == Array(1...25))
        #expect(try ledger.health().lastSeq == 25)
        #expect(throws: CommandError.self) { try client.call(EventsReplay.self, .init(after: -1)) }
        #expect(throws: CommandError.self) { try client.call(EventsReplay.self, .init(after: 0, limit: 0)) }

        try eventually("a heartbeat with lastSeq 25 arrives") {
            recorder.envelopes.contains { $0.heartbeat?.lastSeq == 25 }
        }
        let heartbeat = try #require(recorder.envelopes.first { $0.isHeartbeat })
        #expect(heartbeat.seq == nil)
        #expect(heartbeat.type == "ledger.heartbeat")
        recorder.stop()
        await ledger.stop()
    }
}
