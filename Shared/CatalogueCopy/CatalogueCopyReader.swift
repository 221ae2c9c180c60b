import Foundation
import GRDB
import ODOPMessages
import ODOPReference

/// Reads a follower's copy of the catalogue inside any of its transactions or snapshots.
public struct CatalogueCopyReader {
    let db: Database

    public init(_ db: Database) {
        self.db = db
    }

    public func product(id: String) throws -> CatalogueProduct? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(CatalogueCopySchema.products) WHERE id = ?"), arguments: [id])
            .map(Self.product)
    }

    public func district(id: String) throws -> CatalogueDistrict? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(CatalogueCopySchema.districts) WHERE id = ?"), arguments: [id])
            .map(Self.district)
    }

    /// The district a spelling (its name or an alias, folded as the catalogue folds them) names
    /// in `state`.
    public func district(state: StateUT, named name: String) throws -> CatalogueDistrict? {
        guard
            let id = try String.fetchOne(
                db.cachedStatement(
                    sql: "SELECT district_id FROM \(CatalogueCopySchema.districtNames) WHERE state_code = ? AND name_key = ?"),
                arguments: [state.code, CatalogueCopy.nameKey(name)])
        else { return nil }
        return try district(id: id)
    }

    /// Every product of a district, active or retired, by name.
    public func products(districtId: String) throws -> [CatalogueProduct] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM \(CatalogueCopySchema.products) WHERE district_id = ? ORDER BY name, id"),
            arguments: [districtId]
        ).map(Self.product)
    }

    /// The active products, of one state or of all, by state, district and name.
    public func activeProducts(state: StateUT? = nil) throws -> [CatalogueProduct] {
        let rows =
            if let state {
                try Row.fetchAll(
                    db.cachedStatement(
                        sql:
                            "SELECT * FROM \(CatalogueCopySchema.products) WHERE state_code = ? AND status = 'active' ORDER BY district, name, id"
                    ),
                    arguments: [state.code])
            } else {
                try Row.fetchAll(
                    db.cachedStatement(
                        sql: "SELECT * FROM \(CatalogueCopySchema.products) WHERE status = 'active' ORDER BY state, district, name, id"))
            }
        return rows.map(Self.product)
    }

    public func productCount() throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM \(CatalogueCopySchema.products)")) ?? 0
    }

    public func districtCount() throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM \(CatalogueCopySchema.districts)")) ?? 0
    }

    /// The SQL names of the copy's tables, for a service's own queries that join them.
    public static let productsTable = CatalogueCopySchema.products
    public static let districtsTable = CatalogueCopySchema.districts

    static func product(_ row: Row) -> CatalogueProduct {
        CatalogueProduct(
            id: row["id"], version: row["version"], name: row["name"], state: row["state"], stateCode: row["state_code"],
            district: row["district"], districtId: row["district_id"], sector: row["sector"],
            status: ProductStatus(rawValue: row["status"]) ?? .active)
    }

    static func district(_ row: Row) -> CatalogueDistrict {
        let aliases = (row["aliases"] as String?).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        return CatalogueDistrict(id: row["id"], state: row["state"], stateCode: row["state_code"], name: row["name"], aliases: aliases)
    }
}

extension CatalogueCopyReader {
    /// Every district a spelling names (its name or an alias, folded as the catalogue folds
    /// them), in any state.
    public func districts(named name: String) throws -> [CatalogueDistrict] {
        try String.fetchAll(
            db.cachedStatement(
                sql: "SELECT DISTINCT district_id FROM \(CatalogueCopySchema.districtNames) WHERE name_key = ? ORDER BY district_id"),
            arguments: [CatalogueCopy.nameKey(name)]
        ).compactMap { try district(id: $0) }
    }

    /// Reads a `district` argument by the catalogue's rule, so that every service accepts the
    /// spellings the catalogue accepts: the district's name or an alias (case, diacritics and
    /// spacing folded) within `state` when given, else in every state, or the district's id (in
    /// any case).
    /// Answers the catalogue's `invalid_argument` (naming `field`) when it names no district.
    public func districts(argument raw: String, in state: StateUT?, field: String = "district") throws -> [CatalogueDistrict] {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        var found: [CatalogueDistrict]
        if let state {
            found = try district(state: state, named: name).map { [$0] } ?? []
        } else {
            found = try districts(named: name)
        }
        if found.isEmpty,
            let id = try String.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM \(CatalogueCopySchema.districts) WHERE id = ? COLLATE NOCASE"), arguments: [name]),
            let byId = try district(id: id), state == nil || byId.stateCode == state?.code
        {
            found = [byId]
        }
        guard !found.isEmpty else {
            throw CommandError.invalidArgument("unknown district '\(name)'" + (state.map { " in \($0.name)" } ?? ""), field: field)
        }
        return found
    }
}
