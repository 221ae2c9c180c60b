import Foundation

// The catalogue's public commands (external systems integrate against these names).
// Domain checks (known state and district, sector taxonomy, lengths) are the service's; these
// types fix the shapes.

/// `states.list` → the 36 states and union territories.
public enum StatesList: CommandSchema {
    public typealias Arguments = NoArguments
    public static let name = "states.list"
    public static let isMutating = false
    public struct Result: Codable, Sendable, Equatable {
        public var items: [StateRecord]
        public init(items: [StateRecord]) { self.items = items }
    }
}

/// `district.register {state, name, lgdCode?}` → the district. A district with the same name
/// (or one of its aliases) in the state is a `conflict`.
public enum DistrictRegister: CommandSchema {
    public typealias Result = DistrictRecord
    public static let name = "district.register"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable {
        public var state: String
        public var name: String
        public var lgdCode: Int?
        public init(state: String, name: String, lgdCode: Int? = nil) {
            self.state = state
            self.name = name
            self.lgdCode = lgdCode
        }
    }
}

/// `district.list {state?}` → `{items, total}` ordered by state, then name.
public enum DistrictList: CommandSchema {
    public static let name = "district.list"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable {
        public var state: String?
        public init(state: String? = nil) { self.state = state }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var items: [DistrictRecord]
        public var total: Int
        public init(items: [DistrictRecord], total: Int) {
            self.items = items
            self.total = total
        }
    }
}

/// `product.register {state, district, name, sector, category?, description?, giStatus?,
/// ministry?}` → the product, with `id` and `version` 1. The same name in the same district is
/// a `conflict`.
public enum ProductRegister: CommandSchema {
    public typealias Result = ProductRecord
    public static let name = "product.register"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable {
        public var state: String
        public var district: String
        public var name: String
        public var sector: String
        public var category: String?
        public var description: String?
        public var giStatus: Bool?
        public var ministry: String?
        public init(
            state: String, district: String, name: String, sector: String, category: String? = nil,
            description: String? = nil, giStatus: Bool? = nil, ministry: String? = nil
        ) {
            self.state = state
            self.district = district
            self.name = name
            self.sector = sector
            self.category = category
            self.description = description
            self.giStatus = giStatus
            self.ministry = ministry
        }
    }
}

/// `product.update {id, expectedVersion, ...fields to change}` → the product after the change.
/// A stale `expectedVersion` is a `conflict`; a retired product cannot be updated (`conflict`).
public enum ProductUpdate: CommandSchema {
    public typealias Result = ProductRecord
    public static let name = "product.update"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable {
        public var id: String
        public var expectedVersion: Int
        public var name: String?
        public var sector: String?
        public var category: String?
        public var description: String?
        public var giStatus: Bool?
        public var ministry: String?
        public init(
            id: String, expectedVersion: Int, name: String? = nil, sector: String? = nil, category: String? = nil,
            description: String? = nil, giStatus: Bool? = nil, ministry: String? = nil
        ) {
            self.id = id
            self.expectedVersion = expectedVersion
            self.name = name
            self.sector = sector
            self.category = category
            self.description = description
            self.giStatus = giStatus
            self.ministry = ministry
        }
    }
}

/// `product.retire {id, reason?}` → the retired product. Retiring a retired product is a
/// `conflict`.
public enum ProductRetire: CommandSchema {
    public typealias Result = ProductRecord
    public static let name = "product.retire"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable {
        public var id: String
        public var reason: String?
        public init(id: String, reason: String? = nil) {
            self.id = id
            self.reason = reason
        }
    }
}

/// `product.get {id}` → the product, or `not_found`.
public enum ProductGet: CommandSchema {
    public typealias Result = ProductRecord
    public static let name = "product.get"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable {
        public var id: String
        public init(id: String) { self.id = id }
    }
}

