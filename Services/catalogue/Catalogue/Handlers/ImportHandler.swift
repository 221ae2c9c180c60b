import Foundation
import GRDB
import ODOPMessages
import ODOPReference
import ODOPRuntime

/// `products.import`: applies the cleaned ODOP list (see `ODOPImport.plan`) in one transaction.
///
/// Idempotent: products are matched by their natural key (district, case-folded name) and
/// districts by any known spelling, so a second import of the same file creates, updates and
/// emits nothing. New districts emit `catalogue.district.registered`, new products
/// `catalogue.product.registered`, changed ones `catalogue.product.updated` (version + 1).
/// Retired products stay retired. The whole file is refused (`invalid_argument`, field `csv`)
/// when it cannot be read as the ODOP list; single bad rows are reported and skipped.
struct ImportHandler: Sendable {
    let gi: GIRegistryLookup

    func register(in registry: inout CommandRegistry) {
        registry.write(ProductsImport.self) { args, tx in try apply(csvText: args.csv, tx) }
    }

    func apply(csvText: String, _ tx: ServiceTransaction) throws -> ProductsImport.Result {
        guard !csvText.isEmpty else { throw CommandError.invalidArgument("field 'csv' is empty", field: "csv") }
        let plan: ImportPlan
        do {
            plan = try ODOPImport.plan(csvText: csvText)
        } catch {
            throw CommandError.invalidArgument("the file is not the ODOP list: \(error)", field: "csv")
        }
        var events = 0
        var districtsCreated = 0
        var districtIDs: [String: DistrictRecord] = [:]  // "<state code>/<name key>" → district
        for planned in plan.districts {
            var district = try CatalogueStore.district(state: planned.state, named: planned.name, tx.db)
            if district == nil {
                for alias in planned.aliases {
                    if let found = try CatalogueStore.district(state: planned.state, named: alias, tx.db) {
                        district = found
                        break
                    }
                }
            }
            if let existing = district {
                district = try CatalogueStore.addAliases([planned.name] + planned.aliases, to: existing, tx.db)
            } else {
                var id = CatalogueStore.districtID(state: planned.state, name: planned.name)
                var suffix = 2
                while try CatalogueStore.district(id: id, tx.db) != nil {
                    id = CatalogueStore.districtID(state: planned.state, name: planned.name) + "-\(suffix)"
                    suffix += 1
                }
                let created = DistrictRecord(
                    id: id, state: planned.state.name, stateCode: planned.state.code, name: planned.name,
                    lgdCode: planned.lgdCode, aliases: planned.aliases)
                try CatalogueStore.insert(created, tx.db)
                try tx.emit(DistrictRegistered(created))
                events += 1
                districtsCreated += 1
                district = created
            }
            districtIDs[key(planned.state, planned.name)] = district
        }

        var created = 0
        var updated = 0
        var unchanged = 0
        let now = RFC3339.string(from: Date())
        for planned in plan.products {
            guard
                let district = try districtIDs[key(planned.state, planned.district)]
                    ?? CatalogueStore.district(state: planned.state, named: planned.district, tx.db)
            else {
                throw CommandError.internalError("import plan names district \(planned.district) that was not planned")
            }
            let description = planned.description.isEmpty ? nil : planned.description
            let match = gi.match(name: planned.name, state: planned.state, district: district.name)
            if var existing = try CatalogueStore.product(districtID: district.id, name: planned.name, tx.db) {
                guard existing.status == .active else {
                    unchanged += 1
                    continue
                }
                let before = existing
                existing.sector = planned.sector.rawValue
                existing.category = planned.category?.rawValue ?? existing.category
                existing.description = description ?? existing.description
                existing.giStatus = planned.giFlag ?? existing.giStatus
                existing.ministry = planned.ministry ?? existing.ministry
                existing.giRegistry = match
                if existing == before {
                    unchanged += 1
                    continue
                }
                try tx.storeChange(
                    existing, from: before, at: now, store: { try CatalogueStore.update($0, tx.db) }, event: ProductUpdated.init)
                updated += 1
                events += 1
            } else {
                let product = ProductRecord(
                    id: "p-" + RandomUUID.string(), version: 1, state: planned.state.name, stateCode: planned.state.code,
                    district: district.name, districtId: district.id, lgdCode: district.lgdCode, name: planned.name,
                    sector: planned.sector.rawValue, category: planned.category?.rawValue, description: description,
                    giStatus: planned.giFlag ?? false, giRegistry: match, ministry: planned.ministry, status: .active,
                    retiredReason: nil, createdAt: now, updatedAt: now)
                try CatalogueStore.insert(product, tx.db)
                try tx.emit(ProductRegistered(product))
                created += 1
                events += 1
            }
        }
        return ProductsImport.Result(
            rowsRead: plan.rowsRead, productsCreated: created, productsUnchanged: unchanged, productsUpdated: updated,
            districtsCreated: districtsCreated,
            districtsMerged: plan.merges.map { .init(state: $0.state.name, district: $0.canonicalName, spellings: $0.spellings) },
            duplicateRows: plan.duplicates.reduce(0) { $0 + $1.foldedLines.count },
            rejected: plan.rejected.map { .init(line: $0.line, reason: $0.reason) },
            eventsEmitted: events)
    }

    private func key(_ state: StateUT, _ name: String) -> String {
        state.code + "/" + TextFolding.caseFolded(name)
    }
}
