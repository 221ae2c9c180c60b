import Foundation
import GRDB
import ODOPMessages
import ODOPRuntime

/// `deliveries.list`, `delivery.get`, `delivery.retry`, `delivery.skip`, `deliveries.retry`,
/// `deliveries.replay`. A retried or replayed delivery keeps its id (`webhook-id`) and body.
enum DeliveryCommands {
    static func register(in registry: inout CommandRegistry, context: NotificationsContext) {
        let clock = context.clock

        registry.read(DeliveriesList.self) { args, context in
            let (items, total) = try DeliveryStore.list(
                context.db, status: args.status, subscriptionId: args.subscriptionId, eventId: args.eventId,
                limit: args.limit ?? 50, offset: args.offset ?? 0)
            return DeliveriesList.Result(items: items, total: total)
        }

        registry.read(DeliveryGet.self) { args, context in
            try DeliveryStore.require(context.db, id: args.id)
        }

        registry.write(DeliveryRetry.self) { args, transaction in
            let delivery = try DeliveryStore.require(transaction.db, id: args.id)
            guard delivery.status == .dead || delivery.status == .skipped else {
                throw CommandError.conflict(
                    "delivery '\(args.id)' is \(delivery.status.rawValue); only a dead or skipped one can be retried", field: "id")
            }
            _ = try DeliveryStore.requeue(transaction.db, where: "id = ?", arguments: [args.id], now: clock.now())
            context.wake()
            return try DeliveryStore.require(transaction.db, id: args.id)
        }

        registry.write(DeliverySkip.self) { args, transaction in
            let delivery = try DeliveryStore.require(transaction.db, id: args.id)
            guard delivery.status == .dead || delivery.status == .pending else {
                throw CommandError.conflict(
                    "delivery '\(args.id)' is \(delivery.status.rawValue); only a dead or pending one can be skipped", field: "id")
            }
            try transaction.db.execute(
                sql: "UPDATE notification_deliveries SET status = 'skipped', next_attempt_at = NULL WHERE id = ?", arguments: [args.id])
            context.wake()
            return try DeliveryStore.require(transaction.db, id: args.id)
        }

        registry.write(DeliveriesRetry.self) { args, transaction in
            let since = RFC3339.date(from: args.since)!.timeIntervalSince1970
            var condition = "status = 'dead' AND dead_at >= ?"
            var arguments: StatementArguments = [since]
            if let subscriptionId = args.subscriptionId {
                _ = try SubscriptionStore.require(transaction.db, id: subscriptionId)
                condition += " AND subscription_id = ?"
                arguments += [subscriptionId]
            }
            let count = try DeliveryStore.requeue(transaction.db, where: condition, arguments: arguments, now: clock.now())
            context.wake()
            return DeliveriesRetry.Result(count: count)
        }

        registry.write(DeliveriesReplay.self) { args, transaction in
            let from = RFC3339.date(from: args.from)!.timeIntervalSince1970
            let to = RFC3339.date(from: args.to)!.timeIntervalSince1970
            guard from < to else { throw CommandError.invalidArgument("'from' must be before 'to'", field: "to") }
            _ = try SubscriptionStore.require(transaction.db, id: args.subscriptionId)
            let count = try DeliveryStore.requeue(
                transaction.db,
                where: "subscription_id = ? AND status IN ('sent', 'dead', 'skipped') AND created_at >= ? AND created_at < ?",
                arguments: [args.subscriptionId, from, to], now: clock.now())
            context.wake()
            return DeliveriesReplay.Result(count: count)
        }
    }
}
