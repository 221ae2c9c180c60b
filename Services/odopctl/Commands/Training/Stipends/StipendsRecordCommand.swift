import ArgumentParser
import ODOPMessages

/// `odopctl training stipends record`: `PaymentRecord`.
struct StipendsRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record the bank's outcome for a stipend: paid, failed or returned.",
        discussion: """
            Examples:
              odopctl training stipends record --batch pay-6a0d3f8b2c4e1975 \\
                  st-4f55adf0eba34753 --outcome paid --reference PFMS/2026/04/000917
            """
    )

    @Argument(help: ArgumentHelp("The stipend's id.", valueName: "stipend-id"))
    var stipendId: String

    @Option(help: ArgumentHelp("The payment batch's id.", valueName: "payment-batch-id"))
    var batch: String

    @Option(help: ArgumentHelp("paid, failed or returned.", valueName: "outcome"))
    var outcome: PaymentOutcome

    @Option(help: ArgumentHelp("The bank's reference.", valueName: "reference"))
    var reference: String?

    @Option(help: ArgumentHelp("Why it failed or came back.", valueName: "reason"))
    var reason: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            PaymentRecord.self, .init(paymentBatchId: batch, stipendId: stipendId, outcome: outcome, reference: reference, reason: reason))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.stipend(result))
    }
}
