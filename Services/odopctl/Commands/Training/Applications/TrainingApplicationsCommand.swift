import ArgumentParser

/// `odopctl training applications`.
struct TrainingApplicationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "applications",
        abstract: "Applications: submit, import a CSV, show, list, verify a stage, select, reject.",
        subcommands: [
            ApplicationsSubmitCommand.self, ApplicationsImportCommand.self, ApplicationsShowCommand.self, ApplicationsListCommand.self,
            ApplicationsVerifyCommand.self, ApplicationsSelectCommand.self, ApplicationsRejectCommand.self,
        ]
    )
}
