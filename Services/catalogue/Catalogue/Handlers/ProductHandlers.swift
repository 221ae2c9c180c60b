import Foundation
import GRDB
import ODOPMessages
import ODOPReference
import ODOPRuntime

/// product.register / update / retire / get / search: each change writes the product and emits
/// its event (the whole record after the change) in one transaction.
struct ProductHandlers: Sendable {
    let gi: GIRegistryLookup

    func register(in registry: inout CommandRegistry) {
        registry.write(ProductRegister.self) { args, tx in try register(args, tx) }
        registry.write(ProductUpdate.self) { args, tx in try update(args, tx) }
        registry.write(ProductRetire.self) { args, tx in try retire(args, tx) }
        registry.read(ProductGet.self) { args, ctx in
            let id = try ProductFields.id(args.id)
            guard let product = try CatalogueStore.product(id: id, ctx.db) else {
                throw CommandError.notFound("no product with id \(id)", field: "id")
            }
            return product
        }
        registry.read(ProductSearch.self) { args, ctx in try search(args, ctx.db) }
    }

    func register(_ args: ProductRegister.Arguments, _ tx: ServiceTransaction) throws -> ProductRecord {
        let state = try PlaceArguments.state(args.state)
        let districtName = try ProductFields.name(args.district, field: "district")
        let name = try ProductFields.name(args.name)
        let sector = try PlaceArguments.sector(args.sector)
        let category = try ProductFields.category(args.category)
        let description = try ProductFields.description(args.description)
        let ministry = try ProductFields.ministry(args.ministry)
        guard let district = try CatalogueStore.district(state: state, named: districtName, tx.db) else {
            throw CommandError.invalidArgument(
                "unknown district '\(districtName)' in \(state.name); district.register adds one", field: "district")
        }
        if let existing = try CatalogueStore.product(districtID: district.id, name: name, tx.db) {
            throw CommandError.conflict("\(district.name) already has a product named '\(existing.name)' (\(existing.id))", field: "name")
        }
        let now = RFC3339.string(from: Date())
        let product = ProductRecord(
            id: "p-" + RandomUUID.string(), version: 1, state: state.name, stateCode: state.code, district: district.name,
            districtId: district.id, lgdCode: district.lgdCode, name: name, sector: sector.rawValue, category: category?.rawValue,
            description: description, giStatus: args.giStatus ?? false,
            giRegistry: gi.match(name: name, state: state, district: district.name),
            ministry: ministry, status: .active, retiredReason: nil, createdAt: now, updatedAt: now)
        try CatalogueStore.insert(product, tx.db)
        try tx.emit(ProductRegistered(product))
        return product
    }

    func update(_ args: ProductUpdate.Arguments, _ tx: ServiceTransaction) throws -> ProductRecord {
        let id = try ProductFields.id(args.id)
        try ExpectedVersion.validate(args.expectedVersion)
        let name = try args.name.map { name throws(CommandError) in try ProductFields.name(name) }
        let sector = try args.sector.map { sector throws(CommandError) in try PlaceArguments.sector(sector) }
        let category = try ProductFields.category(args.category)
        let description = try ProductFields.description(args.description)
        let ministry = try ProductFields.ministry(args.ministry)
        guard let current = try CatalogueStore.product(id: id, tx.db) else {
            throw CommandError.notFound("no product with id \(id)", field: "id")
        }
        try ExpectedVersion.require(args.expectedVersion, current: current.version, of: "product \(id)")
        guard current.status == .active else {
            throw CommandError.conflict("product \(id) is retired and cannot be changed")
        }
        var next = current
        if let name { next.name = name }
        if let sector { next.sector = sector.rawValue }
        if let category { next.category = category.rawValue }
        if args.description != nil { next.description = description }
        if let giStatus = args.giStatus { next.giStatus = giStatus }
        if let ministry { next.ministry = ministry }
        if next.name != current.name {
            if let other = try CatalogueStore.product(districtID: current.districtId, name: next.name, tx.db), other.id != id {
                throw CommandError.conflict("\(current.district) already has a product named '\(other.name)' (\(other.id))", field: "name")
            }
            if let state = StateDirectory.state(code: current.stateCode) {
                next.giRegistry = gi.match(name: next.name, state: state, district: current.district)
            }
        }
        return try tx.storeChange(next, from: current, store: { try CatalogueStore.update($0, tx.db) }, event: ProductUpdated.init)
    }

    func retire(_ args: ProductRetire.Arguments, _ tx: ServiceTransaction) throws -> ProductRecord {
        let id = try ProductFields.id(args.id)
        let reason = try ProductFields.reason(args.reason)
        guard let current = try CatalogueStore.product(id: id, tx.db) else {
            throw CommandError.notFound("no product with id \(id)", field: "id")
        }
        guard current.status == .active else {
            throw CommandError.conflict("product \(id) is already retired")
        }
        var retired = current
        retired.status = .retired
        retired.retiredReason = reason
        return try tx.storeChange(retired, from: current, store: { try CatalogueStore.update($0, tx.db) }, event: ProductRetired.init)
    }

    func search(_ args: ProductSearch.Arguments, _ db: Database) throws -> ProductSearch.Result {
        var filter = CatalogueStore.SearchFilter(status: args.status ?? .active, words: [])
        var state: StateUT?
        if let raw = args.state {
            state = try PlaceArguments.state(raw)
            filter.stateCode = state?.code
        }
        if let raw = args.district {
            let name = try ProductFields.name(raw, field: "district")
            let matches: [DistrictRecord]
            if let state {
                matches = try CatalogueStore.district(state: state, named: name, db).map { [$0] } ?? []
            } else {
                matches = try CatalogueStore.districts(named: name, db)
            }
            guard !matches.isEmpty else {
                throw CommandError.invalidArgument("unknown district '\(name)'" + (state.map { " in \($0.name)" } ?? ""), field: "district")
            }
            filter.districtIDs = matches.map(\.id)
        }
        if let raw = args.sector { filter.sector = try PlaceArguments.sector(raw).rawValue }
        filter.gi = args.gi
        if let text = args.text {
            filter.words = TextFolding.caseFolded(text).split(separator: " ").map(String.init)
        }
        let page = PageArguments.page(limit: args.limit, offset: args.offset)
        let (items, total) = try CatalogueStore.search(filter, limit: page.limit, offset: page.offset, db)
        return ProductSearch.Result(items: items, total: total)
    }
}
