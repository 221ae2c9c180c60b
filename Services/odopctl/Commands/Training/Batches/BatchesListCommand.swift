import ArgumentParser
import ODOPMessages

/// `odopctl training batches list`: `BatchList`.
struct BatchesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List batches, a page at a time.",
        discussion: """
            Examples:
              odopctl training batches list --district UP-firozabad --status scheduled
            """
    )

    @Option(help: ArgumentHelp("Only this scheme.", valueName: "scheme-id"))
    var scheme: String?

    @Option(help: ArgumentHelp("Only this district (its id).", valueName: "district-id"))
    var district: String?

    @Option(help: ArgumentHelp("scheduled, started, completed or cancelled.", valueName: "status"))
    var status: BatchStatus?

    @Option(help: ArgumentHelp("The cursor of the page before.", valueName: "cursor"))
    var after: String?

    @Option(help: ArgumentHelp("Batches per page (1-1000).", valueName: "n"))
    var limit: Int?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            BatchList.self, .init(schemeId: scheme, districtId: district, status: status, after: after, limit: limit))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        StandardStream.output.write(TrainingViews.batches(result.items).rendered)
        if let next = result.next { StandardStream.error.writeLine("more: --after \(next)") }
    }
}
