import ArgumentParser
import ODOPMessages

/// `odopctl training enrolments create`: `EnrolmentCreate`.
struct EnrolmentsCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Enrol a selected application in a batch.",
        discussion: """
            Outside the artisan's district an officer's override is needed: --override-by and --override-reason (kept).

            Examples:
              odopctl training enrolments create --application app-15d88f2558e04424 \\
                  --batch bat-777174ff8b8c4572
            """
    )

    @Option(help: ArgumentHelp("The application's id.", valueName: "application-id"))
    var application: String

    @Option(help: ArgumentHelp("The batch's id.", valueName: "batch-id"))
    var batch: String

    @Option(help: ArgumentHelp("The officer who allows another district.", valueName: "name"))
    var overrideBy: String?

    @Option(help: ArgumentHelp("Why.", valueName: "reason"))
    var overrideReason: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            EnrolmentCreate.self,
            .init(
                applicationId: application, batchId: batch,
                districtOverride: overrideBy.map { DistrictOverride(by: $0, reason: overrideReason ?? "") }))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.enrolment(result))
    }
}
