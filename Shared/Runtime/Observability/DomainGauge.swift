import GRDB

/// A figure of a service's own domain for `/metrics`, such as the number of products by status:
/// `odop_products{status="active"} 812`. Names follow the runtime's conventions (`odop_` prefix,
/// base units) and label values must come from a bounded set (a status, a stage, a state code),
/// never an id or a free text.
public struct DomainGauge: Sendable, Equatable {
    public var name: String
    public var help: String
    public var labels: [String: String]
    public var value: Double

    public init(_ name: String, help: String, labels: [String: String] = [:], value: Double) {
        self.name = name
        self.help = help
        self.labels = labels
        self.value = value
    }

    /// One gauge per row of `SELECT <label column>, COUNT(*) ... GROUP BY 1`, with a 0 for every
    /// value of `known` that has no row (so a series does not vanish when its count drops to 0).
    public static func counts(
        _ name: String, help: String, label: String, known: [String], sql: String, _ db: Database
    ) throws -> [DomainGauge] {
        var counts = Dictionary(uniqueKeysWithValues: known.map { ($0, 0.0) })
        for row in try Row.fetchAll(db, sql: sql) {
            let key: String = row[0] ?? "none"
            counts[key, default: 0] += Double(row[1] as Int64? ?? 0)
        }
        return counts.keys.sorted().map { DomainGauge(name, help: help, labels: [label: $0], value: counts[$0]!) }
    }
}
