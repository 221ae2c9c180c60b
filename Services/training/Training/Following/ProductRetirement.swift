import ODOPCatalogueCopy
import ODOPMessages
import ODOPRuntime

/// What the training service does when an ODOP product changes in the catalogue copy: when it
/// is retired, its batches that have not started are cancelled (each with
/// `training.batch.cancelled`, their enrolments dropped with `training.enrolment.dropped`);
/// running batches finish as planned. New applications and batches for it are refused at the
/// command (the copy no longer holds it as active).
///
/// Runs in the transaction that applies the catalogue event, so the cascade and the cursor
/// commit together and an event replayed after a restart finds nothing left to cancel.
struct ProductRetirement: CatalogueReactions {
    let context: TrainingContext

    func productChanged(_ product: CatalogueProduct, previous: CatalogueProduct?, event: EventEnvelope, in transaction: ServiceTransaction)
        throws
    {
        guard !product.isActive, previous?.isActive != false else { return }
        let work = TrainingWork(transaction, context)
        for var batch in try BatchStore(db: transaction.db).batches(productId: product.id, status: .scheduled) {
            try BatchCommands.cancel(&batch, reason: "ODOP product \(product.id) (\(product.name)) was retired", work)
        }
        try work.flush()
    }
}
