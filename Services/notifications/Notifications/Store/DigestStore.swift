import Foundation
import GRDB
import ODOPMessages

/// Digest entries: an event waiting in its subscription's window (aligned to IST hours or days
/// by the event's time). When the window has ended the worker turns its entries into one
/// delivery, with the id derived from the window, and removes them in the same transaction.
enum DigestStore {
    /// Puts `event` in the window holding its time; when that window already went out (a late
    /// event, say after a restore), in the window holding `now`.
    static func add(_ event: EventEnvelope, facts: EventFacts, to subscription: StoredSubscription, now: Date, db: Database) throws {
        let time = event.date ?? now
        guard var window = subscription.window(holding: time) else { return }
        let windowId = DeliveryIdentity.digestId(subscriptionId: subscription.id, windowStart: window.start)
        if try DeliveryStore.find(db, id: windowId) != nil, let current = subscription.window(holding: now) {
            window = current
        }
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO notification_digest_items (subscription_id, event_id, window_start, window_end, type, state, district, event_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                subscription.id, event.id, window.start.timeIntervalSince1970, window.end.timeIntervalSince1970,
                event.type, event.data["state"]?.stringValue, facts.district, time.timeIntervalSince1970,
            ])
    }

    /// Windows that ended at or before `now` and still hold entries.
    static func endedWindows(_ db: Database, now: Date) throws -> [(subscriptionId: String, start: Date, end: Date)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT subscription_id, window_start, window_end FROM notification_digest_items
                WHERE window_end <= ? ORDER BY window_end
                """, arguments: [now.timeIntervalSince1970]
        ).map {
            ($0["subscription_id"], Date(timeIntervalSince1970: $0["window_start"]), Date(timeIntervalSince1970: $0["window_end"]))
        }
    }

    /// Turns one ended window into its delivery (none when the subscription is gone).
    static func close(subscriptionId: String, start: Date, end: Date, renderer: MessageRenderer, now: Date, db: Database) throws {
        defer {
            try? db.execute(
                sql: "DELETE FROM notification_digest_items WHERE subscription_id = ? AND window_start = ?",
                arguments: [subscriptionId, start.timeIntervalSince1970])
        }
        guard let subscription = try SubscriptionStore.find(db, id: subscriptionId) else { return }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT type, state, district, COUNT(*) AS n FROM notification_digest_items
                WHERE subscription_id = ? AND window_start = ? GROUP BY type, state, district ORDER BY type, state, district
                """, arguments: [subscriptionId, start.timeIntervalSince1970])
        let groups = rows.map { DigestBody.Group(type: $0["type"], state: $0["state"], district: $0["district"], count: $0["n"]) }
        let count = groups.reduce(0) { $0 + $1.count }
        guard count > 0 else { return }
        let language = subscription.language
        var lines = [renderer.renderDigestHeading(count: count, from: start, to: end, language: language)]
        for group in groups {
            let place = [group.district, group.state].compactMap { $0 }.joined(separator: ", ")
            lines.append("- \(group.type)\(place.isEmpty ? "" : " (\(place))"): \(IndianNumberFormat.grouped(Int64(group.count)))")
        }
        let body = DigestBody(
            timestamp: RFC3339.string(from: end),
            data: .init(
                subscriptionId: subscriptionId, windowStart: RFC3339.string(from: start), windowEnd: RFC3339.string(from: end),
                count: count, groups: groups, message: RenderedMessage(language: language, text: lines.joined(separator: "\n"))))
        try DeliveryStore.insert(
            db, id: DeliveryIdentity.digestId(subscriptionId: subscriptionId, windowStart: start), subscriptionId: subscriptionId,
            eventId: nil, type: "notifications.digest", body: try WireFormat.encode(body), traceparent: nil, now: now, dueAt: now,
            window: (start, end))
    }
}
