import ArgumentParser

/// `odopctl training schemes`.
struct TrainingSchemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemes",
        abstract: "Schemes as data: list, show, define, update (each change a new version).",
        subcommands: [SchemesListCommand.self, SchemesShowCommand.self, SchemesDefineCommand.self, SchemesUpdateCommand.self]
    )
}
