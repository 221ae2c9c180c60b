import ArgumentParser
import ODOPMessages

/// `odopctl training batches show`: `BatchGet`.
struct BatchesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a batch.",
        discussion: """
            Examples:
              odopctl training batches show bat-777174ff8b8c4572
            """
    )

    @Argument(help: ArgumentHelp("The batch's id.", valueName: "batch-id"))
    var batchId: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(BatchGet.self, .init(batchId: batchId))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.batch(result))
    }
}
