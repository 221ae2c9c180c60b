import Foundation
import GRDB
import ODOPMessages
import ODOPReference
import ODOPRuntime

/// states.list, district.register, district.list.
struct DistrictHandlers: Sendable {
    func register(in registry: inout CommandRegistry) {
        registry.plain(StatesList.self) { _, _ in
            StatesList.Result(items: StateDirectory.all.map { StateRecord(code: $0.code, name: $0.name, kind: $0.kind.rawValue) })
        }
        registry.write(DistrictRegister.self) { args, tx in
            let state = try PlaceArguments.state(args.state)
            let name = try ProductFields.name(args.name, max: 100)
            let lgdCode = try ProductFields.lgdCode(args.lgdCode)
            if let existing = try CatalogueStore.district(state: state, named: name, tx.db) {
                throw CommandError.conflict("\(state.name) already has the district \(existing.name) (\(existing.id))", field: "name")
            }
            let district = DistrictRecord(
                id: CatalogueStore.districtID(state: state, name: name), state: state.name, stateCode: state.code, name: name,
                lgdCode: lgdCode, aliases: [])
            guard try CatalogueStore.district(id: district.id, tx.db) == nil else {
                throw CommandError.conflict("a district with id \(district.id) exists; choose a distinct name", field: "name")
            }
            try CatalogueStore.insert(district, tx.db)
            try tx.emit(DistrictRegistered(district))
            return district
        }
        registry.read(DistrictList.self) { args, ctx in
            let state = try args.state.map { raw throws(CommandError) in try PlaceArguments.state(raw) }
            let items = try CatalogueStore.districts(state: state, ctx.db)
            return DistrictList.Result(items: items, total: items.count)
        }
    }
}
