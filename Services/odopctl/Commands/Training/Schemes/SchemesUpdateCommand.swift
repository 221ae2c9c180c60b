import ArgumentParser
import ODOPMessages

/// `odopctl training schemes update`: `SchemeUpdate`.
struct SchemesUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a scheme: its next version, from a JSON file of its parameters.",
        discussion: """
            Applications made before keep their version (rates, caps and rules). --expected-version must be the current version (conflict otherwise).

            Examples:
              odopctl training schemes update up-odop-sdtd --expected-version 1 --file \\
                  p.json
            """
    )

    @Argument(help: ArgumentHelp("The scheme's id.", valueName: "scheme-id"))
    var schemeId: String

    @Option(help: ArgumentHelp("The scheme's current version.", valueName: "n"))
    var expectedVersion: Int

    @Option(help: ArgumentHelp("The parameters, as JSON.", valueName: "file"))
    var file: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            SchemeUpdate.self, .init(schemeId: schemeId, expectedVersion: expectedVersion, parameters: try SchemeParametersFile.read(file)))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.scheme(result))
    }
}
