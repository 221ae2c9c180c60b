import ArgumentParser

/// `odopctl notifications deliveries`: what was sent, what waits, what died.
struct DeliveriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries",
        abstract: "List, show, retry, skip, replay and watch deliveries.",
        discussion: """
            A delivery's id is its webhook-id (msg_ and 32 hex digits): the same on every \
            attempt, retry and replay. Statuses: pending, sent, dead (every attempt failed), \
            skipped. A dead delivery at the head of an ordered subscription holds the ones \
            after it until it is retried or skipped.

            Examples:
              odopctl notifications deliveries list --status dead
              odopctl notifications deliveries retry msg_495e18aa67437492efd3d281f5abe92a
              odopctl notifications deliveries retry --since 2026-11-26T00:00:00Z
              odopctl notifications deliveries tail
            """,
        subcommands: [
            DeliveriesListCommand.self, DeliveriesShowCommand.self, DeliveriesRetryCommand.self, DeliveriesSkipCommand.self,
            DeliveriesReplayCommand.self, DeliveriesTailCommand.self,
        ]
    )
}
