import ArgumentParser
import ODOPMessages

/// `odopctl catalogue states list`: `states.list`.
struct StatesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the states and union territories, with their codes.",
        discussion: """
            One line per state or union territory: its ISO 3166-2:IN code (without IN-), its \
            name as in the Local Government Directory, and whether it is a state or a union \
            territory. Any of the names or codes works wherever a command takes --state.

            Examples:
              odopctl catalogue states list
              odopctl catalogue states list --json | jq -r '.[].code'
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .catalogue)
        let (json, list) = try connection.callKeepingJSON(StatesList.self, NoArguments())
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json["items"] ?? .array([])))
            return
        }
        var table = Table([.text("CODE"), .text("NAME"), .text("KIND")])
        for state in list.items {
            table.append([state.code, state.name, state.kind])
        }
        StandardStream.output.write(table.rendered)
    }
}
