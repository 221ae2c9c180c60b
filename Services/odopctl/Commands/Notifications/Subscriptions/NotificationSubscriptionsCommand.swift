import ArgumentParser

/// `odopctl notifications subscriptions`: who hears what.
struct NotificationSubscriptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscriptions",
        abstract: "Create, list, show, update, pause, resume, delete, test subscriptions; rotate a webhook's secret.",
        discussion: """
            Subscription ids are sub_ and 26 letters and digits. The mutating commands need the \
            admin role when the notifications service uses CURVE.

            Examples:
              odopctl notifications subscriptions create --name "SEPC" --role SEPC \\
                  --file /var/lib/odop/outbox/sepc.jsonl --type exports. --mode daily --digest-at 09:00
              odopctl notifications subscriptions pause sub_3k9x7m2q8r4t6v1w5y0z2a4c6e
              odopctl notifications subscriptions rotate-secret sub_3k9x7m2q8r4t6v1w5y0z2a4c6e
            """,
        subcommands: [
            NotificationSubscriptionsCreateCommand.self, NotificationSubscriptionsListCommand.self,
            NotificationSubscriptionsShowCommand.self, NotificationSubscriptionsUpdateCommand.self,
            NotificationSubscriptionsPauseCommand.self, NotificationSubscriptionsResumeCommand.self,
            NotificationSubscriptionsDeleteCommand.self, NotificationSubscriptionsRotateSecretCommand.self,
            NotificationSubscriptionsTestCommand.self,
        ]
    )
}
