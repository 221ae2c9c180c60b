import ArgumentParser
import ODOPMessages

/// `odopctl exports interventions update`: `intervention.update`.
struct InterventionsUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change one intervention of a plan: its status, title, responsible body or due date.",
        discussion: """
            Changes the fields given. The status moves by the intervention rules (planned -> \
            in_progress -> done, or dropped); a move they do not allow is refused (conflict). \
            An unknown intervention is refused (not_found, field interventionId). Prints the \
            plan after the change.

            Examples:
              odopctl exports interventions update deap-UP-agra-1 i1 --status in_progress
              odopctl exports interventions update deap-UP-agra-1 i2 \\
                  --due-date 2025-06-30 --responsible-body EPCH
            """
    )

    @Argument(help: ArgumentHelp("The plan's id.", valueName: "plan-id"))
    var planId: String

    @Argument(help: ArgumentHelp("The intervention's id, e.g. i1.", valueName: "intervention-id"))
    var interventionId: String

    @Option(help: ArgumentHelp("The new status.", valueName: "status"))
    var status: InterventionStatus?

    @Option(help: ArgumentHelp("A new title.", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("A new responsible body.", valueName: "body"))
    var responsibleBody: String?

    @Option(help: ArgumentHelp("A new due date, YYYY-MM-DD.", valueName: "date"))
    var dueDate: String?

    @Option(help: ArgumentHelp("The plan's current version; refused (conflict) if it changed.", valueName: "n"))
    var expectedVersion: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if status == nil && title == nil && responsibleBody == nil && dueDate == nil {
            throw ValidationError("nothing to change: give --status, --title, --responsible-body or --due-date")
        }
        if let expectedVersion, expectedVersion < 1 {
            throw ValidationError("--expected-version must be at least 1, got \(expectedVersion)")
        }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .exports)
        let (json, plan) = try connection.callKeepingJSON(
            InterventionUpdate.self,
            .init(
                planId: planId, interventionId: interventionId, expectedVersion: expectedVersion, title: title,
                responsibleBody: responsibleBody, dueDate: dueDate, status: status))
        PlanViews.print(plan, json: json, asJSON: global.json)
    }
}
