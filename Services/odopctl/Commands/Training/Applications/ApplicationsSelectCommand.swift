import ArgumentParser
import ODOPMessages

/// `odopctl training applications select`: `ApplicationSelect`.
struct ApplicationsSelectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "Select a verified application (after the interview or committee).",
        discussion: """
            Examples:
              odopctl training applications select app-15d88f2558e04424 --decided-by \\
                  \"DC Industries\" --reason \"interview passed\"
            """
    )

    @Argument(help: ArgumentHelp("The application's id.", valueName: "application-id"))
    var applicationId: String

    @Option(help: ArgumentHelp("Who decided.", valueName: "name"))
    var decidedBy: String

    @Option(help: ArgumentHelp("Why.", valueName: "reason"))
    var reason: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            ApplicationSelect.self, .init(applicationId: applicationId, decidedBy: decidedBy, reason: reason))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.application(result))
    }
}
