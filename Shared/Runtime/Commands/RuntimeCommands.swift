import Foundation
import GRDB
import ODOPMessages

/// The commands every service answers, served by the runtime: `health`, `events.replay`,
/// `subscriptions.list`, `subscriptions.retry`, `subscriptions.skip`.
enum RuntimeCommands {
    static func register(
        in registry: inout CommandRegistry, service: String, version: String, startedAt: Date,
        store: ServiceStore, publisher: EventPublisher, subscribers: [DurableSubscriber]
    ) {
        let clock = ContinuousClock()
        let start = clock.now
        registry.plain(Health.self) { _, _ in
            let subscriptions = subscribers.map(\.status)
            let elapsed = clock.now - start
            return HealthReport(
                service: service, version: version,
                status: subscriptions.contains { $0.state == .stalled || $0.state == .disconnected }
                    ? HealthReport.statusDegraded : HealthReport.statusOK,
                uptimeSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                lastSeq: publisher.lastSeq, subscriptions: subscriptions)
        }

        registry.readRaw(EventsReplay.self) { args, context in
            let events = try store.eventLog.envelopes(after: args.after, limit: args.effectiveLimit, db: context.db)
            let lastSeq = try store.eventLog.lastSeq(db: context.db)
            return EventsReplay.resultJSON(encodedEvents: events, lastSeq: lastSeq)
        }

        registry.plain(SubscriptionsList.self) { _, _ in
            let skipped = try store.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM subscription_skips ORDER BY source, seq").map { row in
                    SkippedEvent(source: row["source"], seq: row["seq"], type: row["type"], reason: row["reason"], error: row["error"], time: row["time"])
                }
            }
            return SubscriptionsList.Result(subscriptions: subscribers.map(\.status), skipped: skipped)
        }

        @Sendable func subscriber(_ source: String) throws(CommandError) -> DurableSubscriber {
            guard let found = subscribers.first(where: { $0.definition.source == source }) else {
                let known = subscribers.map(\.definition.source)
                throw .notFound(
                    "\(service) has no subscription to \(source)" + (known.isEmpty ? "" : "; it follows \(known.joined(separator: ", "))"),
                    field: "source")
            }
            return found
        }
        registry.plain(SubscriptionRetry.self) { args, _ in try subscriber(args.source).retry() }
        registry.plain(SubscriptionSkip.self) { args, _ in try subscriber(args.source).skip(seq: args.seq, reason: args.reason) }
    }
}
