import ArgumentParser
import ODOPMessages

/// `odopctl training artisans list`: `ArtisanList`.
struct ArtisansListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List artisans, masked, a page at a time.",
        discussion: """
            Prints --limit artisans (default 50) and, on stderr, the --after value of the next page.

            Examples:
              odopctl training artisans list --state UP --district UP-firozabad
            """
    )

    @Option(help: ArgumentHelp("Only this state.", valueName: "state"))
    var state: String?

    @Option(help: ArgumentHelp("Only this district (its id).", valueName: "district-id"))
    var district: String?

    @Option(help: ArgumentHelp("The cursor of the page before.", valueName: "cursor"))
    var after: String?

    @Option(help: ArgumentHelp("Artisans per page (1-1000).", valueName: "n"))
    var limit: Int?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            ArtisanList.self, .init(state: state, district: district, after: after, limit: limit))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        StandardStream.output.write(TrainingViews.artisans(result.items).rendered)
        if let next = result.next { StandardStream.error.writeLine("more: --after \(next)") }
    }
}
