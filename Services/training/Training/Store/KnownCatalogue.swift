import GRDB
import ODOPMessages
import ODOPReference

/// The training service's copy of the catalogue's districts and products, kept from the
/// catalogue's events (never read from its database). A stand-in for the shared
/// `ODOPCatalogueCopy` follower until it lands; the readers below mirror its
/// `CatalogueCopyReader` so that swapping is local to this file and `CatalogueFollower`.
struct KnownCatalogue {
    let db: Database

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

    struct District: Equatable {
        var id: String
        var state: String
        var stateCode: String
        var name: String
    }

    func product(id: String) throws -> Product? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM known_products WHERE id = ?"), arguments: [id]).map { row in
            Product(id: row["id"], version: row["version"], name: row["name"], state: row["state"], stateCode: row["state_code"],
                    district: row["district"], districtId: row["district_id"], sector: row["sector"],
                    status: ProductStatus(rawValue: row["status"]) ?? .active)
        }
    }

    func district(id: String) throws -> District? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM known_districts WHERE id = ?"), arguments: [id]).map { row in
            District(id: row["id"], state: row["state"], stateCode: row["state_code"], name: row["name"])
        }
    }

    /// A district of `state` by its name, one of its aliases, or its id, folded like the catalogue.
    func district(state: StateUT, named name: String) throws -> District? {
        if let byId = try district(id: name), byId.stateCode == state.code { return byId }
        let key = StateDirectory.lookupKey(name)
        guard let id = try String.fetchOne(db.cachedStatement(sql: "SELECT district_id FROM known_district_names WHERE state_code = ? AND name_key = ?"),
                                           arguments: [state.code, key]) else { return nil }
        return try district(id: id)
    }

    /// Districts with at least one active product, with the count.
    func districtsWithActiveProducts(stateCode: String?) throws -> [(District, Int)] {
        var sql = """
            SELECT d.id, d.state, d.state_code, d.name, COUNT(*) AS products FROM known_products p
            JOIN known_districts d ON d.id = p.district_id WHERE p.status = 'active'
            """
        var arguments: StatementArguments = []
        if let stateCode {
            sql += " AND d.state_code = ?"
            arguments += [stateCode]
        }
        sql += " GROUP BY d.id ORDER BY d.state, d.name"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            (District(id: row["id"], state: row["state"], stateCode: row["state_code"], name: row["name"]), row["products"])
        }
    }

    /// Stores `product` unless a newer version is known; returns what was known before, and
    /// whether it was stored.
    func record(_ product: ProductRecord) throws -> (previous: Product?, stored: Bool) {
        let previous = try self.product(id: product.id)
        if let previous, previous.version >= product.version { return (previous, false) }
        try db.cachedStatement(sql: """
            INSERT INTO known_products (id, version, name, state, state_code, district, district_id, sector, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET version = excluded.version, name = excluded.name, state = excluded.state,
                state_code = excluded.state_code, district = excluded.district, district_id = excluded.district_id,
                sector = excluded.sector, status = excluded.status
            """).execute(arguments: [product.id, product.version, product.name, product.state, product.stateCode,
                                     product.district, product.districtId, product.sector, product.status.rawValue])
        try record(DistrictRecord(id: product.districtId, state: product.state, stateCode: product.stateCode,
                                  name: product.district, lgdCode: product.lgdCode, aliases: []), replace: false)
        return (previous, true)
    }

    func record(_ district: DistrictRecord, replace: Bool = true) throws {
        let conflict = replace ? "DO UPDATE SET state = excluded.state, state_code = excluded.state_code, name = excluded.name" : "DO NOTHING"
        try db.cachedStatement(sql: "INSERT INTO known_districts (id, state, state_code, name, keys) VALUES (?, ?, ?, ?, '') ON CONFLICT(id) \(conflict)")
            .execute(arguments: [district.id, district.state, district.stateCode, district.name])
        for name in [district.name] + district.aliases {
            try db.cachedStatement(sql: """
                INSERT INTO known_district_names (state_code, name_key, district_id) VALUES (?, ?, ?)
                ON CONFLICT(state_code, name_key) DO NOTHING
                """).execute(arguments: [district.stateCode, StateDirectory.lookupKey(name), district.id])
        }
    }
}
