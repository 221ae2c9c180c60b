import Foundation
import GRDB
import ODOPMessages
import ODOPRuntime

/// `subscription.*`: create, get, list, update, pause, resume, delete, rotate the secret, test.
///
/// The secret: `subscription.create` and `subscription.secret.rotate` are the only replies that
/// show it. The runtime keeps every mutating command's reply durably for idempotent retries, and
/// a secret must not be kept there; so these two run as commands that manage their own
/// transaction (the runtime stores no reply for them) and record their request id themselves: a
/// retry of the same request id changes nothing and answers the subscription with
/// `secret: null` (the first reply was the one chance to read it; rotate again if it was lost).
/// The runtime's in-memory cache of recent replies, which answers a retry that arrives while the
/// process runs, is the only other place the reply lives: it is never written to disk.
enum SubscriptionCommands {
    static func register(in registry: inout CommandRegistry, context: NotificationsContext) {
        let rules = SubscriptionArguments(policy: context.settings.addressPolicy)
        let clock = context.clock

        registry.plain(SubscriptionCreate.self) { args, request in
            let channel = try rules.channel(args.channel)
            let target = try rules.target(args.target, channel: channel)
            let filter = try rules.filter(args.filter)
            let language = try rules.language(args.language)
            let (mode, digestAt) = try rules.mode(args.mode, digestAt: args.digestAt)
            let now = clock.now()
            return try context.store().write(correlationId: request.id) { transaction in
                let db = transaction.db
                if let earlier = try String.fetchOne(
                    db, sql: "SELECT subscription_id FROM notification_secret_requests WHERE request_id = ?", arguments: [request.id])
                {
                    let subscription = try SubscriptionStore.require(db, id: earlier)
                    return SubscriptionWithSecret(subscription: subscription.record(at: now), secret: nil)
                }
                let secret = channel == .webhook ? WebhookSignature.newSecret() : nil
                let subscription = StoredSubscription(
                    id: DeliveryIdentity.newSubscriptionId(), seq: 0, recipient: trimmed(args.recipient), channel: channel,
                    target: target, filter: filter, language: language, mode: mode, digestAt: digestAt,
                    ordered: args.ordered ?? true, status: .active, disabledReason: nil, secret: secret, previousSecret: nil,
                    previousSecretUntil: nil, failingSince: nil, createdAt: now, updatedAt: now, version: 1)
                try SubscriptionStore.insert(db, subscription)
                try recordRequest(request.id, subscription.id, now: now, db: db)
                if secret != nil {
                    try transaction.audit(
                        action: "webhook.secret-set", subject: subscription.id, details: ["channel": "webhook"], for: request)
                }
                return SubscriptionWithSecret(subscription: subscription.record(at: now), secret: secret)
            }
        }

        registry.plain(SubscriptionSecretRotate.self) { args, request in
            let now = clock.now()
            return try context.store().write(correlationId: request.id) { transaction in
                let db = transaction.db
                if try String.fetchOne(
                    db, sql: "SELECT subscription_id FROM notification_secret_requests WHERE request_id = ?", arguments: [request.id])
                    != nil
                {
                    return SubscriptionWithSecret(subscription: try SubscriptionStore.require(db, id: args.id).record(at: now), secret: nil)
                }
                var subscription = try SubscriptionStore.require(db, id: args.id)
                guard subscription.channel == .webhook else {
                    throw CommandError.conflict(
                        "only a webhook subscription has a secret; '\(args.id)' is \(subscription.channel.rawValue)", field: "id")
                }
                let secret = WebhookSignature.newSecret()
                subscription.previousSecret = subscription.secret
                subscription.previousSecretUntil = now.addingTimeInterval(context.settings.rotationOverlap)
                subscription.secret = secret
                subscription.updatedAt = now
                subscription.version += 1
                try SubscriptionStore.save(db, subscription)
                try recordRequest(request.id, subscription.id, now: now, db: db)
                try transaction.audit(
                    action: "webhook.secret-rotated", subject: subscription.id,
                    details: ["previousValidUntil": .string(RFC3339.string(from: subscription.previousSecretUntil ?? now))], for: request)
                return SubscriptionWithSecret(subscription: subscription.record(at: now), secret: secret)
            }
        }

        registry.read(SubscriptionGet.self) { args, context in
            try SubscriptionStore.require(context.db, id: args.id).record(at: clock.now())
        }

        registry.read(SubscriptionList.self) { args, context in
            let (items, total) = try SubscriptionStore.list(
                context.db, status: args.status, limit: args.limit ?? 50, offset: args.offset ?? 0)
            let now = clock.now()
            return SubscriptionList.Result(items: items.map { $0.record(at: now) }, total: total)
        }

        registry.write(SubscriptionUpdate.self) { args, transaction in
            var subscription = try SubscriptionStore.require(transaction.db, id: args.id)
            if let expected = args.expectedVersion, expected != subscription.version {
                throw CommandError.conflict(
                    "subscription '\(args.id)' is at version \(subscription.version), not \(expected)", field: "expectedVersion")
            }
            if let recipient = args.recipient { subscription.recipient = trimmed(recipient) }
            if let target = args.target { subscription.target = try rules.target(target, channel: subscription.channel) }
            if let filter = args.filter { subscription.filter = try rules.filter(filter) }
            if let language = args.language { subscription.language = try rules.language(language) }
            if args.mode != nil || args.digestAt != nil {
                (subscription.mode, subscription.digestAt) = try rules.mode(
                    args.mode ?? subscription.mode.rawValue, digestAt: args.digestAt)
            }
            if let ordered = args.ordered { subscription.ordered = ordered }
            return try saveChanged(&subscription, now: clock.now(), db: transaction.db)
        }

        registry.write(SubscriptionPause.self) { args, transaction in
            var subscription = try SubscriptionStore.require(transaction.db, id: args.id)
            subscription.status = .paused
            return try saveChanged(&subscription, now: clock.now(), db: transaction.db)
        }

        registry.write(SubscriptionResume.self) { args, transaction in
            var subscription = try SubscriptionStore.require(transaction.db, id: args.id)
            subscription.status = .active
            subscription.disabledReason = nil
            subscription.failingSince = nil
            let record = try saveChanged(&subscription, now: clock.now(), db: transaction.db)
            // Deliveries held by a 410 wait pending: due now.
            _ = try DeliveryStore.requeueDueNow(transaction.db, subscriptionId: args.id, now: clock.now())
            context.wake()
            return record
        }

        registry.write(SubscriptionDelete.self) { args, transaction in
            let db = transaction.db
            _ = try SubscriptionStore.require(db, id: args.id)
            try db.execute(
                sql: """
                    UPDATE notification_deliveries SET status = 'skipped', last_error = 'subscription deleted', next_attempt_at = NULL
                    WHERE subscription_id = ? AND status = 'pending'
                    """, arguments: [args.id])
            try db.execute(sql: "DELETE FROM notification_digest_items WHERE subscription_id = ?", arguments: [args.id])
            try SubscriptionStore.delete(db, id: args.id)
            return SubscriptionDelete.Result(id: args.id, deleted: true)
        }

        registry.write(SubscriptionTest.self) { args, transaction in
            let db = transaction.db
            let subscription = try SubscriptionStore.require(db, id: args.id)
            let now = clock.now()
            let event = EventEnvelope(
                id: RandomUUID.string(), type: "notifications.test", schema: 1, source: "notifications", seq: nil,
                time: RFC3339.string(from: now), correlationId: transaction.correlationId,
                data: .object(["subscriptionId": .string(subscription.id), "recipient": .string(subscription.recipient.name)]))
            let message = context.renderer.render(event, language: subscription.language)
            let id = DeliveryIdentity.webhookId(eventId: event.id, subscriptionId: subscription.id)
            try DeliveryStore.insert(
                db, id: id, subscriptionId: subscription.id, eventId: event.id, type: event.type,
                body: try WebhookBody.encode(event, message: message), traceparent: nil, now: now, dueAt: now)
            context.wake()
            return try DeliveryStore.require(db, id: id)
        }
    }

    private static func trimmed(_ recipient: Recipient) -> Recipient {
        Recipient(name: recipient.name.trimmingCharacters(in: .whitespaces), role: recipient.role.trimmingCharacters(in: .whitespaces))
    }

    private static func recordRequest(_ requestId: String, _ subscriptionId: String, now: Date, db: Database) throws {
        try db.execute(
            sql: "INSERT INTO notification_secret_requests (request_id, subscription_id, created_at) VALUES (?, ?, ?)",
            arguments: [requestId, subscriptionId, now.timeIntervalSince1970])
    }

    private static func saveChanged(_ subscription: inout StoredSubscription, now: Date, db: Database) throws -> NotificationSubscription {
        subscription.updatedAt = now
        subscription.version += 1
        try SubscriptionStore.save(db, subscription)
        return subscription.record(at: now)
    }
}
