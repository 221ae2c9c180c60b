import ArgumentParser
import ODOPMessages

// The subscription commands that take only its id: show, pause, resume, delete, rotate-secret,
// test. Each prints what the service answered.

/// `odopctl notifications subscriptions show`: `subscription.get`.
struct NotificationSubscriptionsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one subscription (never its secret).",
        discussion: "Example:\n  odopctl notifications subscriptions show sub_3k9x7m2q8r4t6v1w5y0z2a4c6e")
    @Argument(help: ArgumentHelp("The subscription's id.", valueName: "id")) var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (json, subscription) = try global.resolve().connection(to: .notifications).callKeepingJSON(SubscriptionGet.self, .init(id: id))
        NotificationSubscriptionViews.print(subscription, json: json, asJSON: global.json)
    }
}

/// `odopctl notifications subscriptions pause`: `subscription.pause`.
struct NotificationSubscriptionsPauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause", abstract: "Hold a subscription's deliveries until it is resumed.",
        discussion: "Example:\n  odopctl notifications subscriptions pause sub_3k9x7m2q8r4t6v1w5y0z2a4c6e")
    @Argument(help: ArgumentHelp("The subscription's id.", valueName: "id")) var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (json, subscription) = try global.resolve().connection(to: .notifications).callKeepingJSON(
            SubscriptionPause.self, .init(id: id))
        NotificationSubscriptionViews.print(subscription, json: json, asJSON: global.json)
    }
}

/// `odopctl notifications subscriptions resume`: `subscription.resume`.
struct NotificationSubscriptionsResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Resume a paused or disabled subscription: what waited goes out in order.",
        discussion: "Example:\n  odopctl notifications subscriptions resume sub_3k9x7m2q8r4t6v1w5y0z2a4c6e")
    @Argument(help: ArgumentHelp("The subscription's id.", valueName: "id")) var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (json, subscription) = try global.resolve().connection(to: .notifications).callKeepingJSON(
            SubscriptionResume.self, .init(id: id))
        NotificationSubscriptionViews.print(subscription, json: json, asJSON: global.json)
    }
}

/// `odopctl notifications subscriptions delete`: `subscription.delete`.
struct NotificationSubscriptionsDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a subscription; its pending deliveries are skipped.",
        discussion: "Example:\n  odopctl notifications subscriptions delete sub_3k9x7m2q8r4t6v1w5y0z2a4c6e")
    @Argument(help: ArgumentHelp("The subscription's id.", valueName: "id")) var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (json, result) = try global.resolve().connection(to: .notifications).callKeepingJSON(SubscriptionDelete.self, .init(id: id))
        StandardStream.output.write(global.json ? JSONText.compact(json) + "\n" : "deleted \(result.id)\n")
    }
}

/// `odopctl notifications subscriptions rotate-secret`: `subscription.secret.rotate`.
struct NotificationSubscriptionsRotateSecretCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-secret", abstract: "Give a webhook subscription a new secret, printed this once.",
        discussion: """
            For 24 hours every request carries two signatures, with the new and the old secret, \
            so the receiver can switch without losing a message.

            Example:
              odopctl notifications subscriptions rotate-secret sub_3k9x7m2q8r4t6v1w5y0z2a4c6e
            """)
    @Argument(help: ArgumentHelp("The subscription's id.", valueName: "id")) var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (json, result) = try global.resolve().connection(to: .notifications).callKeepingJSON(
            SubscriptionSecretRotate.self, .init(id: id))
        NotificationSubscriptionViews.print(result.subscription, json: json, asJSON: global.json, secret: result.secret)
    }
}

/// `odopctl notifications subscriptions test`: `subscription.test`.
struct NotificationSubscriptionsTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Send a test message to a subscription; prints its delivery.",
        discussion: "Example:\n  odopctl notifications subscriptions test sub_3k9x7m2q8r4t6v1w5y0z2a4c6e")
    @Argument(help: ArgumentHelp("The subscription's id.", valueName: "id")) var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (json, delivery) = try global.resolve().connection(to: .notifications).callKeepingJSON(SubscriptionTest.self, .init(id: id))
        DeliveryViews.print(delivery, json: json, asJSON: global.json)
    }
}
