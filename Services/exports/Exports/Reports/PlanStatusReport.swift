import GRDB
import ODOPMessages
import ODOPReference

/// `report.plans`: plan counts per state and nationally, from the stored plans and products.
enum PlanStatusReport {
    static func build(state: StateUT?, db: Database) throws -> PlansReport.Result {
        var filter = ""
        var arguments: StatementArguments = []
        if let state {
            filter = "AND " + StateFilter.clause()
            arguments = [StateFilter.argument(state)]
        }
        struct Line {
            var state: String
            var districtsWithProducts = 0
            var byStatus = PlansReport.StatusCounts()
        }
        var lines: [String: Line] = [:]
        for row in try CachedSQL.rows(
            db,
            sql: """
                SELECT state_code, MIN(state) AS state, status, COUNT(*) AS plans FROM plans WHERE 1 = 1 \(filter)
                GROUP BY state_code, status
                """, arguments: arguments)
        {
            let code: String = row["state_code"]
            var line = lines[code] ?? Line(state: row["state"])
            let count: Int = row["plans"]
            switch PlanStatus(rawValue: row["status"]) {
            case .draft: line.byStatus.draft += count
            case .prepared: line.byStatus.prepared += count
            case .adopted: line.byStatus.adopted += count
            case .archived: line.byStatus.archived += count
            case nil: break
            }
            lines[code] = line
        }
        for row in try CachedSQL.rows(
            db,
            sql: """
                SELECT state_code, MIN(state) AS state, COUNT(DISTINCT district_id) AS districts FROM catalogue_copy_products
                WHERE status = 'active' \(filter) GROUP BY state_code
                """, arguments: arguments)
        {
            let code: String = row["state_code"]
            var line = lines[code] ?? Line(state: row["state"])
            line.districtsWithProducts = row["districts"]
            lines[code] = line
        }

        func counts(_ state: String?, _ code: String?, _ line: Line) -> PlansReport.Counts {
            PlansReport.Counts(
                state: state, stateCode: code, districtsWithProducts: line.districtsWithProducts,
                prepared: line.byStatus.prepared + line.byStatus.adopted, adopted: line.byStatus.adopted, byStatus: line.byStatus)
        }
        let states = lines.map { counts($0.value.state, $0.key, $0.value) }.sorted { ($0.state ?? "") < ($1.state ?? "") }
        var national = Line(state: "")
        for line in lines.values {
            national.districtsWithProducts += line.districtsWithProducts
            national.byStatus.draft += line.byStatus.draft
            national.byStatus.prepared += line.byStatus.prepared
            national.byStatus.adopted += line.byStatus.adopted
            national.byStatus.archived += line.byStatus.archived
        }
        return PlansReport.Result(national: counts(nil, nil, national), states: states)
    }
}

/// `report.gaps`: districts with active products whose open plan is not adopted (or that have
/// no open plan at all).
enum PlanGapReport {
    static func build(state: StateUT?, db: Database) throws -> PlanGapsReport.Result {
        var filter = ""
        var arguments: StatementArguments = []
        if let state {
            filter = "AND " + StateFilter.clause(code: "p.state_code")
            arguments = [StateFilter.argument(state)]
        }
        let items = try CachedSQL.rows(
            db,
            sql: """
                SELECT MIN(p.state) AS state, MIN(p.state_code) AS state_code, MIN(p.district) AS district, p.district_id,
                    COUNT(*) AS products, MIN(pl.id) AS plan_id, MIN(pl.status) AS plan_status
                FROM catalogue_copy_products p LEFT JOIN plans pl ON pl.district_id = p.district_id AND pl.status <> 'archived'
                WHERE p.status = 'active' \(filter)
                GROUP BY p.district_id
                HAVING plan_status IS NULL OR plan_status <> 'adopted'
                ORDER BY state, district
                """, arguments: arguments
        ).map { row in
            PlanGapsReport.Gap(
                state: row["state"], stateCode: row["state_code"], district: row["district"], districtId: row["district_id"],
                activeProducts: row["products"], planId: row["plan_id"],
                planStatus: (row["plan_status"] as String?).flatMap(PlanStatus.init(rawValue:)))
        }
        return PlanGapsReport.Result(items: items, total: items.count)
    }
}
