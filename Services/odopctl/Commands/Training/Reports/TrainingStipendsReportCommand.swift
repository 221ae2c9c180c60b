import ArgumentParser
import ODOPMessages

/// `odopctl training report stipends`: `StipendReconciliation`.
struct TrainingStipendsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stipends",
        abstract: "The stipend reconciliation: due, pending, paid, failed, returned.",
        discussion: """
            Examples:
              odopctl training report stipends --scheme up-odop-sdtd --csv
            """
    )

    @Option(help: ArgumentHelp("Only this scheme.", valueName: "scheme-id"))
    var scheme: String?

    @Flag(help: "Comma-separated values for spreadsheets.")
    var csv = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(StipendReconciliation.self, .init(schemeId: scheme))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        let rows = [
            ("due", result.due), ("pending", result.pending), ("paid", result.paid), ("failed", result.failed),
            ("returned", result.returned),
        ]
        if csv {
            var text = CSVText(header: ["status", "count", "rupees"])
            for (name, amount) in rows { text.append([name, String(amount.count), String(amount.rupees)]) }
            StandardStream.output.write(text.rendered)
            return
        }
        var table = Table([.text("STATUS"), .number("STIPENDS"), .number("AMOUNT")])
        for (name, amount) in rows { table.append([name, NumberText.count(amount.count), TrainingViews.rupees(amount.rupees)]) }
        StandardStream.output.write(table.rendered)
    }
}
