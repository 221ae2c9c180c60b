import Foundation

// The catalogue's events. Each carries state, not just ids, so that a subscriber never has to
// call back: a product event's data is the whole product record after the change.

/// `catalogue.product.registered`: a new product (from `product.register` or an import).
public struct ProductRegistered: RecordEvent, Equatable {
    public static let eventType = "catalogue.product.registered"
    public static let schemaVersion = 1
    public var product: ProductRecord
    public var record: ProductRecord { product }
    public init(_ product: ProductRecord) { self.product = product }
}

/// `catalogue.product.updated`: a product changed (any field, including its name or sector).
public struct ProductUpdated: RecordEvent, Equatable {
    public static let eventType = "catalogue.product.updated"
    public static let schemaVersion = 1
    public var product: ProductRecord
    public var record: ProductRecord { product }
    public init(_ product: ProductRecord) { self.product = product }
}

/// `catalogue.product.retired`: a product left the scheme (status `retired`, with the reason).
public struct ProductRetired: RecordEvent, Equatable {
    public static let eventType = "catalogue.product.retired"
    public static let schemaVersion = 1
    public var product: ProductRecord
    public var record: ProductRecord { product }
    public init(_ product: ProductRecord) { self.product = product }
}

/// `catalogue.district.registered`: a new district; data is the district.
public struct DistrictRegistered: RecordEvent, Equatable {
    public static let eventType = "catalogue.district.registered"
    public static let schemaVersion = 1
    public var district: DistrictRecord
    public var record: DistrictRecord { district }
    public init(_ district: DistrictRecord) { self.district = district }
}
