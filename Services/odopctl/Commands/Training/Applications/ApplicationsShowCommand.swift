import ArgumentParser
import ODOPMessages

/// `odopctl training applications show`: `ApplicationGet`.
struct ApplicationsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an application with every verification decision.",
        discussion: """
            Examples:
              odopctl training applications show app-15d88f2558e04424
            """
    )

    @Argument(help: ArgumentHelp("The application's id.", valueName: "application-id"))
    var applicationId: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(ApplicationGet.self, .init(applicationId: applicationId))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.application(result))
    }
}
