import ArgumentParser
import ODOPMessages

/// `odopctl training enrolments show`: `EnrolmentGet`.
struct EnrolmentsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an enrolment.",
        discussion: """
            Examples:
              odopctl training enrolments show enr-bf3ffdc5d6024ea4
            """
    )

    @Argument(help: ArgumentHelp("The enrolment's id.", valueName: "enrolment-id"))
    var enrolmentId: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(EnrolmentGet.self, .init(enrolmentId: enrolmentId))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.enrolment(result))
    }
}
