import GRDB
import ODOPMessages

/// The report aggregates, changed in the same transaction as what they count, so that reports
/// read a few rows instead of scanning applications.
struct Aggregates {
    let db: Database

    enum Stage: String {
        case applied, verified, selected, enrolled, completed, certified, toolkits
        case stipendPaidRupees = "stipend_paid_rupees"
    }

    /// Adds `amount` to the funnel column `stage` of the application's group (scheme, district,
    /// product). The group row is created on first use, with the place and product names.
    func count(_ stage: Stage, _ application: TrainingApplication, by amount: Int = 1, productName: String? = nil) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO funnel_counts (scheme_id, district_id, product_key, state_code, state, district, product_label, sector)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """
        ).execute(arguments: [
            application.schemeId, application.districtId, application.productId ?? "-",
            application.stateCode, application.state, application.district,
            productName ?? application.productId ?? "(no ODOP product)", application.sector ?? "-",
        ])
        try db.cachedStatement(
            sql: """
                UPDATE funnel_counts SET \(stage.rawValue) = \(stage.rawValue) + ?
                WHERE scheme_id = ? AND district_id = ? AND product_key = ?
                """
        ).execute(arguments: [amount, application.schemeId, application.districtId, application.productId ?? "-"])
    }

    /// Moves one stipend of `rupees` from status `from` (nil: new) to `to` in the reconciliation.
    func moveStipend(schemeId: String, rupees: Int, from: StipendStatus?, to: StipendStatus) throws {
        if let from {
            try db.cachedStatement(
                sql: "UPDATE stipend_totals SET count = count - 1, rupees = rupees - ? WHERE scheme_id = ? AND status = ?"
            )
            .execute(arguments: [rupees, schemeId, from.rawValue])
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO stipend_totals (scheme_id, status, count, rupees) VALUES (?, ?, 1, ?)
                ON CONFLICT(scheme_id, status) DO UPDATE SET count = count + 1, rupees = rupees + excluded.rupees
                """
        ).execute(arguments: [schemeId, to.rawValue, rupees])
    }

    /// Counts an application waiting at `stage` since `since` (`by` 1), or no longer (`by` -1).
    func wait(schemeId: String, stage: String, since: String, by amount: Int) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO waiting_counts (scheme_id, stage, since, count) VALUES (?, ?, ?, ?)
                ON CONFLICT(scheme_id, stage, since) DO UPDATE SET count = count + excluded.count
                """
        ).execute(arguments: [schemeId, stage, since, amount])
        try db.cachedStatement(sql: "DELETE FROM waiting_counts WHERE scheme_id = ? AND stage = ? AND since = ? AND count = 0")
            .execute(arguments: [schemeId, stage, since])
    }

    /// Records that a batch in `districtId` completed on `day`.
    func batchCompleted(districtId: String, on day: String) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO district_completions (district_id, last_completed_on) VALUES (?, ?)
                ON CONFLICT(district_id) DO UPDATE SET last_completed_on = MAX(last_completed_on, excluded.last_completed_on)
                """
        ).execute(arguments: [districtId, day])
    }
}
