import Foundation
import GRDB
import ODOPMessages

/// What the exports service knows of the catalogue's districts and products, kept from the
/// catalogue's events (never read from its database).
struct CatalogueMirror {
    let db: Database

    /// A product as the service last heard of it.
    struct Product: Equatable {
        var id: String
        var version: Int
        var name: String
        var state: String
        var stateCode: String
        var district: String
        var districtId: String
        var sector: String
        var status: ProductStatus
    }

    func product(_ id: String) throws -> Product? {
        try CachedSQL.row(db, sql: "SELECT * FROM products WHERE id = ?", arguments: [id]).map { row in
            Product(
                id: row["id"], version: row["version"], name: row["name"], state: row["state"],
                stateCode: row["state_code"], district: row["district"], districtId: row["district_id"],
                sector: row["sector"], status: ProductStatus(rawValue: row["status"]) ?? .active)
        }
    }

    /// Stores `product` as the current knowledge of it (and its district, when new).
    func record(_ product: ProductRecord, at time: String) throws {
        try CachedSQL.execute(db, sql: """
            INSERT INTO products (id, version, name, state, state_code, district, district_id, sector, status, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET version = excluded.version, name = excluded.name, state = excluded.state,
                state_code = excluded.state_code, district = excluded.district, district_id = excluded.district_id,
                sector = excluded.sector, status = excluded.status, updated_at = excluded.updated_at
            """, arguments: [
                product.id, product.version, product.name, product.state, product.stateCode, product.district,
                product.districtId, product.sector, product.status.rawValue, time,
            ])
        try CachedSQL.execute(db, sql: """
            INSERT INTO districts (id, state, state_code, name) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING
            """, arguments: [product.districtId, product.state, product.stateCode, product.district])
    }

    /// Stores a district from `catalogue.district.registered`.
    func record(_ district: DistrictRecord) throws {
        let aliases = String(decoding: try StoredJSON.encode(district.aliases), as: UTF8.self)
        try CachedSQL.execute(db, sql: """
            INSERT INTO districts (id, state, state_code, name, aliases) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET state = excluded.state, state_code = excluded.state_code,
                name = excluded.name, aliases = excluded.aliases
            """, arguments: [district.id, district.state, district.stateCode, district.name, aliases])
    }

    /// How many districts the service knows.
    func districtCount() throws -> Int {
        try CachedSQL.value(Int.self, db, sql: "SELECT COUNT(*) FROM districts") ?? 0
    }
}
