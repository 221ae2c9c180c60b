import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Synchronization
import Testing

/// The real executables as processes: crashes, signals, exit codes.
@Suite("service processes", .timeLimit(.minutes(3)))
struct ProcessLifecycleTests {
    private func replayAll(_ client: CommandClient) throws -> (events: [EventEnvelope], lastSeq: Int64) {
        var events: [EventEnvelope] = []
        var after: Int64 = 0
        var lastSeq: Int64 = 0
        while true {
            let page = try client.call(EventsReplay.self, .init(after: after, limit: 1000))
            lastSeq = page.lastSeq
            guard let last = page.events.last?.seq else { break }
            events += page.events
            after = last
        }
        return (events, lastSeq)
    }

    @Test("a publisher killed with SIGKILL mid-burst loses no committed event; seq continues without a gap after restart")
    func sigkillMidBurst() async throws {
        let data = TemporaryDirectory()
        let catalogue = try ServiceProcess("catalogue", dataDirectory: data.path).start()
        let setup = try catalogue.client()
        _ = try setup.call(DistrictRegister.self, .init(state: "Bihar", name: "Bhagalpur"))

        // A writer acknowledges products as fast as it can, until the service dies under it.
        let acknowledged = Mutex<[String]>([])
        let endpoint = catalogue.commandsEndpoint
        let writer = Thread {
            guard let client = try? CommandClient(endpoint: endpoint, options: .init(timeout: .seconds(1), retries: 0)) else { return }
            for i in 0..<100_000 {
                guard
                    let product = try? client.call(
                        ProductRegister.self,
                        .init(
                            state: "Bihar", district: "Bhagalpur", name: "Silk \(i)", sector: "textile"))
                else { return }
                acknowledged.withLock { $0.append(product.id) }
            }
        }
        writer.start()
        try eventually("the burst is under way") { acknowledged.withLock { $0.count } >= 300 }
        catalogue.kill()
        #expect(catalogue.wasKilledBySignal)
        try eventually("the writer noticed") { writer.isFinished }
        let acked = acknowledged.withLock { $0 }

        let restarted = try ServiceProcess("catalogue", dataDirectory: data.path).start()
        defer { restarted.stop() }
        let client = try restarted.client()
        let (events, lastSeq) = try replayAll(client)
        #expect(events.map { $0.seq ?? 0 } == Array(1...lastSeq))
        let registered = Set(try events.filter { $0.type == ProductRegistered.eventType }.map { try $0.decodeData(ProductRecord.self).id })
        #expect(acked.allSatisfy(registered.contains), "every acknowledged product has its event")
        // No change without its event: the products stored are exactly those with events.
        let stored = try client.call(ProductSearch.self, .init(limit: 1000)).total
        #expect(stored == registered.count)
        #expect(registered.count >= acked.count)

        let next = try client.call(
            ProductRegister.self, .init(state: "Bihar", district: "Bhagalpur", name: "After restart", sector: "textile"))
        let (_, afterSeq) = try replayAll(client)
        #expect(afterSeq == lastSeq + 1)
        let tail = try client.call(EventsReplay.self, .init(after: lastSeq))
        #expect(try tail.events.first?.decodeData(ProductRecord.self).id == next.id)
    }

    @Test("SIGTERM stops a service cleanly with exit code 0 within a few seconds")
    func sigtermExitsZero() throws {
        let catalogue = try ServiceProcess("catalogue").start()
        _ = try catalogue.client().call(DistrictRegister.self, .init(state: "Goa", name: "North Goa"))
        let clock = ContinuousClock()
        let start = clock.now
        let status = catalogue.stop(timeout: .seconds(10))
        #expect(status == 0)
        #expect(clock.now - start < .seconds(10))
        #expect(catalogue.logText().contains("stopped"))
    }

    @Test("startup failures exit with codes that say why: port in use 69, bad configuration 78, unusable data directory 73")
    func startupExitCodes() throws {
        let first = try ServiceProcess("catalogue").start()
        defer { first.stop() }

        let clash = ServiceProcess("catalogue", commandsEndpoint: first.commandsEndpoint)
        try clash.start(waitForHealth: .zero)
        #expect(clash.waitForExit(timeout: .seconds(20)))
        #expect(clash.exitStatus == 69)
        #expect(clash.logText().contains("address already in use"))

        let badConfig = ServiceProcess("catalogue", environment: ["ODOP_HEARTBEAT_MS": "often"])
        try badConfig.start(waitForHealth: .zero)
        #expect(badConfig.waitForExit(timeout: .seconds(20)))
        #expect(badConfig.exitStatus == 78)
        #expect(badConfig.logText().contains("ODOP_HEARTBEAT_MS"))

        let file = TemporaryDirectory()
        let blocker = file.file("not-a-directory")
        #expect(FileManager.default.createFile(atPath: blocker.path, contents: Data("x".utf8)))
        let badData = ServiceProcess("catalogue", environment: ["ODOP_DATA_DIR": blocker.appendingPathComponent("data").path])
        try badData.start(waitForHealth: .zero)
        #expect(badData.waitForExit(timeout: .seconds(20)))
        #expect(badData.exitStatus == 73)
    }
}
