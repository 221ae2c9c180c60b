import ArgumentParser
import ODOPMessages

/// `odopctl training batches start`: `BatchStart`.
struct BatchesStartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start a batch (on or after its start date).",
        discussion: """
            Examples:
              odopctl training batches start bat-777174ff8b8c4572
            """
    )

    @Argument(help: ArgumentHelp("The batch's id.", valueName: "batch-id"))
    var batchId: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(BatchStart.self, .init(batchId: batchId))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.batch(result))
    }
}
