import Foundation
import GRDB
import ODOPMessages
import ODOPRuntime

/// A stand-in for odop-catalogue, for in-process tests: it answers the catalogue's own command
/// names (`district.register`, `product.register`, `product.update`, `product.retire`) with the
/// shared schemas and emits the catalogue's real events (`catalogue.*`, data = the whole
/// record) through the runtime's outbox, as the real service does. It knows only a few states
/// and none of the catalogue's validation beyond what the tests need.
struct FakeCatalogue: ServiceDefinition {
    let name = "catalogue"
    let version = "fake"

    static let stateCodes = ["Uttar Pradesh": "UP", "Karnataka": "KA", "Tamil Nadu": "TN", "Gujarat": "GJ", "Bihar": "BR"]

    var migrations: [ServiceMigration] {
        [ServiceMigration("fake-catalogue-v1") { db in
            try db.execute(sql: "CREATE TABLE products (id TEXT PRIMARY KEY, record BLOB NOT NULL)")
        }]
    }

    static func districtId(state: String, district: String) -> String {
        "\(stateCodes[state] ?? "XX")-" + district.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    func registerCommands(in registry: inout CommandRegistry) {
        registry.write(DistrictRegister.self) { args, tx in
            guard let code = Self.stateCodes[args.state] else { throw CommandError.invalidArgument("unknown state", field: "state") }
            let district = DistrictRecord(
                id: Self.districtId(state: args.state, district: args.name), state: args.state, stateCode: code,
                name: args.name, lgdCode: args.lgdCode, aliases: [])
            try tx.emit(DistrictRegistered(district))
            return district
        }
        registry.write(ProductRegister.self) { args, tx in
            guard let code = Self.stateCodes[args.state] else { throw CommandError.invalidArgument("unknown state", field: "state") }
            let now = RFC3339.string(from: Date())
            let product = ProductRecord(
                id: "p-" + UUID().uuidString.lowercased(), version: 1, state: args.state, stateCode: code,
                district: args.district, districtId: Self.districtId(state: args.state, district: args.district), lgdCode: nil,
                name: args.name, sector: args.sector.lowercased(), category: args.category, description: args.description,
                giStatus: args.giStatus ?? false, giRegistry: nil, ministry: args.ministry, status: .active,
                retiredReason: nil, createdAt: now, updatedAt: now)
            try Self.save(product, tx.db)
            try tx.emit(ProductRegistered(product))
            return product
        }
        registry.write(ProductUpdate.self) { args, tx in
            var product = try Self.load(args.id, tx.db)
            guard product.version == args.expectedVersion else { throw CommandError.conflict("stale version", field: "expectedVersion") }
            guard product.status == .active else { throw CommandError.conflict("product is retired") }
            if let name = args.name { product.name = name }
            if let sector = args.sector { product.sector = sector.lowercased() }
            if let description = args.description { product.description = description }
            product.version += 1
            product.updatedAt = RFC3339.string(from: Date())
            try Self.save(product, tx.db)
            try tx.emit(ProductUpdated(product))
            return product
        }
        registry.write(ProductRetire.self) { args, tx in
            var product = try Self.load(args.id, tx.db)
            guard product.status == .active else { throw CommandError.conflict("product is retired already") }
            product.status = .retired
            product.retiredReason = args.reason
            product.version += 1
            product.updatedAt = RFC3339.string(from: Date())
            try Self.save(product, tx.db)
            try tx.emit(ProductRetired(product))
            return product
        }
    }

    private static func load(_ id: String, _ db: Database) throws -> ProductRecord {
        guard let data = try Data.fetchOne(db, sql: "SELECT record FROM products WHERE id = ?", arguments: [id]) else {
            throw CommandError.notFound("no product \(id)", field: "id")
        }
        return try JSONDecoder().decode(ProductRecord.self, from: data)
    }

    private static func save(_ product: ProductRecord, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO products (id, record) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET record = excluded.record",
            arguments: [product.id, try WireFormat.encode(product)])
    }
}
