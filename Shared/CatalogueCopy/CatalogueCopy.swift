import Foundation
import GRDB
import ODOPMessages
import ODOPReference
import ODOPRuntime

/// The shared follower of the catalogue: a local copy of its districts and products, kept from
/// its events over the wire records (`catalogue.product.*` carry the whole product,
/// `catalogue.district.registered` the district), for every service that needs to know them.
///
/// A service declares it with `follows: [CatalogueCopy.follow(MyReactions())]` and reads it with
/// `CatalogueCopyReader`. Contract:
/// - The copy keeps each product's latest state. An event carrying an older version of a product
///   than the copy holds, or the same state again, changes nothing and calls no reaction (the
///   version guard), so applying an event twice has no second effect.
/// - A product event also records its district when the copy does not know it yet.
/// - The reactions run in the transaction that changes the copy and advances the cursor.
/// - Other catalogue event types are ignored. A known type with a newer `schema` than this code
///   understands is refused, which stalls the subscription visibly instead of misreading it.
public enum CatalogueCopy {
    /// The source followed.
    public static let source = "catalogue"

    /// The declaration that keeps the copy and calls `reactions` on its changes.
    public static func follow(_ reactions: some CatalogueReactions = NoCatalogueReactions()) -> Follow {
        Follow(source, handler: Handler(reactions: reactions), migrations: CatalogueCopySchema.migrations)
    }

    /// A district name as the catalogue compares it (case, diacritics and spacing folded).
    public static func nameKey(_ name: String) -> String { TextFolding.caseFolded(name) }

    struct Handler<Reactions: CatalogueReactions>: EventHandler {
        let reactions: Reactions

        func apply(_ event: EventEnvelope, in transaction: ServiceTransaction) throws {
            switch event.type {
            case ProductRegistered.eventType, ProductUpdated.eventType, ProductRetired.eventType:
                try requireSchema(event, ProductRegistered.schemaVersion)
                let product = CatalogueProduct(try event.decodeData(ProductRecord.self))
                let previous = try CatalogueCopyReader(transaction.db).product(id: product.id)
                if let previous, previous.version > product.version || previous == product { return }
                try CatalogueCopyWriter(db: transaction.db).record(product, at: event.time)
                try reactions.productChanged(product, previous: previous, event: event, in: transaction)
            case DistrictRegistered.eventType:
                try requireSchema(event, DistrictRegistered.schemaVersion)
                let district = CatalogueDistrict(try event.decodeData(DistrictRecord.self))
                try CatalogueCopyWriter(db: transaction.db).record(district)
                try reactions.districtRegistered(district, event: event, in: transaction)
            default:
                return
            }
        }

        private func requireSchema(_ event: EventEnvelope, _ known: Int) throws {
            guard event.schema <= known else {
                throw CommandError.invalidArgument(
                    "event \(event.type) has schema \(event.schema); this follower understands up to \(known)")
            }
        }
    }
}

/// Writes the copy's tables; only the copy's handler does.
struct CatalogueCopyWriter {
    let db: Database

    func record(_ product: CatalogueProduct, at time: String) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO \(CatalogueCopySchema.products) (id, version, name, state, state_code, district, district_id, sector, status, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET version = excluded.version, name = excluded.name, state = excluded.state,
                    state_code = excluded.state_code, district = excluded.district, district_id = excluded.district_id,
                    sector = excluded.sector, status = excluded.status, updated_at = excluded.updated_at
                """
        ).execute(arguments: [
            product.id, product.version, product.name, product.state, product.stateCode, product.district,
            product.districtId, product.sector, product.status.rawValue, time,
        ])
        try db.cachedStatement(
            sql: """
                INSERT INTO \(CatalogueCopySchema.districts) (id, state, state_code, name) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING
                """
        ).execute(arguments: [product.districtId, product.state, product.stateCode, product.district])
        try addNames([product.district], stateCode: product.stateCode, districtId: product.districtId)
    }

    func record(_ district: CatalogueDistrict) throws {
        let aliases = String(decoding: try JSONEncoder().encode(district.aliases), as: UTF8.self)
        try db.cachedStatement(
            sql: """
                INSERT INTO \(CatalogueCopySchema.districts) (id, state, state_code, name, aliases) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET state = excluded.state, state_code = excluded.state_code,
                    name = excluded.name, aliases = excluded.aliases
                """
        ).execute(arguments: [district.id, district.state, district.stateCode, district.name, aliases])
        try addNames([district.name] + district.aliases, stateCode: district.stateCode, districtId: district.id)
    }

    private func addNames(_ spellings: [String], stateCode: String, districtId: String) throws {
        for spelling in spellings {
            try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO \(CatalogueCopySchema.districtNames) (state_code, name_key, district_id) VALUES (?, ?, ?)"
            )
            .execute(arguments: [stateCode, CatalogueCopy.nameKey(spelling), districtId])
        }
    }
}

extension CatalogueCopy {
    /// Fills the copy from what a service kept of the catalogue before the copy existed (its own
    /// tables, read by its upgrade migration): districts first, then products with the time of
    /// the event that last changed them. Runs no reactions: their effects exist already.
    public static func adopt(districts: [CatalogueDistrict], products: [(CatalogueProduct, updatedAt: String)], db: Database) throws {
        let writer = CatalogueCopyWriter(db: db)
        for district in districts { try writer.record(district) }
        for (product, time) in products { try writer.record(product, at: time) }
    }
}
