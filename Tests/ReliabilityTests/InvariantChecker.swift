import Foundation
import GRDB

/// Checks, on the services' databases after a run (copies of them: the checker never opens a
/// live service's files), that nothing was lost and nothing applied twice:
///
/// - every write the load generator logged as acknowledged left exactly one row where it must
///   (`AcknowledgedWrite.effect`) and exactly its number of events (by `correlationId`);
/// - every service's event log has seqs 1...N without a gap;
/// - every subscriber's cursor stands at its source's last seq, not stalled;
/// - exports: every active catalogue product is in exactly one open plan, no retired one in any;
/// - training (and notifications): their catalogue copy holds every catalogue product, at the
///   catalogue's version and status;
/// - notifications: every `catalogue.product.*` event has exactly one delivery for each of the
///   subscriptions that follow every product event, and no delivery is for an unknown event;
/// - the run's own findings, given to it: services that exited without being told to, and
///   replies that were `internal`.
struct InvariantChecker {
    /// Each service's database file, by service name.
    var databases: [String: String]
    var acknowledged: [AcknowledgedWrite]
    /// Subscriptions that must get one delivery per catalogue product event.
    var deliverySubscriptions: [String]
    var unexpectedExits: [String] = []
    var internalReplies: [String] = []

    enum Kind: String, Sendable, CaseIterable {
        case lostWrite = "lost write"
        case doubledWrite = "doubled write"
        case wrongEventCount = "wrong event count"
        case seqGap = "seq gap"
        case cursorBehind = "cursor not at the source's last seq"
        case missingPlan = "product in no open plan"
        case duplicatePlan = "product in more than one open plan"
        case retiredInPlan = "retired product in an open plan"
        case copyMismatch = "catalogue copy differs"
        case missingDelivery = "missing delivery"
        case duplicateDelivery = "duplicate delivery"
        case strayDelivery = "delivery for an unknown event"
        case unexpectedExit = "unexpected exit"
        case internalReply = "internal reply"
        case integrity = "integrity_check failed"
    }

    struct Violation: Sendable, CustomStringConvertible {
        var kind: Kind
        var detail: String
        var description: String { "\(kind.rawValue): \(detail)" }
    }

    func check() throws -> [Violation] {
        var violations = unexpectedExits.map { Violation(kind: .unexpectedExit, detail: $0) }
        violations += internalReplies.map { Violation(kind: .internalReply, detail: $0) }
        var queues: [String: DatabaseQueue] = [:]
        for (service, path) in databases { queues[service] = try DatabaseQueue(path: path) }
        defer { for queue in queues.values { try? queue.close() } }

        for (service, queue) in queues.sorted(by: { $0.key < $1.key }) {
            violations += try queue.read { db in try integrity(service, db) + seqs(service, db) }
        }
        violations += try acknowledgedWrites(queues)
        violations += try cursors(queues)
        if let catalogue = queues["catalogue"] {
            let products = try catalogue.read { db in
                try Row.fetchAll(db, sql: "SELECT id, version, status FROM products").map {
                    CatalogueProduct(id: $0["id"], version: $0["version"], status: $0["status"])
                }
            }
            if let exports = queues["exports"] { violations += try plans(products, exports) }
            for service in ["exports", "training", "notifications"] {
                if let queue = queues[service] { violations += try copy(service, products, queue) }
            }
            if let notifications = queues["notifications"] { violations += try deliveries(catalogue, notifications) }
        }
        return violations
    }

    private struct CatalogueProduct: Equatable {
        var id: String
        var version: Int
        var status: String
    }

    private func integrity(_ service: String, _ db: Database) throws -> [Violation] {
        let result = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        return result == ["ok"] ? [] : [Violation(kind: .integrity, detail: "\(service): \(result.prefix(5))")]
    }

    private func seqs(_ service: String, _ db: Database) throws -> [Violation] {
        let seqs = try Int64.fetchAll(db, sql: "SELECT seq FROM odop_events ORDER BY seq")
        var violations: [Violation] = []
        var expected: Int64 = 1
        for seq in seqs {
            if seq != expected {
                violations.append(Violation(kind: .seqGap, detail: "\(service): seq \(seq) follows \(expected - 1)"))
            }
            expected = seq + 1
        }
        return violations
    }

