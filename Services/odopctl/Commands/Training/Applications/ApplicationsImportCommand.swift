import ArgumentParser
import ODOPMessages

/// `odopctl training applications import`: `ApplicationsImport`.
struct ApplicationsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a district office's CSV: each row an artisan and an application; bad rows reported by line.",
        discussion: """
            The header names name, gender, dateOfBirth, mobile, aadhaar, familyReference, state, district, trade and optionally productId, bankAccount, ifsc, consentPurpose. Prints one line per refused row (line, field, reason) and the counts.

            Examples:
              odopctl training applications import --scheme up-odop-sdtd firozabad-2026.csv
            """
    )

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The scheme's id.", valueName: "scheme-id"))
    var scheme: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            ApplicationsImport.self, .init(schemeId: scheme, csv: try TrainingFile.text(file)))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        var table = Table([.number("LINE"), .text("FIELD"), .text("REASON")])
        for row in result.refused { table.append([String(row.line), row.field ?? "-", row.reason]) }
        if !table.isEmpty { StandardStream.output.write(table.rendered) }
        StandardStream.error.writeLine(
            "\(NumberText.count(result.rows)) row(s): \(NumberText.count(result.imported.count)) imported, \(NumberText.count(result.refused.count)) refused"
        )
    }
}
