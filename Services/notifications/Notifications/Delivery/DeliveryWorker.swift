import Foundation
import GRDB
import Logging
import ODOPMessages
import ODOPRuntime
import Synchronization

/// Sends due deliveries through their channels and records each outcome.
///
/// One loop: close ended digest windows; pick due deliveries (an ordered subscription's head
/// only, so one in flight per ordered subscription); start each attempt as a child task (at most
/// `concurrency` at once); store the outcomes that came back, together in one transaction with
/// their events:
/// - delivered → `sent`, `notifications.delivery.sent`, the subscription's failure streak ends;
/// - failed → next attempt by the schedule (not before a `Retry-After`), or `dead` with
///   `notifications.delivery.dead` after the last; a subscription failing continuously for
///   `disableAfter` is disabled (`notifications.subscription.disabled`, reason `failing`);
/// - gone (410) → the subscription is disabled (reason `gone`); the delivery waits pending.
///
/// What is in flight lives only in memory: after a crash the same deliveries are pending again
/// and are sent again with the same `webhook-id` (at least once; receivers deduplicate by id).
final class DeliveryWorker: Sendable {
    let store: ServiceStore
    let context: NotificationsContext
    let channels: ChannelSet
    let logger: Logger
    /// The thread the worker's tasks run on.
    let executor = WorkerThreadExecutor(name: "deliveries")
    private let inFlight = Mutex<Set<Int64>>([])
    /// Outcomes of finished attempts, waiting to be stored together in the loop's next write.
    private let outcomes = Mutex<[(AttemptOutcome, StoredDelivery)]>([])

    init(store: ServiceStore, context: NotificationsContext, channels: ChannelSet, logger: Logger) {
        self.store = store
        self.context = context
        self.channels = channels
        self.logger = logger
    }

    /// Runs until the task is cancelled; attempts in flight finish (bounded by the timeout).
    func run() async {
        await withTaskGroup(of: Void.self) { group in
            while !Task.isCancelled {
                await recordOutcomes()
                let started = startDue(in: &group)
                if started == 0 {
                    await context.signal.wait(timeout: sleepInterval(), on: executor)
                } else {
                    await context.signal.wait(timeout: .milliseconds(20), on: executor)
                }
            }
            await group.waitForAll()
            await recordOutcomes()
        }
    }

    private func sleepInterval() -> Duration {
        let poll = context.settings.pollInterval
        guard let next = try? store.read({ try DeliveryStore.nextDue($0) }) else { return poll }
        let wait = next.timeIntervalSince(context.clock.now())
        if wait <= 0 { return .milliseconds(5) }
        return min(poll, .milliseconds(Int64(wait * 1000) + 1))
    }

    /// Closes ended digest windows and starts attempts for what is due. Returns how many started.
    private func startDue(in group: inout TaskGroup<Void>) -> Int {
        let now = context.clock.now()
        do {
            let windows = try store.read { try DigestStore.endedWindows($0, now: now) }
            for window in windows {
                try store.write { transaction in
                    try DigestStore.close(
                        subscriptionId: window.subscriptionId, start: window.start, end: window.end,
                        renderer: context.renderer, now: now, db: transaction.db)
                }
            }
            let busy = inFlight.withLock { $0.count }
            let capacity = context.settings.concurrency - busy
            guard capacity > 0 else { return 0 }
            let due = try store.read { db -> [(StoredDelivery, StoredSubscription)] in
                try DeliveryStore.due(db, now: now, limit: capacity + busy).compactMap { delivery in
                    try SubscriptionStore.find(db, id: delivery.record.subscriptionId).map { (delivery, $0) }
                }
            }
            var started = 0
            for (delivery, subscription) in due where started < capacity {
                guard inFlight.withLock({ $0.insert(delivery.ordinal).inserted }) else { continue }
                started += 1
                let message = OutgoingMessage(
                    id: delivery.record.id, subscriptionId: subscription.id, type: delivery.record.type,
                    target: subscription.target, body: delivery.body, secrets: subscription.secrets(at: now),
                    traceparent: delivery.traceparent)
                let channel = channels.channel(subscription.channel)
                group.addTask {
                    let outcome = await channel.send(message)
                    self.outcomes.withLock { $0.append((outcome, delivery)) }
                    self.context.wake()
                }
            }
            return started
        } catch {
            logger.error("delivery worker: cannot read due work", metadata: ["error": "\(error)"])
            return 0
        }
    }

