import ArgumentParser
import ODOPMessages

/// `odopctl training applications verify`: `ApplicationVerify`.
struct ApplicationsVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Record a verification stage's decision: who, why, approved or rejected.",
        discussion: """
            Examples:
              odopctl training applications verify app-c7e3a9f1d2b84056 --stage \\
                  gram_panchayat_or_ulb --approve --decided-by \"Gram Pradhan, Sewapuri\" \\
                  --reason \"works as a potter\"
            """
    )

    @Argument(help: ArgumentHelp("The application's id.", valueName: "application-id"))
    var applicationId: String

    @Option(help: ArgumentHelp("The stage it waits at.", valueName: "stage"))
    var stage: String

    @Flag(help: "Approve at this stage.")
    var approve = false

    @Flag(help: "Reject at this stage.")
    var reject = false

    @Option(help: ArgumentHelp("Who decided.", valueName: "name"))
    var decidedBy: String

    @Option(help: ArgumentHelp("Why.", valueName: "reason"))
    var reason: String

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if approve == reject { throw ValidationError("give exactly one of --approve and --reject") }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            ApplicationVerify.self,
            .init(
                applicationId: applicationId, stage: stage, outcome: approve ? .approved : .rejected, decidedBy: decidedBy, reason: reason))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.application(result))
    }
}
