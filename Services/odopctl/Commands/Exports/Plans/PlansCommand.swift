import ArgumentParser

/// `odopctl exports plans`: District Export Action Plans.
struct PlansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plans",
        abstract: "List, show, prepare, update, adopt or review District Export Action Plans.",
        discussion: """
            Plan ids are deap-<district id>-<n> (deap-UP-agra-1). The mutating commands take \
            --expected-version: when given, the change is refused (conflict) if the plan \
            changed since it was read. Each prints the plan after the change.

            Examples:
              odopctl exports plans list --status prepared
              odopctl exports plans prepare deap-UP-agra-1 --market US --market AE \\
                  --bottleneck "market_access: Few direct buyers abroad" \\
                  --intervention "Common facility centre; DIC Agra; 2025-03-31"
              odopctl exports plans adopt deap-UP-agra-1 --date 2024-09-12 \\
                  --reference DEPC/AGR/2024/03
            """,
        subcommands: [
            PlansListCommand.self, PlansShowCommand.self, PlansPrepareCommand.self, PlansUpdateCommand.self,
            PlansAdoptCommand.self, PlansReviewCommand.self,
        ]
    )
}
