import ArgumentParser
import ODOPMessages

/// `odopctl exports plans show`: `plan.get`.
struct PlansShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one export action plan: by its id, or a district's.",
        discussion: """
            By PLAN-ID, or by --state and --district: the district's open plan, else its \
            latest archived one. Prints the plan's status and version, target markets, DEPC \
            adoption, then its products, bottlenecks, interventions and SEPC review notes. An \
            unknown plan or district is refused (not_found, exit 1).

            Examples:
              odopctl exports plans show deap-UP-agra-1
              odopctl exports plans show --state UP --district Firozabad
              odopctl exports plans show deap-UP-agra-1 --json | jq .interventions
            """
    )

    @Argument(help: ArgumentHelp("The plan's id.", valueName: "plan-id"))
    var planId: String?

    @Option(help: ReferenceVocabulary.stateHelp("The district's state (with --district)"), completion: .list(ReferenceVocabulary.states))
    var state: String?

    @Option(help: ArgumentHelp("The district: its name or the catalogue's district id (with --state).", valueName: "district"))
    var district: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        switch (planId, state, district) {
        case (.some, nil, nil), (nil, .some, .some): break
        case (.some, _, _): throw ValidationError("give either PLAN-ID or --state and --district, not both")
        case (nil, nil, nil): throw ValidationError("give PLAN-ID, or --state and --district")
        case (nil, .some, nil): throw ValidationError("--state needs --district")
        case (nil, nil, .some): throw ValidationError("--district needs --state")
        }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .exports)
        let arguments: PlanGet.Arguments
        if let planId {
            arguments = .init(planId: planId)
        } else {
            arguments = .init(state: state ?? "", district: district ?? "")
        }
        let (json, plan) = try connection.callKeepingJSON(PlanGet.self, arguments)
        PlanViews.print(plan, json: json, asJSON: global.json)
    }
}
