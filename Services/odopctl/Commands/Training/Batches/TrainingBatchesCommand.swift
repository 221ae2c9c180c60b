import ArgumentParser

/// `odopctl training batches`.
struct TrainingBatchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batches",
        abstract: "Batches: schedule, show, list, start, complete, cancel.",
        subcommands: [
            BatchesScheduleCommand.self, BatchesShowCommand.self, BatchesStartCommand.self, BatchesCompleteCommand.self,
            BatchesCancelCommand.self, BatchesListCommand.self,
        ]
    )
}
