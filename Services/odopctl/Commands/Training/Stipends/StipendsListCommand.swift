import ArgumentParser
import ODOPMessages

/// `odopctl training stipends list`: `StipendList`.
struct StipendsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List stipends, a page at a time.",
        discussion: """
            Examples:
              odopctl training stipends list --status due --limit 1000 --json | jq -r \\
                  '.items[].stipendId'
            """
    )

    @Option(help: ArgumentHelp("Only this scheme.", valueName: "scheme-id"))
    var scheme: String?

    @Option(help: ArgumentHelp("due, pending, paid, failed or returned.", valueName: "status"))
    var status: StipendStatus?

    @Option(help: ArgumentHelp("The cursor of the page before.", valueName: "cursor"))
    var after: String?

    @Option(help: ArgumentHelp("Stipends per page (1-1000).", valueName: "n"))
    var limit: Int?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            StipendList.self, .init(schemeId: scheme, status: status, after: after, limit: limit))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        StandardStream.output.write(TrainingViews.stipends(result.items).rendered)
        if let next = result.next { StandardStream.error.writeLine("more: --after \(next)") }
    }
}
