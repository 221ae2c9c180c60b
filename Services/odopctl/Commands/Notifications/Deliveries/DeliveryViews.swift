import ODOPMessages

/// How the deliveries commands show deliveries.
enum DeliveryViews {
    static func table(_ deliveries: [NotificationDelivery]) -> Table {
        var table = Table([
            .text("ID"), .text("SUBSCRIPTION"), .text("TYPE"), .text("STATUS"), .number("ATTEMPTS"), .text("LAST"), .text("NEXT / SENT"),
        ])
        for delivery in deliveries {
            table.append([
                delivery.id, delivery.subscriptionId, delivery.type, delivery.status.rawValue, String(delivery.attempts),
                last(delivery), delivery.sentAt ?? delivery.nextAttemptAt ?? "-",
            ])
        }
        return table
    }

    /// `HTTP 500` / `200` / `-`: the last attempt's outcome.
    static func last(_ delivery: NotificationDelivery) -> String {
        if let error = delivery.lastError { return error }
        return delivery.lastStatus.map(String.init) ?? "-"
    }

    static func text(_ delivery: NotificationDelivery) -> String {
        var fields = FieldList()
        fields.append("id", delivery.id)
        fields.append("subscription", delivery.subscriptionId)
        fields.append("event", delivery.eventId)
        fields.append("type", delivery.type)
        fields.append("window", delivery.windowStart.map { "\($0) to \(delivery.windowEnd ?? "?")" })
        fields.append("status", delivery.status.rawValue)
        fields.append("attempts", String(delivery.attempts))
        fields.append("last attempt", delivery.lastAttemptAt)
        fields.append("last status", delivery.lastStatus.map(String.init))
        fields.append("last error", delivery.lastError)
        fields.append("next attempt", delivery.nextAttemptAt)
        fields.append("sent", delivery.sentAt)
        fields.append("created", delivery.createdAt)
        return fields.rendered
    }

    static func print(_ delivery: NotificationDelivery, json: JSONValue, asJSON: Bool) {
        StandardStream.output.write(asJSON ? JSONText.compact(json) + "\n" : text(delivery))
    }
}
