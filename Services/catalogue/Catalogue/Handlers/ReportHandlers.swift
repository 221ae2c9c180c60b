import Foundation
import GRDB
import ODOPMessages
import ODOPRuntime

/// stats and gi.discrepancies (the rule: `GIReconciliation`).
struct ReportHandlers: Sendable {
    func register(in registry: inout CommandRegistry) {
        registry.read(CatalogueStats.self) { _, ctx in try CatalogueStore.counts(ctx.db) }
        registry.read(GIDiscrepancies.self) { _, ctx in
            GIReconciliation.discrepancies(try CatalogueStore.activeProducts(ctx.db))
        }
    }
}
