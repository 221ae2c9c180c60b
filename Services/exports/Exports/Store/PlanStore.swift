import Foundation
import GRDB
import ODOPMessages
import ODOPReference

/// A plan as stored: the plan and the number its next new intervention takes.
struct StoredPlan {
    var plan: ExportPlan
    /// The district's plan number (1 for its first plan).
    var number: Int
    var nextIntervention: Int
}

/// The `plans` and `plan_products` tables.
struct PlanStore {
    let db: Database

    func plan(id: String) throws -> StoredPlan? {
        try CachedSQL.row(db, sql: "SELECT document, number, next_intervention FROM plans WHERE id = ?", arguments: [id])
            .map(Self.stored)
    }

    /// The plan `id`, or `not_found` naming `planId`.
    func require(id: String) throws -> StoredPlan {
        guard let stored = try plan(id: id) else {
            throw CommandError.notFound("no export plan \"\(id)\"", field: "planId")
        }
        return stored
    }

    /// The district's open (not archived) plan, if it has one.
    func openPlan(districtId: String) throws -> StoredPlan? {
        try CachedSQL.row(
            db,
            sql: """
                SELECT document, number, next_intervention FROM plans WHERE district_id = ? AND status <> 'archived'
                """, arguments: [districtId]
        ).map(Self.stored)
    }

    /// The open plans that list `productId`.
    func openPlans(listing productId: String) throws -> [StoredPlan] {
        try CachedSQL.rows(
            db,
            sql: """
                SELECT p.document, p.number, p.next_intervention FROM plans p JOIN plan_products pp ON pp.plan_id = p.id
                WHERE pp.product_id = ? AND p.status <> 'archived' ORDER BY p.id
                """, arguments: [productId]
        ).map(Self.stored)
    }

    /// The plan of a district: its open plan, else its latest archived one.
    func plan(districtId: String) throws -> StoredPlan? {
        try CachedSQL.row(
            db,
            sql: """
                SELECT document, number, next_intervention FROM plans
                WHERE district_id = ? ORDER BY status = 'archived', number DESC LIMIT 1
                """, arguments: [districtId]
        ).map(Self.stored)
    }

    /// The number the district's next plan takes.
    func nextNumber(districtId: String) throws -> Int {
        (try CachedSQL.value(Int.self, db, sql: "SELECT MAX(number) FROM plans WHERE district_id = ?", arguments: [districtId]) ?? 0) + 1
    }

    func insert(_ stored: StoredPlan) throws {
        let plan = stored.plan
        try CachedSQL.execute(
            db,
            sql: """
                INSERT INTO plans (id, district_id, number, state, state_code, district, status, next_intervention, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                plan.planId, plan.districtId, stored.number, plan.state, plan.stateCode, plan.district,
                plan.status.rawValue, stored.nextIntervention, try StoredJSON.encode(plan),
            ])
        try syncProducts(plan)
    }

    func update(_ stored: StoredPlan) throws {
        let plan = stored.plan
        try CachedSQL.execute(
            db,
            sql: """
                UPDATE plans SET status = ?, state = ?, state_code = ?, district = ?, next_intervention = ?, document = ?
                WHERE id = ?
                """,
            arguments: [
                plan.status.rawValue, plan.state, plan.stateCode, plan.district, stored.nextIntervention,
                try StoredJSON.encode(plan), plan.planId,
            ])
        try syncProducts(plan)
    }

    private func syncProducts(_ plan: ExportPlan) throws {
        try CachedSQL.execute(db, sql: "DELETE FROM plan_products WHERE plan_id = ?", arguments: [plan.planId])
        for product in plan.products {
            try CachedSQL.execute(
                db, sql: "INSERT OR IGNORE INTO plan_products (plan_id, product_id) VALUES (?, ?)",
                arguments: [plan.planId, product.productId])
        }
    }

    /// Plans matching the filters, ordered by state, district and plan number, with the total.
    func list(state: StateUT?, districtIds: [String]?, status: PlanStatus?, limit: Int, offset: Int) throws -> (
        items: [ExportPlan], total: Int
    ) {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let state {
            conditions.append(StateFilter.clause())
            arguments.append(StateFilter.argument(state))
        }
        if let districtIds {
            conditions.append("district_id IN (\(districtIds.map { _ in "?" }.joined(separator: ", ")))")
            arguments += districtIds
        }
        if let status {
            conditions.append("status = ?")
            arguments.append(status.rawValue)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let total =
            try CachedSQL.value(Int.self, db, sql: "SELECT COUNT(*) FROM plans \(whereClause)", arguments: StatementArguments(arguments))
            ?? 0
        let rows = try CachedSQL.rows(
            db,
            sql: """
                SELECT document, number, next_intervention FROM plans \(whereClause)
                ORDER BY state, district, number LIMIT ? OFFSET ?
                """, arguments: StatementArguments(arguments + [limit, offset]))
        return (try rows.map { try Self.stored($0).plan }, total)
    }

    private static func stored(_ row: Row) throws -> StoredPlan {
        StoredPlan(
            plan: try StoredJSON.decode(ExportPlan.self, from: row["document"]), number: row["number"],
            nextIntervention: row["next_intervention"])
    }
}
