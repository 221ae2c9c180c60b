import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Synchronization
import Testing

/// Group commit in the real `odop-catalogue` process, held and killed with SIGKILL mid-group
/// through its `ODOP_TEST_*` hooks.
@Suite("group commit in a process", .timeLimit(.minutes(3)))
struct GroupCommitProcessTests {
    private func register(_ name: String) -> ProductRegister.Arguments {
        .init(state: "Bihar", district: "Bhagalpur", name: name, sector: "textile")
    }

    /// Sends each (id, product name) from a client of its own, at once; acknowledged ids land in
    /// `acknowledged`.
    private func registerConcurrently(_ products: [(String, String)], endpoint: String, acknowledged: AcknowledgedIDs) -> [Thread] {
        products.map { id, name in
            let arguments = register(name)
            let thread = Thread {
                guard let client = try? CommandClient(endpoint: endpoint, options: .init(timeout: .seconds(10), retries: 0)),
                    (try? client.call(ProductRegister.self, arguments, id: id)) != nil
                else { return }
                acknowledged.add(id)
            }
            thread.start()
            return thread
        }
    }

    @Test(
        "after a SIGKILL while a group's commit is held, every acknowledged command is there exactly once and each unacknowledged one wholly or not at all"
    )
    func sigkillDuringAHeldGroup() async throws {
        let data = TemporaryDirectory()
        let setup = try ServiceProcess("catalogue", dataDirectory: data.path).start()
        _ = try setup.client().call(DistrictRegister.self, .init(state: "Bihar", name: "Bhagalpur"))
        #expect(setup.stop() == 0)

        // Groups of 3; the first commits, the second is held at its commit until the kill.
        let catalogue = try ServiceProcess(
            "catalogue", dataDirectory: data.path,
            environment: ["ODOP_TEST_GROUP_AT_LEAST": "3", "ODOP_TEST_HOLD_COMMIT_AFTER_GROUPS": "1"]
        ).start()
        let acknowledged = AcknowledgedIDs()
        let first = [("p1", "Silk 1"), ("p2", "Silk 2"), ("p3", "Silk 3")]
        _ = registerConcurrently(first, endpoint: catalogue.commandsEndpoint, acknowledged: acknowledged)
        try eventually("the first group is acknowledged") { acknowledged.all.count == 3 }
        let second = [("p4", "Silk 4"), ("p5", "Silk 5"), ("p6", "Silk 6")]
        let held = registerConcurrently(second, endpoint: catalogue.commandsEndpoint, acknowledged: acknowledged)
        try eventually("the second group is held at its commit") {
            catalogue.logText().contains("holding the commit of group 2 (3 commands)")
        }
        #expect(acknowledged.all == ["p1", "p2", "p3"], "no reply leaves while the commit is held")
        catalogue.kill()
        #expect(catalogue.wasKilledBySignal)
        try eventually("the held clients gave up") { held.allSatisfy(\.isFinished) }

        let restarted = try ServiceProcess("catalogue", dataDirectory: data.path).start()
        defer { restarted.stop() }
        let client = try restarted.client()
        let acked = acknowledged.all
        var products = try client.call(ProductSearch.self, .init(limit: 1000)).items
        var events = try client.call(EventsReplay.self, .init(after: 0, limit: 1000))
        #expect(events.events.map { $0.seq ?? 0 } == Array(1...events.lastSeq), "no seq gap")
        for (id, name) in first + second {
            let stored = products.filter { $0.name == name }.count
            let emitted = events.events.filter { $0.type == ProductRegistered.eventType && $0.correlationId == id }.count
            if acked.contains(id) {
                #expect(stored == 1 && emitted == 1, "\(id) was acknowledged: its product and its event, once")
            } else {
                #expect(stored == emitted && stored <= 1, "\(id) is wholly there or wholly absent")
            }
        }
        // A retry of every id now: applied once at most, whatever the kill left.
        for (id, name) in first + second {
            _ = try client.call(ProductRegister.self, register(name), id: id)
        }
        products = try client.call(ProductSearch.self, .init(limit: 1000)).items
        events = try client.call(EventsReplay.self, .init(after: 0, limit: 1000))
        for (_, name) in first + second {
            #expect(products.filter { $0.name == name }.count == 1, "\(name) once")
        }
        #expect(events.events.filter { $0.type == ProductRegistered.eventType }.count == 6)
    }
}

/// Request ids acknowledged so far, from client threads.
final class AcknowledgedIDs: Sendable {
    private let ids = Mutex<Set<String>>([])

    func add(_ id: String) { ids.withLock { _ = $0.insert(id) } }
    var all: Set<String> { ids.withLock { $0 } }
}
