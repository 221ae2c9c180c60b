import ArgumentParser

/// `odopctl notifications`: subscriptions and their deliveries.
struct NotificationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notifications",
        abstract: "Work with the notifications service: subscriptions (webhook, file, log) and their deliveries.",
        discussion: """
            Every subcommand is one notifications command (docs/PROTOCOL.md, "notifications") \
            with its arguments as flags. A subscription names a recipient, a channel and target, \
            a filter on event types (and optionally states, districts, sectors), a language (en, \
            hi) and a mode (immediate, or an hourly or daily digest). A webhook's secret is shown \
            once, when the subscription is made or its secret rotated: keep it then.

            Examples:
              odopctl notifications subscriptions create --name "DEPC Agra" --role "DEPC member" \\
                  --webhook https://depc-agra.example.in/odop --type exports.plan. --state UP --language hi
              odopctl notifications subscriptions list
              odopctl notifications deliveries list --status dead
              odopctl notifications deliveries retry --since 2026-11-26T00:00:00Z
              odopctl notifications deliveries tail
            """,
        subcommands: [NotificationSubscriptionsCommand.self, DeliveriesCommand.self]
    )
}
