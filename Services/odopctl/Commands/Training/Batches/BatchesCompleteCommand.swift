import ArgumentParser
import ODOPMessages

/// `odopctl training batches complete`: `BatchComplete`.
struct BatchesCompleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete",
        abstract: "Complete a batch (on or after its end date).",
        discussion: """
            Examples:
              odopctl training batches complete bat-777174ff8b8c4572
            """
    )

    @Argument(help: ArgumentHelp("The batch's id.", valueName: "batch-id"))
    var batchId: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(BatchComplete.self, .init(batchId: batchId))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.batch(result))
    }
}
