import ArgumentParser
import ODOPMessages

/// `odopctl exports figures history`: `figures.history`.
struct FiguresHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show every revision of a product's export figure for a financial year.",
        discussion: """
            Prints the current figure, then each revision, oldest first, with the value it \
            corrected, its source and when it was recorded. None recorded is refused \
            (not_found, exit 1).

            Examples:
              odopctl exports figures history --year 2023-24 \\
                  --product p-46ef413f-8155-4cb1-a8a4-21fb8657577a
              odopctl exports figures history --year 2023-24 --json \\
                  --product p-46ef413f-8155-4cb1-a8a4-21fb8657577a
            """
    )

    @Option(help: ArgumentHelp("The product's id in the catalogue.", valueName: "id"))
    var product: String

    @Option(help: ArgumentHelp("The financial year, e.g. 2023-24.", valueName: "yyyy-yy"))
    var year: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .exports)
        let (json, history) = try connection.callKeepingJSON(FiguresHistory.self, .init(productId: product, financialYear: year))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        var text = FigureViews.fields(history.current).rendered
        var table = Table([
            .number("REVISION"), .number("VALUE (CRORE)"), .number("PREVIOUS"), .text("SOURCE"), .text("RECORDED AT"),
        ])
        for figure in history.revisions {
            table.append([
                String(figure.revision), NumberText.amount(figure.valueINRCrore),
                figure.previousValueINRCrore.map { NumberText.amount($0) } ?? "-", figure.source, figure.recordedAt,
            ])
        }
        text += PlanViews.section("Revisions", table)
        StandardStream.output.write(text)
    }
}