/// `product.search {state?, district?, sector?, gi?, status?, text?, limit?, offset?}` →
/// `{items, total}`. Active products unless `status` says otherwise; `limit` defaults to 50 and
/// is at most 1000; `total` counts all matches; `text` matches name and description
/// (case-insensitive, every word must appear); `gi` filters on the list's GI flag. Ordered by
/// state, district, name.
public enum ProductSearch: CommandSchema {
    public static let name = "product.search"
    public static let isMutating = false
    public static let defaultLimit = PageArguments.defaultLimit
    public static let maximumLimit = PageArguments.maximumLimit
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var state: String?
        public var district: String?
        public var sector: String?
        public var gi: Bool?
        public var status: ProductStatus?
        public var text: String?
        public var limit: Int?
        public var offset: Int?
        public init(
            state: String? = nil, district: String? = nil, sector: String? = nil, gi: Bool? = nil,
            status: ProductStatus? = nil, text: String? = nil, limit: Int? = nil, offset: Int? = nil
        ) {
            self.state = state
            self.district = district
            self.sector = sector
            self.gi = gi
            self.status = status
            self.text = text
            self.limit = limit
            self.offset = offset
        }
        public func validate() throws(CommandError) {
            try PageArguments.validate(limit: limit, offset: offset, maximum: ProductSearch.maximumLimit)
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var items: [ProductRecord]
        public var total: Int
        public init(items: [ProductRecord], total: Int) {
            self.items = items
            self.total = total
        }
    }
}

/// `products.import {csv}` → the import report. Idempotent: importing the same file again
/// creates, updates and emits nothing.
public enum ProductsImport: CommandSchema {
    public static let name = "products.import"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable {
        public var csv: String
        public init(csv: String) { self.csv = csv }
    }
    public struct Rejection: Codable, Sendable, Equatable {
        public var line: Int
        public var reason: String
        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }
    public struct Merge: Codable, Sendable, Equatable {
        public var state: String
        public var district: String
        public var spellings: [String]
        public init(state: String, district: String, spellings: [String]) {
            self.state = state
            self.district = district
            self.spellings = spellings
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var rowsRead: Int
        public var productsCreated: Int
        public var productsUnchanged: Int
        public var productsUpdated: Int
        public var districtsCreated: Int
        /// District spelling variants merged into one district.
        public var districtsMerged: [Merge]
        /// Rows folded into a product another row already gave (after merging districts).
        public var duplicateRows: Int
        public var rejected: [Rejection]
        public var eventsEmitted: Int
        public init(
            rowsRead: Int, productsCreated: Int, productsUnchanged: Int, productsUpdated: Int, districtsCreated: Int,
            districtsMerged: [Merge], duplicateRows: Int, rejected: [Rejection], eventsEmitted: Int
        ) {
            self.rowsRead = rowsRead
            self.productsCreated = productsCreated
            self.productsUnchanged = productsUnchanged
            self.productsUpdated = productsUpdated
            self.districtsCreated = districtsCreated
            self.districtsMerged = districtsMerged
            self.duplicateRows = duplicateRows
            self.rejected = rejected
            self.eventsEmitted = eventsEmitted
        }
    }
}

/// `stats` → counts of active products by state and by sector.
public enum CatalogueStats: CommandSchema {
    public typealias Arguments = NoArguments
    public static let name = "stats"
    public static let isMutating = false
    public struct Count: Codable, Sendable, Equatable {
        public var key: String
        public var count: Int
        public init(key: String, count: Int) {
            self.key = key
            self.count = count
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var products: Int
        public var retired: Int
        public var districts: Int
        public var states: Int
        public var byState: [Count]
        public var bySector: [Count]
        public init(products: Int, retired: Int, districts: Int, states: Int, byState: [Count], bySector: [Count]) {
            self.products = products
            self.retired = retired
            self.districts = districts
            self.states = states
            self.byState = byState
            self.bySector = bySector
        }
    }
}

/// `gi.discrepancies` → products whose GI flag disagrees with the GI registry.
public enum GIDiscrepancies: CommandSchema {
    public typealias Arguments = NoArguments
    public static let name = "gi.discrepancies"
    public static let isMutating = false
    public struct Item: Codable, Sendable, Equatable {
        public var productId: String
        public var name: String
        public var state: String
        public var district: String
        public var listedGI: Bool
        /// The registry's GI name when matched.
        public var registryName: String?
        /// `flag_no_but_registered` or `flag_yes_but_unconfirmed`.
        public var kind: String
        public init(productId: String, name: String, state: String, district: String, listedGI: Bool, registryName: String?, kind: String) {
            self.productId = productId
            self.name = name
            self.state = state
            self.district = district
            self.listedGI = listedGI
            self.registryName = registryName
            self.kind = kind
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var items: [Item]
        public var registeredButNotFlagged: Int
        public var flaggedButUnconfirmed: Int
        public init(items: [Item], registeredButNotFlagged: Int, flaggedButUnconfirmed: Int) {
            self.items = items
            self.registeredButNotFlagged = registeredButNotFlagged
            self.flaggedButUnconfirmed = flaggedButUnconfirmed
        }
    }
}