    /// Stores the outcomes of the attempts that finished since the last call, in one
    /// transaction with their events, retrying the write on a transient database error; then
    /// their deliveries are no longer in flight. Outcomes that cannot be stored are dropped: their
    /// deliveries stay pending and are attempted again (same `webhook-id`), which is the
    /// at-least-once the receiver deduplicates.
    func recordOutcomes() async {
        let batch = outcomes.withLock { outcomes in
            defer { outcomes.removeAll() }
            return outcomes
        }
        guard !batch.isEmpty else { return }
        defer { inFlight.withLock { inFlight in for (_, delivery) in batch { inFlight.remove(delivery.ordinal) } } }
        for attempt in 1...5 {
            do {
                try store.write { transaction in
                    for (outcome, delivery) in batch { try apply(outcome, to: delivery, transaction) }
                }
                return
            } catch {
                logger.warning(
                    "delivery worker: cannot record outcomes",
                    metadata: ["deliveries": "\(batch.count)", "attempt": "\(attempt)", "error": "\(error)"])
                try? await Task.sleep(for: .milliseconds(50 * attempt))
            }
        }
    }

    private func apply(_ outcome: AttemptOutcome, to delivery: StoredDelivery, _ transaction: ServiceTransaction) throws {
        let db = transaction.db
        let now = context.clock.now()
        // Only if nothing changed it meanwhile (skipped, deleted, retried by an admin).
        guard
            let current = try Row.fetchOne(
                db, sql: "SELECT status, attempts FROM notification_deliveries WHERE ordinal = ?", arguments: [delivery.ordinal]),
            (current["status"] as String) == "pending", (current["attempts"] as Int) == delivery.record.attempts,
            var subscription = try SubscriptionStore.find(db, id: delivery.record.subscriptionId)
        else { return }
        let attempts = delivery.record.attempts + 1
        let record = delivery.record
        switch outcome {
        case .delivered(let status):
            try DeliveryStore.markSent(db, ordinal: delivery.ordinal, attempts: attempts, status: status, now: now)
            try AttemptOutcomes.count("sent", channel: subscription.channel, db)
            if subscription.failingSince != nil {
                subscription.failingSince = nil
                try SubscriptionStore.save(db, subscription)
            }
            try transaction.emit(
                DeliverySent(
                    deliveryId: record.id, subscriptionId: subscription.id, eventId: record.eventId, type: record.type, attempts: attempts,
                    status: status))

        case .gone(let status):
            try DeliveryStore.markFailed(
                db, ordinal: delivery.ordinal, attempts: attempts, status: status, error: "410 Gone: subscription disabled", now: now,
                next: now)
            try AttemptOutcomes.count("gone", channel: subscription.channel, db)
            try disable(&subscription, reason: .gone, now: now, transaction)

        case .failed(let status, let error, let retryAfter):
            var next = context.settings.schedule.nextAttempt(after: attempts, failedAt: now)
            if let retryAfter, let scheduled = next { next = max(scheduled, now.addingTimeInterval(retryAfter)) }
            try DeliveryStore.markFailed(
                db, ordinal: delivery.ordinal, attempts: attempts, status: status, error: error, now: now, next: next)
            try AttemptOutcomes.count(next == nil ? "dead" : "failed", channel: subscription.channel, db)
            if next == nil {
                try transaction.emit(
                    DeliveryDead(
                        deliveryId: record.id, subscriptionId: subscription.id, eventId: record.eventId, type: record.type,
                        attempts: attempts, lastStatus: status, lastError: error))
            }
            let since = subscription.failingSince ?? now
            if subscription.failingSince == nil {
                subscription.failingSince = now
                try SubscriptionStore.save(db, subscription)
            }
            if now.timeIntervalSince(since) >= context.settings.disableAfter, subscription.status == .active {
                try disable(&subscription, reason: .failing, now: now, transaction)
            }
        }
    }

    private func disable(_ subscription: inout StoredSubscription, reason: DisabledReason, now: Date, _ transaction: ServiceTransaction)
        throws
    {
        guard subscription.status != .disabled else { return }
        subscription.status = .disabled
        subscription.disabledReason = reason.rawValue
        subscription.updatedAt = now
        subscription.version += 1
        try SubscriptionStore.save(transaction.db, subscription)
        try transaction.emit(
            SubscriptionDisabled(
                subscriptionId: subscription.id, channel: subscription.channel, reason: reason,
                failingSince: reason == .failing ? subscription.failingSince.map(RFC3339.string(from:)) : nil))
        logger.warning("subscription disabled", metadata: ["subscription": "\(subscription.id)", "reason": "\(reason.rawValue)"])
    }
}
