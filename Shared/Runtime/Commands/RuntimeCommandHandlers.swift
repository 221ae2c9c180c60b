import Foundation
import GRDB
import ODOPMessages

/// The handlers of the commands every service answers, served by the runtime (their schemas are
/// `ODOPMessages.RuntimeCommands`): `health`, `events.replay`, `events.trace`,
/// `subscriptions.list`, `subscriptions.retry`, `subscriptions.skip`, `subscriptions.resync`,
/// `backup.create`.
enum RuntimeCommandHandlers {
    static func register(
        in registry: inout CommandRegistry, service: String, version: String, store: ServiceStore, publisher: EventPublisher,
        subscribers: [DurableSubscriber], hooks: RuntimeHooks, metrics: ServiceMetrics?
    ) {
        let report = healthReport(service: service, version: version, store: store, publisher: publisher, subscribers: subscribers)
        registry.plain(Health.self) { _, _ in report() }

        registry.read(EventsTrace.self) { args, context in
            let limit = args.effectiveLimit
            let encoded: [Data]
            if let traceId = args.traceId {
                encoded = try store.eventLog.envelopes(traceId: traceId, limit: limit + 1, db: context.db)
            } else {
                encoded = try store.eventLog.envelopes(correlationId: args.correlationId ?? "", limit: limit + 1, db: context.db)
            }
            let events = try encoded.prefix(limit).map { try WireFormat.decode(EventEnvelope.self, from: $0) }
            return EventsTrace.Result(events: events, truncated: encoded.count > limit)
        }

        registry.readRaw(EventsReplay.self) { args, context, reply in
            metrics?.replayRequests.increment()
            hooks.beforeReplay?()
            var page = EventsReplay.ResultWriter(continuing: reply)
            reply = []  // the writer holds the only reference: it appends without copying
            try store.eventLog.forEachEnvelope(after: args.after, limit: args.effectiveLimit, db: context.db) {
                page.append(encodedEvent: $0)
            }
            let lastSeq = try store.eventLog.lastSeq(db: context.db)
            reply = page.finish(lastSeq: lastSeq, epoch: store.epoch)
        }

        registry.plain(SubscriptionsList.self) { _, _ in
            let skipped = try store.read(SubscriptionCursor.skipped)
            return SubscriptionsList.Result(subscriptions: subscribers.map(\.status), skipped: skipped)
        }

        @Sendable func subscriber(_ source: String) throws(CommandError) -> DurableSubscriber {
            guard let found = subscribers.first(where: { $0.source == source }) else {
                let known = subscribers.map(\.source)
                throw .notFound(
                    "\(service) has no subscription to \(source)" + (known.isEmpty ? "" : "; it follows \(known.joined(separator: ", "))"),
                    field: "source")
            }
            return found
        }
        registry.plain(SubscriptionRetry.self) { args, _ in try subscriber(args.source).retry() }
        registry.plain(SubscriptionSkip.self) { args, _ in try subscriber(args.source).skip(seq: args.seq, reason: args.reason) }
        registry.plain(SubscriptionResync.self) { args, _ in try subscriber(args.source).resync(epoch: args.epoch, after: args.after) }
        registry.plain(BackupCreate.self) { args, _ in try store.backup(to: args.path) }
    }

    /// The `health` report, as the command and `/status` give it.
    static func healthReport(
        service: String, version: String, store: ServiceStore, publisher: EventPublisher, subscribers: [DurableSubscriber]
    ) -> @Sendable () -> HealthReport {
        let clock = ContinuousClock()
        let start = clock.now
        return {
            let subscriptions = subscribers.map(\.status)
            let elapsed = clock.now - start
            return HealthReport(
                service: service, version: version,
                status: subscriptions.contains { $0.state == .stalled || $0.state == .disconnected }
                    ? HealthReport.statusDegraded : HealthReport.statusOK,
                uptimeSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                lastSeq: publisher.lastSeq, subscriptions: subscriptions, epoch: store.epoch)
        }
    }
}
