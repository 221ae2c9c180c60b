import ODOPMessages
import ODOPRuntime

/// Applies the catalogue's events to the training service (its durable subscription's
/// handler): keeps `KnownCatalogue` (districts and products, with a version guard: an older
/// product event changes nothing) and reacts to product changes through `ProductRetirement`.
///
/// A private stand-in for the shared follower (`ODOPCatalogueCopy.CatalogueCopy.follow` with
/// `CatalogueReactions`) until that lands on main: `ProductRetirement.productChanged` already
/// has the reaction's shape, so the swap replaces only this file and `KnownCatalogue`.
public struct CatalogueFollower: EventHandler {
    let context: TrainingContext

    public init(context: TrainingContext) {
        self.context = context
    }

    public func apply(_ event: EventEnvelope, in transaction: ServiceTransaction) throws {
        switch event.type {
        case ProductRegistered.eventType, ProductUpdated.eventType, ProductRetired.eventType:
            try requireSchema(event, ProductRegistered.schemaVersion)
            let product = try event.decodeData(ProductRecord.self)
            let (previous, stored) = try KnownCatalogue(db: transaction.db).record(product)
            guard stored else { return }
            try ProductRetirement(context: context).productChanged(product, previous: previous, in: transaction)
        case DistrictRegistered.eventType:
            try requireSchema(event, DistrictRegistered.schemaVersion)
            try KnownCatalogue(db: transaction.db).record(try event.decodeData(DistrictRecord.self))
        default:
            return
        }
    }

    private func requireSchema(_ event: EventEnvelope, _ known: Int) throws {
        guard event.schema <= known else {
            throw CommandError.internalError("event \(event.type) has schema \(event.schema); this odop-training understands up to \(known)")
        }
    }
}

/// What the training service does when an ODOP product changes: when it is retired, its batches
/// that have not started are cancelled (each with `training.batch.cancelled`, and their
/// enrolments dropped with `training.enrolment.dropped`); running batches finish as planned.
/// New applications and batches for it are refused at the command (the product is no longer
/// active in `KnownCatalogue`).
struct ProductRetirement {
    let context: TrainingContext

    func productChanged(_ product: ProductRecord, previous: KnownCatalogue.Product?, in transaction: ServiceTransaction) throws {
        guard product.status == .retired, previous?.status != .retired else { return }
        let work = TrainingWork(transaction, context)
        for var batch in try BatchStore(db: transaction.db).batches(productId: product.id, status: .scheduled) {
            try BatchCommands.cancel(&batch, reason: "ODOP product \(product.id) was retired", work)
        }
        try work.flush()
    }
}
