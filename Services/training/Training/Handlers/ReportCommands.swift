import GRDB
import ODOPCatalogueCopy
import ODOPMessages
import ODOPReference
import ODOPRuntime

/// `report.funnel`, `report.coverage`, `report.ageing` (and `report.stipends`, see
/// `PaymentCommands`). Each reads aggregates or an index range, never a scan of applications.
enum ReportCommands {
    static func register(in registry: inout CommandRegistry, _ context: TrainingContext) {
        registry.read(FunnelReport.self) { args, read in
            let grouping = args.groupBy ?? .scheme
            let (key, label) =
                switch grouping {
                case .scheme: ("scheme_id", "scheme_id")
                case .state: ("state_code", "state")
                case .district: ("district_id", "district")
                case .product: ("product_key", "product_label")
                case .sector: ("sector", "sector")
                }
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let scheme = args.schemeId {
                conditions.append("scheme_id = ?")
                arguments += [scheme]
            }
            if let state = args.state {
                conditions.append("state_code = ?")
                arguments += [try PlaceArguments.state(state).code]
            }
            let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchAll(
                read.db,
                sql: """
                    SELECT \(key) AS k, MIN(\(label)) AS l, SUM(applied) AS applied, SUM(verified) AS verified,
                        SUM(selected) AS selected, SUM(enrolled) AS enrolled, SUM(completed) AS completed,
                        SUM(certified) AS certified, SUM(toolkits) AS toolkits, SUM(stipend_paid_rupees) AS paid
                    FROM funnel_counts \(clause) GROUP BY \(key) ORDER BY \(key)
                    """, arguments: arguments)
            let names =
                grouping == .scheme
                ? Dictionary(uniqueKeysWithValues: try SchemeStore(db: read.db).current().map { ($0.schemeId, $0.parameters.name) }) : [:]
            let result = rows.map { row in
                let key: String = row["k"]
                return FunnelRow(
                    key: key, label: names[key] ?? row["l"],
                    counts: FunnelCounts(
                        applied: row["applied"], verified: row["verified"], selected: row["selected"], enrolled: row["enrolled"],
                        completed: row["completed"], certified: row["certified"], toolkits: row["toolkits"], stipendPaidRupees: row["paid"])
                )
            }
            return FunnelReport.Result(groupBy: grouping, rows: result, total: result.reduce(FunnelCounts()) { $0 + $1.counts })
        }

        registry.read(CoverageReport.self) { args, read in
            let today = context.clock.today()
            let since = today.adding(months: -(args.months ?? 12)).adding(days: 1)
            let stateCode = try args.state.map { try PlaceArguments.state($0).code }
            var gaps: [CoverageGap] = []
            let copy = CatalogueCopyReader(read.db)
            let active = Dictionary(
                grouping: try copy.activeProducts(state: stateCode.flatMap(StateDirectory.state(code:))), by: \.districtId)
            let districts = try active.keys.compactMap { try copy.district(id: $0) }.sorted { ($0.state, $0.name) < ($1.state, $1.name) }
            for district in districts {
                let products = active[district.id]?.count ?? 0
                let last = try String.fetchOne(
                    read.db.cachedStatement(sql: "SELECT last_completed_on FROM district_completions WHERE district_id = ?"),
                    arguments: [district.id])
                if let last, last >= since.description { continue }
                gaps.append(
                    CoverageGap(
                        districtId: district.id, district: district.name, state: district.state, stateCode: district.stateCode,
                        activeProducts: products, lastCompletedOn: last))
            }
            return CoverageReport.Result(asOf: today.description, since: since.description, gaps: gaps)
        }

        registry.read(AgeingReport.self) { args, read in
            let today = context.clock.today()
            let cutoff = today.adding(days: -args.olderThanDays).description
            var rows: [AgeingRow] = []
            let schemes = try SchemeStore(db: read.db).current().filter { args.schemeId == nil || $0.schemeId == args.schemeId }
            for scheme in schemes {
                // The current version's stages in order, then any other stage still waited at.
                var stages = scheme.parameters.verificationStages
                let used = try String.fetchAll(
                    read.db, sql: "SELECT DISTINCT stage FROM waiting_counts WHERE scheme_id = ?",
                    arguments: [scheme.schemeId])
                stages += used.filter { !stages.contains($0) }.sorted()
                for stage in stages {
                    let row = try Row.fetchOne(
                        read.db.cachedStatement(
                            sql: """
                                SELECT COALESCE(SUM(count), 0) AS waiting, MIN(since) AS oldest,
                                    COALESCE(SUM(CASE WHEN since < ?3 THEN count ELSE 0 END), 0) AS overdue
                                FROM waiting_counts WHERE scheme_id = ?1 AND stage = ?2
                                """), arguments: [scheme.schemeId, stage, cutoff])
                    rows.append(
                        AgeingRow(
                            schemeId: scheme.schemeId, stage: stage, waiting: row?["waiting"] ?? 0,
                            overdue: row?["overdue"] ?? 0, oldestWaitingSince: row?["oldest"]))
                }
            }
            return AgeingReport.Result(asOf: today.description, olderThanDays: args.olderThanDays, stages: rows)
        }
    }
}
