import ODOPMessages
import ODOPRuntime

/// What a service does when its copy of the catalogue changes: its own effects of a catalogue
/// event (exports' plans, training's batches), run in the same transaction as the copy's change
/// and the subscription's cursor. Throwing refuses the event (see `EventHandler`).
public protocol CatalogueReactions: Sendable {
    /// A product is new to the copy, or newer than the copy knew (`previous`). Not called for an
    /// event that brings nothing newer.
    func productChanged(
        _ product: CatalogueProduct, previous: CatalogueProduct?, event: EventEnvelope, in transaction: ServiceTransaction
    ) throws

    /// A district was registered (or re-registered with new aliases) in the catalogue.
    func districtRegistered(_ district: CatalogueDistrict, event: EventEnvelope, in transaction: ServiceTransaction) throws
}

extension CatalogueReactions {
    public func productChanged(
        _ product: CatalogueProduct, previous: CatalogueProduct?, event: EventEnvelope, in transaction: ServiceTransaction
    ) throws {}

    public func districtRegistered(_ district: CatalogueDistrict, event: EventEnvelope, in transaction: ServiceTransaction) throws {}
}

/// For a service that only needs the copy.
public struct NoCatalogueReactions: CatalogueReactions {
    public init() {}
}
