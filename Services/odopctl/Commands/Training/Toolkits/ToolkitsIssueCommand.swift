import ArgumentParser
import ODOPMessages

/// `odopctl training toolkits issue`: `ToolkitIssue`.
struct ToolkitsIssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue an application's toolkit (a kit or an e-voucher, as the scheme gives it).",
        discussion: """
            Examples:
              odopctl training toolkits issue app-15d88f2558e04424 --value 18500
            """
    )

    @Argument(help: ArgumentHelp("The application's id.", valueName: "application-id"))
    var applicationId: String

    @Option(help: ArgumentHelp("The toolkit's value in rupees.", valueName: "rupees"))
    var value: Int

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(ToolkitIssue.self, .init(applicationId: applicationId, valueRupees: value))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.toolkit(result))
    }
}
