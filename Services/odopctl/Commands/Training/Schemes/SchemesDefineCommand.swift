import ArgumentParser
import ODOPMessages

/// `odopctl training schemes define`: `SchemeDefine`.
struct SchemesDefineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "define",
        abstract: "Add a scheme from a JSON file of its parameters.",
        discussion: """
            FILE holds the parameters as docs/PROTOCOL.md describes them (the \"parameters\" of `schemes show --json`). An existing id is refused (conflict). Needs the admin role under CURVE.

            Examples:
              odopctl training schemes show up-odop-sdtd --json | jq .parameters > p.json
              odopctl training schemes define up-odop-pilot --file p.json
            """
    )

    @Argument(help: ArgumentHelp("The new scheme's id: lowercase letters, digits and '-'.", valueName: "scheme-id"))
    var schemeId: String

    @Option(help: ArgumentHelp("The parameters, as JSON.", valueName: "file"))
    var file: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            SchemeDefine.self, .init(schemeId: schemeId, parameters: try SchemeParametersFile.read(file)))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.scheme(result))
    }
}
