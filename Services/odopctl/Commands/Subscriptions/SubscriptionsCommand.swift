import ArgumentParser

/// `odopctl subscriptions`: the durable subscriptions of a service.
struct SubscriptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscriptions",
        abstract: "List a service's subscriptions; retry or skip the event a stalled one is stopped at.",
        discussion: """
            A service that listens to another (exports and training to catalogue, \
            notifications to all) applies the source's events in seq order. An event it cannot \
            apply stops that subscription at that event (state stalled, service degraded) \
            until an admin retries it, after fixing the cause, or skips it, with a reason that \
            is kept on record. Nothing is ever skipped silently. A subscription whose source was \
            restored from a backup stalls too, until an admin resyncs it or rebuilds the service.

            Examples:
              odopctl subscriptions list --service exports
              odopctl subscriptions retry --service exports --source catalogue
              odopctl subscriptions skip --service exports --source catalogue --seq 1201 \\
                  --reason "district renamed by hand, see ticket 88"
            """,
        subcommands: [
            SubscriptionsListCommand.self, SubscriptionsRetryCommand.self, SubscriptionsSkipCommand.self,
            SubscriptionsResyncCommand.self,
        ]
    )
}
