import ArgumentParser

/// `odopctl catalogue gi`: the GI flags against the GI registry.
struct GICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gi",
        abstract: "Check the list's GI flags against the GI registry.",
        discussion: """
            Examples:
              odopctl catalogue gi discrepancies
            """,
        subcommands: [GIDiscrepanciesCommand.self]
    )
}
