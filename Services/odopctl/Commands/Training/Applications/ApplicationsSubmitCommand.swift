import ArgumentParser
import ODOPMessages

/// `odopctl training applications submit`: `ApplicationSubmit`.
struct ApplicationsSubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit an artisan's application to a scheme (every eligibility rule is checked).",
        discussion: """
            Examples:
              odopctl training applications submit --artisan art-3f9c2a7d41e84b06 \\
                  --scheme up-odop-sdtd
            """
    )

    @Option(help: ArgumentHelp("The artisan's id.", valueName: "artisan-id"))
    var artisan: String

    @Option(help: ArgumentHelp("The scheme's id.", valueName: "scheme-id"))
    var scheme: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(ApplicationSubmit.self, .init(artisanId: artisan, schemeId: scheme))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.application(result))
    }
}
