import ArgumentParser
import ODOPMessages

/// `odopctl training stipends pay`: `PaymentBatchCreate`.
struct StipendsPayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay",
        abstract: "Send stipends to the bank in one payment batch (due, failed or returned ones; never a paid one).",
        discussion: """
            Examples:
              odopctl training stipends pay st-4f55adf0eba34753 st-0b2d4f6a8c1e3579
            """
    )

    @Argument(help: ArgumentHelp("The stipends to pay.", valueName: "stipend-id"))
    var stipends: [String]

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(PaymentBatchCreate.self, .init(stipendIds: stipends))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        StandardStream.output.write(TrainingViews.paymentBatch(result).rendered)
        StandardStream.error.writeLine(
            "payment batch \(result.paymentBatchId): \(result.items.count) stipend(s), \(TrainingViews.rupees(result.totalRupees))")
    }
}
