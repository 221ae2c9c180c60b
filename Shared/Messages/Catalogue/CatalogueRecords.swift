import Foundation

/// A state or union territory, as the catalogue knows it (names as in the Local Government
/// Directory).
public struct StateRecord: Codable, Sendable, Equatable {
    /// ISO 3166-2:IN subdivision code without the `IN-` prefix, e.g. `UP`.
    public var code: String
    public var name: String
    /// `state` or `union territory`.
    public var kind: String

    public init(code: String, name: String, kind: String) {
        self.code = code
        self.name = name
        self.kind = kind
    }
}

/// A district: the unit an ODOP product and an export plan belong to.
public struct DistrictRecord: Codable, Sendable, Equatable {
    /// Stable id, `<state code>-<slug of the name>`, e.g. `UP-firozabad`.
    public var id: String
    /// The state's LGD name.
    public var state: String
    public var stateCode: String
    public var name: String
    /// Local Government Directory district code, when known.
    public var lgdCode: Int?
    /// Other spellings of the name found in the sources (e.g. `Belagavi (Belgaum)`).
    public var aliases: [String]

    public init(id: String, state: String, stateCode: String, name: String, lgdCode: Int?, aliases: [String]) {
        self.id = id
        self.state = state
        self.stateCode = stateCode
        self.name = name
        self.lgdCode = lgdCode
        self.aliases = aliases
    }
}

/// Whether a product is still part of the scheme.
public enum ProductStatus: String, Codable, Sendable, CaseIterable {
    case active, retired
}

/// The registry's record for a product that matched a registered Geographical Indication.
public struct GIRegistryMatch: Codable, Sendable, Equatable {
    /// The GI's registered name, e.g. `Moradabad Metal Craft`.
    public var name: String
    /// The registry's class of goods, normalised (e.g. `handicraft`, `agricultural`).
    public var goods: String

    public init(name: String, goods: String) {
        self.name = name
        self.goods = goods
    }
}

/// An ODOP product: the catalogue's main record, and the `data` of every
/// `catalogue.product.*` event (the whole record after the change).
public struct ProductRecord: Codable, Sendable, Equatable {
    /// Stable id assigned at registration (`p-` and a UUID).
    public var id: String
    /// Starts at 1; every change adds 1. `product.update` must name the current version.
    public var version: Int
    /// The state's LGD name.
    public var state: String
    public var stateCode: String
    /// The district's canonical name.
    public var district: String
    public var districtId: String
    public var lgdCode: Int?
    public var name: String
    /// One of `Sector` raw values: agriculture, dairy, food processing, handicraft, handloom,
    /// manufacturing, marine, textile, others.
    public var sector: String
    /// primary, secondary, tertiary or others, when known.
    public var category: String?
    public var description: String?
    /// The GI flag as the ODOP list gives it.
    public var giStatus: Bool
    /// The registered GI this product matched in the GI registry, if any.
    public var giRegistry: GIRegistryMatch?
    /// The responsible ministry or department, normalised.
    public var ministry: String?
    public var status: ProductStatus
    public var retiredReason: String?
    /// RFC 3339 UTC.
    public var createdAt: String
    public var updatedAt: String

    public init(
        id: String, version: Int, state: String, stateCode: String, district: String, districtId: String,
        lgdCode: Int?, name: String, sector: String, category: String?, description: String?, giStatus: Bool,
        giRegistry: GIRegistryMatch?, ministry: String?, status: ProductStatus, retiredReason: String?,
        createdAt: String, updatedAt: String
    ) {
        self.id = id
        self.version = version
        self.state = state
        self.stateCode = stateCode
        self.district = district
        self.districtId = districtId
        self.lgdCode = lgdCode
        self.name = name
        self.sector = sector
        self.category = category
        self.description = description
        self.giStatus = giStatus
        self.giRegistry = giRegistry
        self.ministry = ministry
        self.status = status
        self.retiredReason = retiredReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
