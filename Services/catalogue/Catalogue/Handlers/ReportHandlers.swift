import Foundation
import GRDB
import ODOPMessages
import ODOPRuntime

/// stats and gi.discrepancies.
struct ReportHandlers: Sendable {
    func register(in registry: inout CommandRegistry) {
        registry.read(CatalogueStats.self) { _, ctx in try CatalogueStore.counts(ctx.db) }
        registry.read(GIDiscrepancies.self) { _, ctx in
            let rows = try Row.fetchAll(ctx.db, sql: CatalogueStore.productSelect + """
                 WHERE p.status = 'active' AND ((p.gi_status = 0 AND p.gi_name IS NOT NULL) OR (p.gi_status = 1 AND p.gi_name IS NULL))
                """ + CatalogueStore.productOrder)
            let items = rows.map(CatalogueStore.productRecord).map { product in
                GIDiscrepancies.Item(
                    productId: product.id, name: product.name, state: product.state, district: product.district,
                    listedGI: product.giStatus, registryName: product.giRegistry?.name,
                    kind: product.giStatus ? "flag_yes_but_unconfirmed" : "flag_no_but_registered")
            }
            return GIDiscrepancies.Result(
                items: items, registeredButNotFlagged: items.filter { !$0.listedGI }.count,
                flaggedButUnconfirmed: items.filter(\.listedGI).count)
        }
    }
}
