import ArgumentParser
import ODOPMessages

/// `odopctl training schemes list`: `SchemeList`.
struct SchemesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the schemes at their current versions.",
        discussion: """
            One line per scheme: id, version, name, residency, toolkit form and cap.

            Examples:
              odopctl training schemes list
              odopctl training schemes list --json | jq '.items[].schemeId'
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(SchemeList.self, NoArguments())
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        var table = Table([.text("SCHEME"), .number("VERSION"), .text("NAME"), .text("RESIDENCY"), .text("TOOLKIT")])
        for scheme in result.items {
            table.append([
                scheme.schemeId, String(scheme.version), scheme.parameters.name, scheme.parameters.state ?? "national",
                "\(scheme.parameters.toolkit.form.rawValue) up to \(TrainingViews.rupees(scheme.parameters.toolkit.capRupees))",
            ])
        }
        StandardStream.output.write(table.rendered)
    }
}
