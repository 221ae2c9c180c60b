import ODOPMessages

/// A district as a follower knows it from the catalogue: from `catalogue.district.registered`,
/// or from the first product event that named it (then without aliases until the district's own
/// event arrives).
public struct CatalogueDistrict: Sendable, Equatable {
    public var id: String
    public var state: String
    public var stateCode: String
    public var name: String
    public var aliases: [String]

    public init(id: String, state: String, stateCode: String, name: String, aliases: [String] = []) {
        self.id = id
        self.state = state
        self.stateCode = stateCode
        self.name = name
        self.aliases = aliases
    }

    public init(_ record: DistrictRecord) {
        self.init(id: record.id, state: record.state, stateCode: record.stateCode, name: record.name, aliases: record.aliases)
    }
}
