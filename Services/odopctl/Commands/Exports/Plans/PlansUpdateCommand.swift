import ArgumentParser
import ODOPMessages

/// `odopctl exports plans update`: `plan.update`.
struct PlansUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a draft or prepared plan's target markets, bottlenecks or interventions.",
        discussion: """
            Each list given (flags or --content) replaces the plan's; a list left out stays \
            as it is. --intervention adds new interventions only and removes the plan's \
            others: to keep or change existing ones, list them with their ids in --content \
            (plans show --json prints them). A prepared plan must keep at least one target \
            market and one intervention; an adopted or archived plan is refused (conflict).

            Examples:
              odopctl exports plans update deap-UP-agra-1 --market US,AE,GB
              odopctl exports plans show deap-UP-agra-1 --json \\
                  | jq '{interventions}' > agra.json   # then edit agra.json
              odopctl exports plans update deap-UP-agra-1 --content agra.json \\
                  --expected-version 2
            """
    )

    @Argument(help: ArgumentHelp("The plan's id.", valueName: "plan-id"))
    var planId: String

    @OptionGroup(title: "Plan Content") var content: PlanContentOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if !content.givesAnyList {
            throw ValidationError("nothing to change: give --market, --bottleneck, --intervention or --content")
        }
    }

    func run() throws {
        let arguments = try content.arguments(planId: planId, command: "exports plans update")
        let connection = try global.resolve().connection(to: .exports)
        let (json, plan) = try connection.callKeepingJSON(PlanUpdate.self, arguments)
        PlanViews.print(plan, json: json, asJSON: global.json)
    }
}
