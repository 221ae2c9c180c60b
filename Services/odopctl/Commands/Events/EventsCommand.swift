import ArgumentParser

/// `odopctl events`: follow or replay the services' events.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Follow live events, or replay a service's event log.",
        discussion: """
            Every service publishes its events, in seq order, on its event socket, and keeps \
            them in its log. tail shows what is published from now on (a live view: it can miss \
            events, and says so when it notices a gap); replay reads the log, complete and in \
            order.

            Examples:
              odopctl events tail
              odopctl events replay --service catalogue --after 1200
            """,
        subcommands: [EventsTailCommand.self, EventsReplayCommand.self]
    )
}
