import ArgumentParser
import ODOPMessages

/// `odopctl catalogue districts list`: `district.list`.
struct DistrictsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the districts, of every state or of one.",
        discussion: """
            One line per district, ordered by state and name: its id, state, name, LGD code \
            and the other spellings it is known by. The catalogue returns every district at \
            once; --limit shows the first ones only.

            Examples:
              odopctl catalogue districts list --state Karnataka
              odopctl catalogue districts list --json | jq length
            """
    )

    @Option(help: ReferenceVocabulary.stateHelp("Only this state"), completion: .list(ReferenceVocabulary.states))
    var state: String?

    @Option(help: ArgumentHelp("At most this many districts. (default: all)", valueName: "n"))
    var limit: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .catalogue)
        let (json, list) = try connection.callKeepingJSON(DistrictList.self, .init(state: state))
        let shown = Array(list.items.prefix(limit ?? Int.max))
        if global.json {
            let items = json["items"]?.arrayValue ?? []
            StandardStream.output.writeLine(JSONText.compact(.array(Array(items.prefix(limit ?? Int.max)))))
            return
        }
        if !shown.isEmpty { StandardStream.output.write(DistrictViews.table(shown).rendered) }
        StandardStream.error.writeLine(
            PagedListing<DistrictRecord>.countLine(shown: shown.count, total: list.total, noun: "district", limit: limit))
    }
}
