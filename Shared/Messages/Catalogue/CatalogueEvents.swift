import Foundation

// The catalogue's events. Each carries state, not just ids, so that a subscriber never has to
// call back: a product event's data is the whole product record after the change.

/// `catalogue.product.registered`: a new product (from `product.register` or an import).
public struct ProductRegistered: EventPayload, Equatable {
    public static let eventType = "catalogue.product.registered"
    public static let schemaVersion = 1
    public var product: ProductRecord
    public init(_ product: ProductRecord) { self.product = product }
    public init(from decoder: any Decoder) throws { product = try ProductRecord(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try product.encode(to: encoder) }
}

/// `catalogue.product.updated`: a product changed (any field, including its name or sector).
public struct ProductUpdated: EventPayload, Equatable {
    public static let eventType = "catalogue.product.updated"
    public static let schemaVersion = 1
    public var product: ProductRecord
    public init(_ product: ProductRecord) { self.product = product }
    public init(from decoder: any Decoder) throws { product = try ProductRecord(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try product.encode(to: encoder) }
}

/// `catalogue.product.retired`: a product left the scheme (status `retired`, with the reason).
public struct ProductRetired: EventPayload, Equatable {
    public static let eventType = "catalogue.product.retired"
    public static let schemaVersion = 1
    public var product: ProductRecord
    public init(_ product: ProductRecord) { self.product = product }
    public init(from decoder: any Decoder) throws { product = try ProductRecord(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try product.encode(to: encoder) }
}

/// `catalogue.district.registered`: a new district; data is the district.
public struct DistrictRegistered: EventPayload, Equatable {
    public static let eventType = "catalogue.district.registered"
    public static let schemaVersion = 1
    public var district: DistrictRecord
    public init(_ district: DistrictRecord) { self.district = district }
    public init(from decoder: any Decoder) throws { district = try DistrictRecord(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try district.encode(to: encoder) }
}
