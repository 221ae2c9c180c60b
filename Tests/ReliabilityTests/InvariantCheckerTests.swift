import Foundation
import GRDB
import ODOPMessages
import ODOPTesting
import Testing

/// The checker itself can fail: on a copy of a clean run's data it finds nothing, and each fault
/// seeded into another copy (a duplicate delivery, a product missing from its plan, a seq gap, a
/// lost acknowledged write) is reported as what it is.
@Suite("invariant checker", .serialized, .timeLimit(.minutes(5)))
struct InvariantCheckerTests {
    @Test("reports a seeded duplicate delivery, a missing plan, a seq gap and a lost write; nothing on the clean copy")
    func reportsSeededFaults() throws {
        let cluster = try ReliabilityCluster(isolated: false)
        defer { cluster.close() }
        try cluster.startAll()
        let log = try CommandLog(url: cluster.root.file("commands.jsonl"))
        let load = try LoadGenerator(cluster: cluster, log: log)
        try load.setUp(districtCount: 3)
        let burst = load.burst(12)
        try eventually("the products were registered", timeout: .seconds(120)) { burst.isFinished }
        try cluster.waitUntilSettled()
        cluster.stopAll()
        #expect(cluster.unexpectedExits.isEmpty)
        let writes = try CommandLog.writes(in: log.url)
        #expect(writes.filter { $0.command == "product.register" }.count == 12)

        let clean = try cluster.copyDatabases()
        let checker = { (databases: [String: String]) in
            InvariantChecker(databases: databases, acknowledged: writes, deliverySubscriptions: load.deliverySubscriptions)
        }
        let none = try checker(clean.databases).check()
        #expect(none.isEmpty, "\(none)")

        let seeded = try cluster.copyDatabases()
        let notifications = try DatabaseQueue(path: seeded.databases["notifications"]!)
        try notifications.write { db in
            try db.execute(
                sql: """
                    INSERT INTO notification_deliveries (id, subscription_id, event_id, type, status, attempts, created_at, body)
                    SELECT 'msg_seeded_duplicate', subscription_id, event_id, type, status, attempts, created_at, body
                    FROM notification_deliveries WHERE subscription_id = ? AND event_id IS NOT NULL LIMIT 1
                    """, arguments: [load.deliverySubscriptions[0]])
        }
        try notifications.close()
        let lostRequest = writes.first { $0.command == "product.register" }!
        let exports = try DatabaseQueue(path: seeded.databases["exports"]!)
        let unplanned = try exports.write { db in
            let product = try String.fetchOne(
                db, sql: "SELECT product_id FROM plan_products WHERE product_id <> ? LIMIT 1", arguments: [lostRequest.effect.match["id"]!])
            try db.execute(sql: "DELETE FROM plan_products WHERE product_id = ?", arguments: [product])
            return product
        }
        try exports.close()
        let catalogue = try DatabaseQueue(path: seeded.databases["catalogue"]!)
        try catalogue.write { db in
            try db.execute(sql: "DELETE FROM odop_events WHERE seq = 2")  // a district event: no delivery follows it
            try db.execute(sql: "DELETE FROM products WHERE id = ?", arguments: [lostRequest.effect.match["id"]!])
        }
        try catalogue.close()

        let found = try checker(seeded.databases).check()
        let kinds = Set(found.map(\.kind))
        #expect(kinds.contains(.duplicateDelivery), "\(found)")
        #expect(found.contains { $0.kind == .missingPlan && $0.detail == unplanned }, "\(found)")
        #expect(found.contains { $0.kind == .seqGap && $0.detail.hasPrefix("catalogue: seq 3 follows 1") }, "\(found)")
        #expect(found.contains { $0.kind == .lostWrite && $0.detail.contains(lostRequest.requestId) }, "\(found)")
        #expect(found.filter { $0.kind == .duplicateDelivery }.count == 1)
    }
}
