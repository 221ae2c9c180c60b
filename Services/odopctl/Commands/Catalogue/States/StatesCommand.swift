import ArgumentParser

/// `odopctl catalogue states`: the states and union territories.
struct StatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "states",
        abstract: "The 36 states and union territories the catalogue knows.",
        discussion: """
            Examples:
              odopctl catalogue states list
            """,
        subcommands: [StatesListCommand.self]
    )
}
