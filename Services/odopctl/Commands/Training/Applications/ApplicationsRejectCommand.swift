import ArgumentParser
import ODOPMessages

/// `odopctl training applications reject`: `ApplicationReject`.
struct ApplicationsRejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Reject an application not yet selected.",
        discussion: """
            Examples:
              odopctl training applications reject app-15d88f2558e04424 --decided-by \\
                  \"DC Industries\" --reason \"no craft proof\"
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
            ApplicationReject.self, .init(applicationId: applicationId, decidedBy: decidedBy, reason: reason))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.application(result))
    }
}
