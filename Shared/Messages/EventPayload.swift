import Foundation

/// The `data` of one kind of event, e.g. `ProductRegistered`.
///
/// `eventType` is the envelope's `type` and the PUB topic; it starts with the owning service's
/// name (`catalogue.product.registered`). `schemaVersion` is the envelope's `schema`: it stays
/// the same when members are only added (consumers ignore members they do not know) and goes up
/// when a member is removed, renamed or changes meaning.
public protocol EventPayload: Codable, Sendable {
    static var eventType: String { get }
    static var schemaVersion: Int { get }
}
