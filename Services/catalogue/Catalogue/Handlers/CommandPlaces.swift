import Foundation
import GRDB
import ODOPMessages
import ODOPRuntime

/// Where each catalogue command acts, for scoped keys and the audit trail: a product command
/// acts in its product's district; registering a district, in its state; listing and searching,
/// in the state and district they filter by. The import spans many places: only an unscoped
/// admin may run it.
enum CommandPlaces {
    static func register(in registry: inout CommandRegistry) {
        registry.place(of: ProductRegister.self, .fields(state: { $0.state }, district: { $0.district }))
        registry.place(of: ProductUpdate.self, .record { args, db in try productPlace(args.id, db) })
        registry.place(of: ProductRetire.self, .record { args, db in try productPlace(args.id, db) })
        registry.place(of: ProductGet.self, .record { args, db in try productPlace(args.id, db) })
        registry.place(of: ProductSearch.self, .fields(state: { $0.state }, district: { $0.district }))
        registry.place(of: DistrictRegister.self, .fields(state: { $0.state }))
        registry.place(of: DistrictList.self, .fields(state: { $0.state }))
    }

    /// The district of product `id`; `not_found` naming `id` when there is none.
    static func productPlace(_ id: String, _ db: Database) throws -> CommandPlace {
        let id = try ProductFields.id(id)
        guard let product = try CatalogueStore.product(id: id, db) else {
            throw CommandError.notFound("no product with id \(id)", field: "id")
        }
        return CommandPlace(stateCode: product.stateCode, districtID: product.districtId)
    }
}
