import ArgumentParser
import ODOPMessages

/// `odopctl training report ageing`: `AgeingReport`.
struct TrainingAgeingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ageing",
        abstract: "Applications waiting at each verification stage, and how many longer than N days.",
        discussion: """
            Examples:
              odopctl training report ageing --older-than-days 15 --scheme pm-vishwakarma
            """
    )

    @Option(help: ArgumentHelp("The days after which a wait is overdue.", valueName: "days"))
    var olderThanDays: Int

    @Option(help: ArgumentHelp("Only this scheme.", valueName: "scheme-id"))
    var scheme: String?

    @Flag(help: "Comma-separated values for spreadsheets.")
    var csv = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(AgeingReport.self, .init(olderThanDays: olderThanDays, schemeId: scheme))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        let rows = result.stages.map { [$0.schemeId, $0.stage, String($0.waiting), String($0.overdue), $0.oldestWaitingSince ?? ""] }
        if csv {
            var text = CSVText(header: ["scheme", "stage", "waiting", "overdue", "oldest waiting since"])
            for row in rows { text.append(row) }
            StandardStream.output.write(text.rendered)
            return
        }
        var table = Table([
            .text("SCHEME"), .text("STAGE"), .number("WAITING"), .number("OVER \(result.olderThanDays) DAYS"), .text("OLDEST SINCE"),
        ])
        for row in rows { table.append(row) }
        StandardStream.output.write(table.rendered)
    }
}