    private func acknowledgedWrites(_ queues: [String: DatabaseQueue]) throws -> [Violation] {
        var violations: [Violation] = []
        for write in acknowledged {
            guard let queue = queues[write.service] else { continue }
            let columns = write.effect.match.keys.sorted()
            let condition = columns.map { "\($0) = ?" }.joined(separator: " AND ")
            let (rows, events) = try queue.read { db in
                (
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM \(write.effect.table) WHERE \(condition)",
                        arguments: StatementArguments(columns.map { write.effect.match[$0]! })) ?? 0,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM odop_events WHERE correlation_id = ?", arguments: [write.requestId])
                        ?? 0
                )
            }
            let what = "\(write.service) \(write.command) \(write.requestId) (\(write.effect.table) \(write.effect.match))"
            if rows == 0 { violations.append(Violation(kind: .lostWrite, detail: what)) }
            if rows > 1 { violations.append(Violation(kind: .doubledWrite, detail: "\(what): \(rows) rows")) }
            if let expected = write.events, events != expected {
                violations.append(Violation(kind: .wrongEventCount, detail: "\(what): \(events) events, not \(expected)"))
            }
        }
        return violations
    }

    private func cursors(_ queues: [String: DatabaseQueue]) throws -> [Violation] {
        var lastSeq: [String: Int64] = [:]
        for (service, queue) in queues {
            lastSeq[service] = try queue.read { db in try Int64.fetchOne(db, sql: "SELECT max(seq) FROM odop_events") } ?? 0
        }
        var violations: [Violation] = []
        for (service, queue) in queues.sorted(by: { $0.key < $1.key }) {
            let rows = try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT source, last_seq, stalled_seq FROM odop_subscription_cursors")
            }
            for row in rows {
                let source: String = row["source"]
                let applied: Int64 = row["last_seq"]
                let stalled: Int64? = row["stalled_seq"]
                guard let last = lastSeq[source] else { continue }
                if applied != last || stalled != nil {
                    violations.append(
                        Violation(
                            kind: .cursorBehind,
                            detail: "\(service) applied \(source) up to \(applied) of \(last)"
                                + (stalled.map { ", stalled at \($0)" } ?? "")))
                }
            }
        }
        return violations
    }

    private func plans(_ products: [CatalogueProduct], _ exports: DatabaseQueue) throws -> [Violation] {
        let counts = try exports.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT pp.product_id AS id, count(*) AS n FROM plan_products pp JOIN plans p ON p.id = pp.plan_id
                    WHERE p.status <> 'archived' GROUP BY pp.product_id
                    """
            ).reduce(into: [String: Int]()) { $0[$1["id"]] = $1["n"] }
        }
        var violations: [Violation] = []
        for product in products {
            let open = counts[product.id] ?? 0
            if product.status == "active" && open == 0 { violations.append(Violation(kind: .missingPlan, detail: product.id)) }
            if product.status == "active" && open > 1 {
                violations.append(Violation(kind: .duplicatePlan, detail: "\(product.id) in \(open) open plans"))
            }
            if product.status != "active" && open > 0 { violations.append(Violation(kind: .retiredInPlan, detail: product.id)) }
        }
        return violations
    }

    private func copy(_ service: String, _ products: [CatalogueProduct], _ queue: DatabaseQueue) throws -> [Violation] {
        let copied = try queue.read { db -> [String: CatalogueProduct]? in
            let table =
                try db.tableExists("catalogue_copy_products")
                ? "catalogue_copy_products" : (try db.tableExists("products") ? "products" : nil)
            guard let table, service != "catalogue" else { return nil }
            return try Row.fetchAll(db, sql: "SELECT id, version, status FROM \(table)").reduce(into: [:]) {
                $0[$1["id"]] = CatalogueProduct(id: $1["id"], version: $1["version"], status: $1["status"])
            }
        }
        guard let copied else { return [] }
        var violations: [Violation] = []
        for product in products where copied[product.id] != product {
            violations.append(
                Violation(
                    kind: .copyMismatch,
                    detail: "\(service): \(product.id) is \(copied[product.id].map { "v\($0.version) \($0.status)" } ?? "missing"), "
                        + "catalogue has v\(product.version) \(product.status)"))
        }
        return violations
    }

    private func deliveries(_ catalogue: DatabaseQueue, _ notifications: DatabaseQueue) throws -> [Violation] {
        let events = Set(
            try catalogue.read { db in try String.fetchAll(db, sql: "SELECT id FROM odop_events WHERE type LIKE 'catalogue.product.%'") })
        var violations: [Violation] = []
        for subscription in deliverySubscriptions {
            let counts = try notifications.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT event_id, count(*) AS n FROM notification_deliveries WHERE subscription_id = ? GROUP BY event_id",
                    arguments: [subscription]
                ).reduce(into: [String: Int]()) { $0[$1["event_id"] ?? "-"] = $1["n"] }
            }
            for event in events {
                switch counts[event] ?? 0 {
                case 0: violations.append(Violation(kind: .missingDelivery, detail: "event \(event) for \(subscription)"))
                case 1: break
                case let n:
                    violations.append(Violation(kind: .duplicateDelivery, detail: "event \(event) for \(subscription): \(n) deliveries"))
                }
            }
            for event in counts.keys where !events.contains(event) {
                violations.append(Violation(kind: .strayDelivery, detail: "event \(event) for \(subscription)"))
            }
        }
        return violations
    }
}
