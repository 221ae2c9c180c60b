import ODOPMessages

/// A product as a follower last heard of it from the catalogue: what followers filter, group and
/// check by (the catalogue's `ProductRecord` carries more).
public struct CatalogueProduct: Sendable, Equatable {
    public var id: String
    /// The catalogue's version of the product; an event with an older one changes nothing.
    public var version: Int
    public var name: String
    public var state: String
    public var stateCode: String
    public var district: String
    public var districtId: String
    public var sector: String
    public var status: ProductStatus

    public init(
        id: String, version: Int, name: String, state: String, stateCode: String, district: String, districtId: String,
        sector: String, status: ProductStatus
    ) {
        self.id = id
        self.version = version
        self.name = name
        self.state = state
        self.stateCode = stateCode
        self.district = district
        self.districtId = districtId
        self.sector = sector
        self.status = status
    }

    public init(_ record: ProductRecord) {
        self.init(
            id: record.id, version: record.version, name: record.name, state: record.state, stateCode: record.stateCode,
            district: record.district, districtId: record.districtId, sector: record.sector, status: record.status)
    }

    public var isActive: Bool { status == .active }
}
