import ArgumentParser
import ODOPMessages

/// `odopctl training applications list`: `ApplicationList`.
struct ApplicationsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List applications, a page at a time.",
        discussion: """
            Examples:
              odopctl training applications list --scheme pm-vishwakarma --status submitted
            """
    )

    @Option(help: ArgumentHelp("Only this scheme.", valueName: "scheme-id"))
    var scheme: String?

    @Option(help: ArgumentHelp("Only this state.", valueName: "state"))
    var state: String?

    @Option(help: ArgumentHelp("Only this district (its id).", valueName: "district-id"))
    var district: String?

    @Option(help: ArgumentHelp("submitted, verified, selected or rejected.", valueName: "status"))
    var status: ApplicationStatus?

    @Option(help: ArgumentHelp("The cursor of the page before.", valueName: "cursor"))
    var after: String?

    @Option(help: ArgumentHelp("Applications per page (1-1000).", valueName: "n"))
    var limit: Int?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            ApplicationList.self, .init(schemeId: scheme, state: state, district: district, status: status, after: after, limit: limit))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        StandardStream.output.write(TrainingViews.applications(result.items).rendered)
        if let next = result.next { StandardStream.error.writeLine("more: --after \(next)") }
    }
}
