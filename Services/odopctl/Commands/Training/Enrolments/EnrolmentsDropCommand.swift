import ArgumentParser
import ODOPMessages

/// `odopctl training enrolments drop`: `EnrolmentDrop`.
struct EnrolmentsDropCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drop",
        abstract: "Drop an enrolment.",
        discussion: """
            Examples:
              odopctl training enrolments drop enr-bf3ffdc5d6024ea4 --reason \"moved away\"
            """
    )

    @Argument(help: ArgumentHelp("The enrolment's id.", valueName: "enrolment-id"))
    var enrolmentId: String

    @Option(help: ArgumentHelp("Why.", valueName: "reason"))
    var reason: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(EnrolmentDrop.self, .init(enrolmentId: enrolmentId, reason: reason))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.enrolment(result))
    }
}
