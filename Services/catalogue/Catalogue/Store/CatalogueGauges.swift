import GRDB
import ODOPMessages
import ODOPRuntime

extension CatalogueService {
    /// `/metrics`: `odop_catalogue_products{status}` (every status, 0 when none) and
    /// `odop_catalogue_districts`.
    public func gauges(_ db: Database) throws -> [DomainGauge] {
        try DomainGauge.counts(
            "odop_catalogue_products", help: "Products in the catalogue, by status.", label: "status",
            known: ProductStatus.allCases.map(\.rawValue), sql: "SELECT status, COUNT(*) FROM products GROUP BY status", db)
            + [
                DomainGauge(
                    "odop_catalogue_districts", help: "Districts in the catalogue.",
                    value: Double(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM districts") ?? 0))
            ]
    }
}
