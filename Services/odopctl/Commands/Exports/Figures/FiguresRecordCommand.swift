import ArgumentParser
import ODOPMessages

/// `odopctl exports figures record`: `figures.record`.
struct FiguresRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a product's export value for a financial year (or correct it).",
        discussion: """
            The product must be one the exports service has seen in the catalogue's events \
            (invalid_argument, field productId, otherwise). The year is YYYY-YY and must have \
            begun; the value is in crore rupees, from 0 to 1,000,000. A figure for a product \
            and year that has one is stored as the next revision, with the value it corrects; \
            recording the current value and source again changes nothing. Prints the figure as \
            stored.

            Examples:
              odopctl exports figures record --year 2023-24 --value-crore 1250.5 \\
                  --product p-46ef413f-8155-4cb1-a8a4-21fb8657577a --source "DGCI&S"
            """
    )

    @Option(help: ArgumentHelp("The product's id in the catalogue.", valueName: "id"))
    var product: String

    @Option(help: ArgumentHelp("The financial year, e.g. 2023-24.", valueName: "yyyy-yy"))
    var year: String

    @Option(help: ArgumentHelp("The value of the year's exports, in crore rupees.", valueName: "value"))
    var valueCrore: Double

    @Option(help: ArgumentHelp("Where the figure comes from, e.g. DGCI&S.", valueName: "source"))
    var source: String

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if !valueCrore.isFinite || valueCrore < 0 {
            throw ValidationError("--value-crore must be a number at least 0, got \(valueCrore)")
        }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .exports)
        let (json, figure) = try connection.callKeepingJSON(
            FiguresRecord.self,
            .init(
                productId: product, financialYear: year, valueINRCrore: valueCrore, source: source))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        StandardStream.output.write(FigureViews.fields(figure).rendered)
    }
}
