import ArgumentParser

/// `odopctl training enrolments`.
struct TrainingEnrolmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrolments",
        abstract: "Enrolments: create, show, attendance, complete, drop, assess.",
        subcommands: [
            EnrolmentsCreateCommand.self, EnrolmentsShowCommand.self, EnrolmentsCompleteCommand.self, EnrolmentsDropCommand.self,
            EnrolmentsAttendanceCommand.self, EnrolmentsAssessCommand.self,
        ]
    )
}
