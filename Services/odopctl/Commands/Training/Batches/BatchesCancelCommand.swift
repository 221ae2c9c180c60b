import ArgumentParser
import ODOPMessages

/// `odopctl training batches cancel`: `BatchCancel`.
struct BatchesCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a batch that has not started (its enrolments are dropped).",
        discussion: """
            Examples:
              odopctl training batches cancel bat-777174ff8b8c4572 --reason \\
                  \"trainer unavailable\"
            """
    )

    @Argument(help: ArgumentHelp("The batch's id.", valueName: "batch-id"))
    var batchId: String

    @Option(help: ArgumentHelp("Why.", valueName: "reason"))
    var reason: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(BatchCancel.self, .init(batchId: batchId, reason: reason))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.batch(result))
    }
}
