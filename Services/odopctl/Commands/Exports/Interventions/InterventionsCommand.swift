import ArgumentParser

/// `odopctl exports interventions`: the actions a plan commits to.
struct InterventionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interventions",
        abstract: "List a plan's interventions, or track the progress of one.",
        discussion: """
            An intervention's status moves planned -> in_progress -> done, or to dropped from \
            planned or in_progress; done and dropped are final. Progress is tracked on any \
            open plan, adopted ones included. To add or remove interventions, use plans \
            update.

            Examples:
              odopctl exports interventions list deap-UP-agra-1
              odopctl exports interventions update deap-UP-agra-1 i1 --status in_progress
            """,
        subcommands: [InterventionsListCommand.self, InterventionsUpdateCommand.self]
    )
}
