import Foundation
import GRDB
import ODOPCatalogueCopy
import ODOPMessages
import ODOPRuntime

/// Applies another service's event: makes one delivery (or, for a digest subscription, one digest
/// entry) per matching subscription, in the transaction that advances the subscription's cursor.
/// Catalogue events come through the shared catalogue copy (`CatalogueReactions`: a product
/// change that brings nothing newer than the copy knew is not notified again). A delivery is therefore never lost (it commits with the
/// cursor) and never doubled (an event is applied once; the delivery id is unique).
///
/// Paused and disabled subscriptions still get their deliveries: they wait, in order.
struct EventFanOut: EventHandler, CatalogueReactions {
    let context: NotificationsContext

    func apply(_ event: EventEnvelope, in transaction: ServiceTransaction) throws {
        let db = transaction.db
        let subscriptions = try SubscriptionStore.all(db)
        guard !subscriptions.isEmpty else { return }
        let now = context.clock.now()
        var facts = EventFacts(event, db: db)
        var bodies: [MessageLanguage: Data] = [:]
        for subscription in subscriptions where try SubscriptionMatcher.matches(subscription.filter, &facts) {
            if subscription.mode != .immediate {
                try DigestStore.add(event, facts: facts, to: subscription, now: now, db: db)
                continue
            }
            let body: Data
            if let rendered = bodies[subscription.language] {
                body = rendered
            } else {
                body = try WebhookBody.encode(event, message: context.renderer.render(event, language: subscription.language))
                bodies[subscription.language] = body
            }
            try DeliveryStore.insert(
                db, id: DeliveryIdentity.webhookId(eventId: event.id, subscriptionId: subscription.id),
                subscriptionId: subscription.id, eventId: event.id, type: event.type, body: body,
                traceparent: transaction.traceparent ?? event.traceparent, now: now, dueAt: now)
        }
        context.wake()
    }

    func productChanged(_ product: CatalogueProduct, previous: CatalogueProduct?, event: EventEnvelope, in transaction: ServiceTransaction)
        throws
    {
        try apply(event, in: transaction)
    }

    func districtRegistered(_ district: CatalogueDistrict, event: EventEnvelope, in transaction: ServiceTransaction) throws {
        try apply(event, in: transaction)
    }
}
