import GRDB
import ODOPRuntime

/// The training gauges operators look at, read from the aggregates the service keeps in the
/// same transactions as its changes (never by scanning applications, so a scrape costs the same
/// with ten million of them):
/// - `odop_training_funnel{step}`: applications at or past each step of the funnel, every scheme;
/// - `odop_training_applications_waiting{stage}`: applications waiting at each verification stage.
enum TrainingGauges {
    static let steps = ["applied", "verified", "selected", "enrolled", "completed", "certified", "toolkits"]

    static func read(_ db: Database) throws -> [DomainGauge] {
        let sums = steps.map { "COALESCE(SUM(\($0)), 0)" }.joined(separator: ", ")
        let row = try Row.fetchOne(db, sql: "SELECT \(sums) FROM funnel_counts")
        let funnel = steps.enumerated().map { index, step in
            DomainGauge(
                "odop_training_funnel", help: "Applications at or past each step of the training funnel, every scheme.",
                labels: ["step": step], value: Double(row?[index] as Int64? ?? 0))
        }
        let waiting = try DomainGauge.counts(
            "odop_training_applications_waiting", help: "Applications waiting at each verification stage.", label: "stage", known: [],
            sql: "SELECT stage, SUM(count) FROM waiting_counts GROUP BY stage", db)
        return funnel + waiting
    }
}
