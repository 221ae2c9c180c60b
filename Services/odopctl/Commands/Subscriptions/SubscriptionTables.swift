import ODOPMessages

/// The tables the subscriptions commands print.
enum SubscriptionTables {
    static func statuses(_ subscriptions: [SubscriptionStatus]) -> Table {
        var table = Table([
            .text("SOURCE"), .number("APPLIED"), .number("SOURCE SEQ"), .number("LAG"), .text("STATE"),
        ])
        for subscription in subscriptions {
            table.append(StatusReport.subscriptionRow(subscription))
        }
        return table
    }

    /// The full story of each stalled subscription (the table shortens the error).
    static func stalledDetails(_ subscriptions: [SubscriptionStatus]) -> [String] {
        subscriptions.compactMap { subscription in
            guard let stalled = subscription.stalled else { return nil }
            return "\(subscription.source) stalled at seq \(stalled.seq) (\(stalled.type)) since \(stalled.since), "
                + "\(stalled.attempts) attempt(s): \(stalled.error.replacingNewlines())"
        }
    }

    static func skipped(_ events: [SkippedEvent]) -> Table {
        var table = Table([.text("SOURCE"), .number("SEQ"), .text("TYPE"), .text("SKIPPED AT"), .text("REASON"), .text("ERROR")])
        for event in events {
            table.append([
                event.source, String(event.seq), event.type, event.time, event.reason.replacingNewlines(),
                event.error.replacingNewlines(),
            ])
        }
        return table
    }
}
