import ArgumentParser
import ODOPMessages

/// `odopctl training enrolments attendance`: `AttendanceRecord`.
struct EnrolmentsAttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "Record one day's attendance of a batch: the enrolments present (the others are absent).",
        discussion: """
            Examples:
              odopctl training enrolments attendance --batch bat-777174ff8b8c4572 --date \\
                  2026-03-09 enr-bf3ffdc5d6024ea4 enr-5e7a9c1b3d0f2486
            """
    )

    @Argument(help: ArgumentHelp("The enrolments present.", valueName: "enrolment-id"))
    var present: [String] = []

    @Option(help: ArgumentHelp("The batch's id.", valueName: "batch-id"))
    var batch: String

    @Option(help: ArgumentHelp("The day (YYYY-MM-DD).", valueName: "date"))
    var date: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(AttendanceRecord.self, .init(batchId: batch, date: date, present: present))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        StandardStream.output.writeLine("\(result.batchId) \(result.date): \(result.present) present, \(result.absent) absent")
    }
}
