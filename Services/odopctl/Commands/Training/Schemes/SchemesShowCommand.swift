import ArgumentParser
import ODOPMessages

/// `odopctl training schemes show`: `SchemeGet`.
struct SchemesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a scheme's parameters (a version of it, or the current one).",
        discussion: """
            Examples:
              odopctl training schemes show pm-vishwakarma
              odopctl training schemes show up-odop-sdtd --version 1 --json > up-v1.json
            """
    )

    @Argument(help: ArgumentHelp("The scheme's id.", valueName: "scheme-id"))
    var schemeId: String

    @Option(help: ArgumentHelp("A version of the scheme (default: the current one).", valueName: "n"))
    var version: Int?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(SchemeGet.self, .init(schemeId: schemeId, version: version))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.scheme(result))
    }
}
