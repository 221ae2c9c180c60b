import Foundation
import GRDB
import ODOPMessages

/// The service's own copy of what it needs from the catalogue: each product's state, district
/// and sector, kept from `catalogue.product.*` events (a newer version only), so that a filter on
/// sectors can match events that carry no sector (a plan's district, a product id).
///
/// To be replaced by the shared ODOPCatalogueCopy follower when it lands on main.
enum CatalogueMirror {
    static func apply(_ event: EventEnvelope, db: Database) throws {
        guard event.type.hasPrefix("catalogue.product."), let id = event.data["id"]?.stringValue,
              let version = event.data["version"]?.intValue else { return }
        let known = try Int64.fetchOne(db, sql: "SELECT version FROM notification_catalogue_products WHERE id = ?", arguments: [id])
        if let known, known >= version { return }
        try db.execute(sql: """
            INSERT OR REPLACE INTO notification_catalogue_products (id, version, state_code, district_id, sector, status)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [
                id, version, event.data["stateCode"]?.stringValue ?? "", event.data["districtId"]?.stringValue ?? "",
                event.data["sector"]?.stringValue ?? "", event.data["status"]?.stringValue ?? "",
            ])
    }

    /// The sector of a product, if known.
    static func sector(ofProduct id: String, db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT sector FROM notification_catalogue_products WHERE id = ?", arguments: [id])
    }

    /// The sectors of a district's active products.
    static func sectors(ofDistrict id: String, db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT sector FROM notification_catalogue_products WHERE district_id = ? AND status = 'active'", arguments: [id]))
    }
}
