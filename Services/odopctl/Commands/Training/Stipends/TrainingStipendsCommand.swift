import ArgumentParser

/// `odopctl training stipends`.
struct TrainingStipendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stipends",
        abstract: "Stipends: list, pay in a payment batch, record the bank's outcome.",
        subcommands: [StipendsListCommand.self, StipendsPayCommand.self, StipendsRecordCommand.self]
    )
}
