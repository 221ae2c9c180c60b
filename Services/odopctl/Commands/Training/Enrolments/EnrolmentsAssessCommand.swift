import ArgumentParser
import ODOPMessages

/// `odopctl training enrolments assess`: `AssessmentRecord`.
struct EnrolmentsAssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Record a completed enrolment's assessment: --pass or --fail.",
        discussion: """
            Examples:
              odopctl training enrolments assess enr-bf3ffdc5d6024ea4 --pass \\
                  --assessed-by \"SSC assessor\"
            """
    )

    @Argument(help: ArgumentHelp("The enrolment's id.", valueName: "enrolment-id"))
    var enrolmentId: String

    @Flag(help: "Passed.")
    var pass = false

    @Flag(help: "Failed.")
    var fail = false

    @Option(help: ArgumentHelp("The assessor.", valueName: "name"))
    var assessedBy: String

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if pass == fail { throw ValidationError("give exactly one of --pass and --fail") }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            AssessmentRecord.self, .init(enrolmentId: enrolmentId, result: pass ? .pass : .fail, assessedBy: assessedBy))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.enrolment(result))
    }
}
