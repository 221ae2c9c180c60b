import Foundation
import GRDB
import ODOPMessages
import ODOPReference
import ODOPRuntime

/// Where each notifications command acts, for scoped keys (a district officer's key acts only
/// on its district's subscriptions) and the audit trail.
///
/// A subscription's place is the one its filter names: one state (`filter.states`) and at most
/// one district name in it (`filter.districts`). A filter over several states or districts, or a
/// district without its state, has no single place: only an unscoped key may make or change such
/// a subscription. A delivery acts in its subscription's place. `subscription.update` that gives
/// a new filter acts where the subscription is only when the new filter names the same place
/// (a scoped key cannot move a subscription to another place). Lists of everything
/// (`subscription.list`, and `deliveries.list`/`deliveries.retry` without a subscription) name
/// no place: a scoped key is refused them.
enum CommandPlaces {
    static func register(in registry: inout CommandRegistry) {
        registry.place(of: SubscriptionCreate.self, .record { args, _ in try filterPlace(args.filter) })
        registry.place(of: SubscriptionGet.self, .record { args, db in try subscriptionPlace(args.id, db) })
        registry.place(of: SubscriptionList.self, .record { _, _ in nil })
        registry.place(
            of: SubscriptionUpdate.self,
            .record { args, db in
                let current = try subscriptionPlace(args.id, db)
                guard let filter = args.filter else { return current }
                return try filterPlace(filter) == current ? current : nil
            })
        registry.place(of: SubscriptionPause.self, .record { args, db in try subscriptionPlace(args.id, db) })
        registry.place(of: SubscriptionResume.self, .record { args, db in try subscriptionPlace(args.id, db) })
        registry.place(of: SubscriptionDelete.self, .record { args, db in try subscriptionPlace(args.id, db) })
        registry.place(of: SubscriptionSecretRotate.self, .record { args, db in try subscriptionPlace(args.id, db) })
        registry.place(of: SubscriptionTest.self, .record { args, db in try subscriptionPlace(args.id, db) })

        registry.place(of: DeliveriesList.self, .record { args, db in try args.subscriptionId.flatMap { try subscriptionPlace($0, db) } })
        registry.place(of: DeliveryGet.self, .record { args, db in try deliveryPlace(args.id, db) })
        registry.place(of: DeliveryRetry.self, .record { args, db in try deliveryPlace(args.id, db) })
        registry.place(of: DeliverySkip.self, .record { args, db in try deliveryPlace(args.id, db) })
        registry.place(of: DeliveriesRetry.self, .record { args, db in try args.subscriptionId.flatMap { try subscriptionPlace($0, db) } })
        registry.place(of: DeliveriesReplay.self, .record { args, db in try subscriptionPlace(args.subscriptionId, db) })
    }

    /// The single place a filter names (see the type), or nil.
    static func filterPlace(_ filter: SubscriptionFilter) throws -> CommandPlace? {
        guard let states = filter.states, states.count == 1 else { return nil }
        let state = try PlaceArguments.state(states[0], field: "filter.states")
        switch filter.districts?.count ?? 0 {
        case 0: return CommandPlace(stateCode: state.code)
        case 1: return CommandPlace(state: state, district: TextFolding.collapsingWhitespace(filter.districts![0]))
        default: return nil
        }
    }

    /// The place of subscription `id`'s filter; `not_found` naming `id` when there is none.
    static func subscriptionPlace(_ id: String, _ db: Database) throws -> CommandPlace? {
        try filterPlace(try SubscriptionStore.require(db, id: id).filter)
    }

    static func deliveryPlace(_ id: String, _ db: Database) throws -> CommandPlace? {
        try subscriptionPlace(try DeliveryStore.require(db, id: id).subscriptionId, db)
    }
}
