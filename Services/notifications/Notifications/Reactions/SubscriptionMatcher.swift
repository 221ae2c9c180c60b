import Foundation
import GRDB
import ODOPCatalogueCopy
import ODOPMessages
import ODOPReference

/// What a filter looks at in an event: its type, state (code), district and sectors. Sectors
/// come from the event (`sector`, or its plan's products) or, when it carries none, from the
/// service's copy of the catalogue (by `productId` or `districtId`); they are looked up only when
/// a filter asks.
struct EventFacts {
    let event: EventEnvelope
    let stateCode: String?
    let district: String?
    private let db: Database
    private var cachedSectors: Set<String>?

    init(_ event: EventEnvelope, db: Database) {
        self.event = event
        self.db = db
        let data = event.data
        if let code = data["stateCode"]?.stringValue {
            stateCode = code
        } else if let state = data["state"]?.stringValue {
            stateCode = StateDirectory.resolve(state)?.code
        } else {
            stateCode = nil
        }
        district = event.type.hasPrefix("catalogue.district.") ? data["name"]?.stringValue : data["district"]?.stringValue
    }

    mutating func sectors() throws -> Set<String> {
        if let cachedSectors { return cachedSectors }
        var sectors = Set<String>()
        let data = event.data
        if let sector = data["sector"]?.stringValue {
            sectors.insert(sector.lowercased())
        } else if case .array(let products)? = data["products"] {
            sectors.formUnion(products.compactMap { $0["sector"]?.stringValue?.lowercased() })
        }
        let copy = CatalogueCopyReader(db)
        if sectors.isEmpty, let productId = data["productId"]?.stringValue, let product = try copy.product(id: productId) {
            sectors.insert(product.sector)
        }
        if sectors.isEmpty, let districtId = data["districtId"]?.stringValue {
            sectors = Set(try copy.products(districtId: districtId).filter(\.isActive).map(\.sector))
        }
        cachedSectors = sectors
        return sectors
    }
}

/// Whether a subscription's filter wants an event: its type starts with one of the prefixes,
/// and, for each of states, districts and sectors that the filter names, the event's value is
/// among them (an event without the value does not match a filter that names it).
enum SubscriptionMatcher {
    static func matches(_ filter: SubscriptionFilter, _ facts: inout EventFacts) throws -> Bool {
        guard filter.types.contains(where: { facts.event.type.hasPrefix($0) }) else { return false }
        if let states = filter.states, !states.isEmpty {
            guard let code = facts.stateCode, states.contains(code) else { return false }
        }
        if let districts = filter.districts, !districts.isEmpty {
            guard let district = facts.district else { return false }
            let folded = TextFolding.caseFolded(district)
            guard districts.contains(where: { TextFolding.caseFolded($0) == folded }) else { return false }
        }
        if let sectors = filter.sectors, !sectors.isEmpty {
            guard try !facts.sectors().isDisjoint(with: sectors) else { return false }
        }
        return true
    }
}
