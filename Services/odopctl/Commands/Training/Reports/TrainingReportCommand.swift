import ArgumentParser

/// `odopctl training report`.
struct TrainingReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports: funnel, coverage, ageing, stipends (--csv for spreadsheets).",
        subcommands: [
            TrainingFunnelCommand.self, TrainingCoverageCommand.self, TrainingAgeingCommand.self, TrainingStipendsReportCommand.self,
        ]
    )
}
