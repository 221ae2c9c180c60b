import ArgumentParser
import ODOPMessages

/// `odopctl training report coverage`: `CoverageReport`.
struct TrainingCoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Districts with an active ODOP product and no batch completed in the last months.",
        discussion: """
            Examples:
              odopctl training report coverage --state UP --months 12 --csv
            """
    )

    @Option(help: ArgumentHelp("Only this state.", valueName: "state"))
    var state: String?

    @Option(help: ArgumentHelp("The window in months (default 12).", valueName: "n"))
    var months: Int?

    @Flag(help: "Comma-separated values for spreadsheets.")
    var csv = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(CoverageReport.self, .init(state: state, months: months))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        let rows = result.gaps.map { [$0.state, $0.district, $0.districtId, String($0.activeProducts), $0.lastCompletedOn ?? ""] }
        if csv {
            var text = CSVText(header: ["state", "district", "district id", "active products", "last completed"])
            for row in rows { text.append(row) }
            StandardStream.output.write(text.rendered)
            return
        }
        var table = Table([.text("STATE"), .text("DISTRICT"), .text("DISTRICT ID"), .number("ACTIVE PRODUCTS"), .text("LAST COMPLETED")])
        for row in rows { table.append(row.enumerated().map { $0.offset == 4 && $0.element.isEmpty ? "never" : $0.element }) }
        if !table.isEmpty { StandardStream.output.write(table.rendered) }
        StandardStream.error.writeLine(
            "\(result.gaps.count) district(s) without a completed batch since \(result.since) (as of \(result.asOf))")
    }
}
