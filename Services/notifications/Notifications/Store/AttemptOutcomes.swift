import GRDB
import ODOPMessages
import ODOPRuntime

/// How many delivery attempts ended each way, per channel, since the database was created: the
/// figure behind `odop_delivery_attempts{channel,outcome}` on `/metrics`. Kept in the database, in
/// the transaction that records each outcome, so it never counts an outcome that was rolled back
/// and carries on across restarts. It only grows, but it is exported as a gauge read from the
/// database at each scrape (a Prometheus counter would restart at 0 with the process, and
/// `increase()` would take the jump back to the stored value for new outcomes); its name has no
/// `_total`, which Prometheus keeps for counters.
///
/// Outcomes: `sent` (delivered), `failed` (refused or unreachable; another attempt is scheduled),
/// `dead` (the last attempt failed: an admin must retry or skip it), `gone` (410: the
/// subscription was disabled).
enum AttemptOutcomes {
    static let metric = "odop_delivery_attempts"
    static let outcomes = ["sent", "failed", "dead", "gone"]

    /// Counts one attempt that ended with `outcome` on `channel`.
    static func count(_ outcome: String, channel: ChannelKind, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO notification_attempt_outcomes (channel, outcome, count) VALUES (?, ?, 1)
                ON CONFLICT (channel, outcome) DO UPDATE SET count = count + 1
                """, arguments: [channel.rawValue, outcome])
    }

    /// One figure per channel and outcome, 0 for those that never happened.
    static func gauges(_ db: Database) throws -> [DomainGauge] {
        var counts: [String: [String: Double]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT channel, outcome, count FROM notification_attempt_outcomes") {
            counts[row["channel"], default: [:]][row["outcome"]] = Double(row["count"] as Int64)
        }
        return ChannelKind.allCases.flatMap { channel in
            outcomes.map { outcome in
                DomainGauge(
                    metric, help: "Delivery attempts by channel and how they ended (sent, failed and to be retried, dead, gone).",
                    labels: ["channel": channel.rawValue, "outcome": outcome], value: counts[channel.rawValue]?[outcome] ?? 0)
            }
        }
    }
}
