import Foundation
import GRDB
import ODOPMessages
import ODOPReference

/// Reads and writes the catalogue's tables inside a caller's transaction or snapshot, in terms
/// of the wire records (`DistrictRecord`, `ProductRecord`; `counts` answers `stats` with its
/// result type). It checks no argument and emits no event: handlers validate, decide and emit;
/// this stores and reads.
enum CatalogueStore {
    // MARK: Districts

    static func district(id: String, _ db: Database) throws -> DistrictRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM districts WHERE id = ?"), arguments: [id]).map(districtRecord)
    }

    /// The district a spelling (name or alias) names in a state.
    static func district(state: StateUT, named name: String, _ db: Database) throws -> DistrictRecord? {
        let key = TextFolding.caseFolded(name)
        guard
            let id = try String.fetchOne(
                db.cachedStatement(sql: "SELECT district_id FROM district_names WHERE state_code = ? AND name_key = ?"),
                arguments: [state.code, key])
        else { return nil }
        return try district(id: id, db)
    }

    /// Districts named (or aliased) `name` in any state.
    static func districts(named name: String, _ db: Database) throws -> [DistrictRecord] {
        let ids = try String.fetchAll(
            db, sql: "SELECT DISTINCT district_id FROM district_names WHERE name_key = ?", arguments: [TextFolding.caseFolded(name)])
        return try ids.compactMap { try district(id: $0, db) }
    }

    static func districts(state: StateUT?, _ db: Database) throws -> [DistrictRecord] {
        let rows =
            if let state {
                try Row.fetchAll(db, sql: "SELECT * FROM districts WHERE state_code = ? ORDER BY name", arguments: [state.code])
            } else {
                try Row.fetchAll(db, sql: "SELECT * FROM districts ORDER BY state_code, name")
            }
        return rows.map(districtRecord).sorted { ($0.state, $0.name) < ($1.state, $1.name) }
    }

    static func insert(_ district: DistrictRecord, _ db: Database) throws {
        let aliases = String(decoding: try JSONEncoder().encode(district.aliases), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO districts (id, state_code, name, name_key, lgd_code, aliases, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                district.id, district.stateCode, district.name, TextFolding.caseFolded(district.name), district.lgdCode,
                aliases, RFC3339.string(from: Date()),
            ])
        for spelling in [district.name] + district.aliases {
            try db.execute(
                sql: "INSERT OR IGNORE INTO district_names (state_code, name_key, district_id) VALUES (?, ?, ?)",
                arguments: [district.stateCode, TextFolding.caseFolded(spelling), district.id])
        }
    }

    /// Adds spellings to a district's aliases; returns the district after the change.
    static func addAliases(_ spellings: [String], to district: DistrictRecord, _ db: Database) throws -> DistrictRecord {
        var updated = district
        let known = Set(([district.name] + district.aliases).map(TextFolding.caseFolded))
        for spelling in spellings where !known.contains(TextFolding.caseFolded(spelling)) {
            updated.aliases.append(spelling)
        }
        guard updated.aliases != district.aliases else { return district }
        let aliases = String(decoding: try JSONEncoder().encode(updated.aliases), as: UTF8.self)
        try db.execute(sql: "UPDATE districts SET aliases = ? WHERE id = ?", arguments: [aliases, district.id])
        for spelling in updated.aliases {
            try db.execute(
                sql: "INSERT OR IGNORE INTO district_names (state_code, name_key, district_id) VALUES (?, ?, ?)",
                arguments: [district.stateCode, TextFolding.caseFolded(spelling), district.id])
        }
        return updated
    }

    static func districtID(state: StateUT, name: String) -> String {
        let slug = TextFolding.caseFolded(name).unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? String($0) : "-" }.joined()
        let collapsed = slug.split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        return "\(state.code)-\(collapsed)"
    }

    private static func districtRecord(_ row: Row) -> DistrictRecord {
        let code: String = row["state_code"]
        let state = StateDirectory.state(code: code)
        let aliasesJSON: String = row["aliases"]
        let aliases = (try? JSONDecoder().decode([String].self, from: Data(aliasesJSON.utf8))) ?? []
        return DistrictRecord(
            id: row["id"], state: state?.name ?? code, stateCode: code, name: row["name"], lgdCode: row["lgd_code"], aliases: aliases)
    }

    // MARK: Products

    static func product(id: String, _ db: Database) throws -> ProductRecord? {
        try Row.fetchOne(db.cachedStatement(sql: productSelect + " WHERE p.id = ?"), arguments: [id]).map(productRecord)
    }

    static func product(districtID: String, name: String, _ db: Database) throws -> ProductRecord? {
        try Row.fetchOne(
            db.cachedStatement(sql: productSelect + " WHERE p.district_id = ? AND p.name_key = ?"),
            arguments: [districtID, TextFolding.caseFolded(name)]
        ).map(productRecord)
    }

    static func insert(_ product: ProductRecord, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO products (id, version, state_code, district_id, name, name_key, sector, category, description,
                    gi_status, gi_name, gi_goods, ministry, status, retired_reason, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: arguments(product, nameKey: TextFolding.caseFolded(product.name)))
    }

    static func update(_ product: ProductRecord, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                UPDATE products SET version = ?, name = ?, name_key = ?, sector = ?, category = ?, description = ?,
                    gi_status = ?, gi_name = ?, gi_goods = ?, ministry = ?, status = ?, retired_reason = ?, updated_at = ?
                WHERE id = ?
                """
        ).execute(
            arguments: [
                product.version, product.name, TextFolding.caseFolded(product.name), product.sector, product.category,
                product.description, product.giStatus, product.giRegistry?.name, product.giRegistry?.goods,
                product.ministry, product.status.rawValue, product.retiredReason, product.updatedAt, product.id,
            ])
    }

    private static func arguments(_ p: ProductRecord, nameKey: String) -> StatementArguments {
        [
            p.id, p.version, p.stateCode, p.districtId, p.name, nameKey, p.sector, p.category, p.description, p.giStatus,
            p.giRegistry?.name, p.giRegistry?.goods, p.ministry, p.status.rawValue, p.retiredReason, p.createdAt, p.updatedAt,
        ]
    }

    /// The product columns in the order `productRecord` reads them by position (by name, GRDB
    /// compares lowercased names column by column: 189 `lowercased()` calls per product read).
    static let productSelect = """
        SELECT p.id, p.version, p.state_code, p.district_id, p.name, p.sector, p.category, p.description, p.gi_status,
            p.gi_name, p.gi_goods, p.ministry, p.status, p.retired_reason, p.created_at, p.updated_at,
            d.name AS district_name, d.lgd_code AS district_lgd
        FROM products p JOIN districts d ON d.id = p.district_id
        JOIN state_names s ON s.code = p.state_code
        """

    /// The catalogue's list order: state name, district name, product name.
    static let productOrder = " ORDER BY s.name, d.name, p.name, p.id"

    /// A row of `productSelect`, read by position.
    static func productRecord(_ row: Row) -> ProductRecord {
        let code: String = row[2]
        let giName: String? = row[9]
        return ProductRecord(
            id: row[0], version: row[1], state: StateDirectory.state(code: code)?.name ?? code, stateCode: code,
            district: row[16], districtId: row[3], lgdCode: row[17], name: row[4],
            sector: row[5], category: row[6], description: row[7], giStatus: row[8],
            giRegistry: giName.map { GIRegistryMatch(name: $0, goods: row[10] ?? "") }, ministry: row[11],
            status: ProductStatus(rawValue: row[12]) ?? .active, retiredReason: row[13],
            createdAt: row[14], updatedAt: row[15])
    }

    /// Every active product, in the catalogue's list order.
    static func activeProducts(_ db: Database) throws -> [ProductRecord] {
        try Row.fetchAll(db, sql: productSelect + " WHERE p.status = 'active'" + productOrder).map(productRecord)
    }

    // MARK: Search and counts

    struct SearchFilter {
        var stateCode: String?
        var districtIDs: [String]?
        var sector: String?
        var gi: Bool?
        var status: ProductStatus
        var words: [String]
    }

    static func search(_ filter: SearchFilter, limit: Int, offset: Int, _ db: Database) throws -> (items: [ProductRecord], total: Int) {
        var clauses = ["p.status = ?"]
        var arguments: StatementArguments = [filter.status.rawValue]
        if let code = filter.stateCode {
            clauses.append("p.state_code = ?")
            arguments += [code]
        }
        if let ids = filter.districtIDs {
            clauses.append("p.district_id IN (\(ids.map { _ in "?" }.joined(separator: ",")))")
            arguments += StatementArguments(ids)
        }
        if let sector = filter.sector {
            clauses.append("p.sector = ?")
            arguments += [sector]
        }
        if let gi = filter.gi {
            clauses.append("p.gi_status = ?")
            arguments += [gi]
        }
        for word in filter.words {
            clauses.append("(instr(lower(p.name), ?) > 0 OR instr(lower(coalesce(p.description, '')), ?) > 0)")
            arguments += [word, word]
        }
        let whereClause = " WHERE " + clauses.joined(separator: " AND ")
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM products p" + whereClause, arguments: arguments) ?? 0
        let rows = try Row.fetchAll(
            db, sql: productSelect + whereClause + productOrder + " LIMIT ? OFFSET ?",
            arguments: arguments + [limit, offset])
        return (rows.map(productRecord), total)
    }

    static func counts(_ db: Database) throws -> CatalogueStats.Result {
        let active = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM products WHERE status = 'active'") ?? 0
        let retired = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM products WHERE status = 'retired'") ?? 0
        let districts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM districts") ?? 0
        let byState = try Row.fetchAll(
            db, sql: "SELECT state_code, COUNT(*) AS n FROM products WHERE status = 'active' GROUP BY state_code"
        )
        .map { CatalogueStats.Count(key: StateDirectory.state(code: $0["state_code"])?.name ?? $0["state_code"], count: $0["n"]) }
        .sorted { $0.key < $1.key }
        let bySector = try Row.fetchAll(
            db, sql: "SELECT sector, COUNT(*) AS n FROM products WHERE status = 'active' GROUP BY sector ORDER BY sector"
        )
        .map { CatalogueStats.Count(key: $0["sector"], count: $0["n"]) }
        return CatalogueStats.Result(
            products: active, retired: retired, districts: districts, states: byState.count, byState: byState, bySector: bySector)
    }
}
