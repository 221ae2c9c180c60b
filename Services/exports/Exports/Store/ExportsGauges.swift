import GRDB
import ODOPMessages
import ODOPRuntime

extension ExportsService {
    /// `/metrics`: `odop_exports_plans{status}` (every status, 0 when none).
    public func gauges(_ db: Database) throws -> [DomainGauge] {
        try DomainGauge.counts(
            "odop_exports_plans", help: "District export plans, by status.", label: "status",
            known: PlanStatus.allCases.map(\.rawValue), sql: "SELECT status, COUNT(*) FROM plans GROUP BY status", db)
    }
}
