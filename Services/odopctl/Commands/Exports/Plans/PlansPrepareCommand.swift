import ArgumentParser
import ODOPMessages

/// `odopctl exports plans prepare`: `plan.prepare`.
struct PlansPrepareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Prepare a draft plan: set its target markets, bottlenecks and interventions.",
        discussion: """
            Moves a draft plan to prepared. The lists given (flags or --content) replace the \
            plan's; afterwards the plan must have at least one target market and one \
            intervention. New interventions get ids i1, i2, ... and status planned. A plan \
            that is not a draft is refused (conflict, naming its status).

            Examples:
              odopctl exports plans prepare deap-UP-agra-1 --market US --market AE,DE \\
                  --bottleneck "market_access: Few direct buyers abroad" \\
                  --intervention "Common facility centre; DIC Agra; 2025-03-31"
              odopctl exports plans prepare deap-UP-agra-1 --content agra.json \\
                  --expected-version 1
            """
    )

    @Argument(help: ArgumentHelp("The plan's id.", valueName: "plan-id"))
    var planId: String

    @OptionGroup(title: "Plan Content") var content: PlanContentOptions

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let arguments = try content.arguments(planId: planId, command: "exports plans prepare")
        let connection = try global.resolve().connection(to: .exports)
        let (json, plan) = try connection.callKeepingJSON(PlanPrepare.self, arguments)
        PlanViews.print(plan, json: json, asJSON: global.json)
    }
}
