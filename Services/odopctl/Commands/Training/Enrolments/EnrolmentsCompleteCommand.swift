import ArgumentParser
import ODOPMessages

/// `odopctl training enrolments complete`: `EnrolmentComplete`.
struct EnrolmentsCompleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete",
        abstract: "Complete an enrolment (attendance must reach the scheme's minimum; the stipend falls due).",
        discussion: """
            Examples:
              odopctl training enrolments complete enr-bf3ffdc5d6024ea4
            """
    )

    @Argument(help: ArgumentHelp("The enrolment's id.", valueName: "enrolment-id"))
    var enrolmentId: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(EnrolmentComplete.self, .init(enrolmentId: enrolmentId))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.enrolment(result))
    }
}
