import ArgumentParser
import ODOPMessages

/// `odopctl exports interventions list`: a plan's interventions, from `plan.get`.
struct InterventionsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List a plan's interventions with their status.",
        discussion: """
            One line per intervention of the plan: its id, title, responsible body, due date \
            and status. With --json: the plan's interventions as one JSON array.

            Examples:
              odopctl exports interventions list deap-UP-agra-1
              odopctl exports interventions list deap-UP-agra-1 --json \\
                  | jq -r '.[] | select(.status != "done") | .id'
            """
    )

    @Argument(help: ArgumentHelp("The plan's id.", valueName: "plan-id"))
    var planId: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .exports)
        let (json, plan) = try connection.callKeepingJSON(PlanGet.self, .init(planId: planId))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json["interventions"] ?? .array([])))
            return
        }
        if !plan.interventions.isEmpty {
            StandardStream.output.write(PlanViews.interventionsTable(plan.interventions).rendered)
        }
        StandardStream.error.writeLine("\(plan.interventions.count) intervention(s) in \(plan.planId) (\(plan.status.rawValue))")
    }
}
