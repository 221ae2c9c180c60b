import ODOPMessages

/// How the subscription commands show subscriptions.
enum NotificationSubscriptionViews {
    static func table(_ subscriptions: [NotificationSubscription]) -> Table {
        var table = Table([
            .text("ID"), .text("RECIPIENT"), .text("CHANNEL"), .text("TARGET"), .text("TYPES"), .text("LANG"), .text("MODE"),
            .text("STATUS"),
        ])
        for subscription in subscriptions {
            table.append([
                subscription.id, "\(subscription.recipient.name) (\(subscription.recipient.role))", subscription.channel.rawValue,
                subscription.target, subscription.filter.types.joined(separator: ","), subscription.language.rawValue,
                mode(subscription), status(subscription),
            ])
        }
        return table
    }

    static func mode(_ subscription: NotificationSubscription) -> String {
        subscription.mode == .daily ? "daily at \(subscription.digestAt ?? "09:00") IST" : subscription.mode.rawValue
    }

    static func status(_ subscription: NotificationSubscription) -> String {
        subscription.disabledReason.map { "\(subscription.status.rawValue) (\($0))" } ?? subscription.status.rawValue
    }

    static func text(_ subscription: NotificationSubscription, secret: String? = nil) -> String {
        var fields = FieldList()
        fields.append("id", subscription.id)
        fields.append("recipient", "\(subscription.recipient.name) (\(subscription.recipient.role))")
        fields.append("channel", subscription.channel.rawValue)
        fields.append("target", subscription.target)
        fields.append("types", subscription.filter.types.joined(separator: ", "))
        fields.append("states", subscription.filter.states?.joined(separator: ", "))
        fields.append("districts", subscription.filter.districts?.joined(separator: ", "))
        fields.append("sectors", subscription.filter.sectors?.joined(separator: ", "))
        fields.append("language", subscription.language.rawValue)
        fields.append("mode", mode(subscription))
        fields.append("ordered", subscription.ordered ? "yes" : "no")
        fields.append("status", status(subscription))
        fields.append("rotating", subscription.rotating ? "yes: the previous secret still signs" : nil)
        fields.append("version", String(subscription.version))
        fields.append("created", subscription.createdAt)
        fields.append("updated", subscription.updatedAt)
        var text = fields.rendered
        if let secret {
            text += "\nsecret  \(secret)\n(shown this once: store it now; rotate it if it is lost)\n"
        }
        return text
    }

    /// A subscription as a command's result: its JSON as sent with --json, else its fields.
    static func print(_ subscription: NotificationSubscription, json: JSONValue, asJSON: Bool, secret: String? = nil) {
        StandardStream.output.write(asJSON ? JSONText.compact(json) + "\n" : text(subscription, secret: secret))
    }
}
