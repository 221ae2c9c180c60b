import ArgumentParser

/// `odopctl exports`: District Export Action Plans, export figures and reports.
struct ExportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exports",
        abstract: "Work with the exports service: export action plans, interventions, export figures, reports.",
        discussion: """
            Every subcommand is one exports command (docs/PROTOCOL.md, "exports") with its \
            arguments as flags. The exports service follows the catalogue: each district with \
            an active product has one open District Export Action Plan, drafted by the service \
            itself. A plan moves draft -> prepared (plans prepare) -> adopted (plans adopt, by \
            the District Export Promotion Committee); any other move is refused (conflict, \
            exit 1) with the plan's current status.

            Examples:
              odopctl exports plans list --state "Uttar Pradesh" --status draft
              odopctl exports plans show --state UP --district Firozabad
              odopctl exports figures record --year 2023-24 --value-crore 1250.5 \\
                  --product p-46ef413f-8155-4cb1-a8a4-21fb8657577a --source "DGCI&S"
              odopctl exports report plans
            """,
        subcommands: [PlansCommand.self, InterventionsCommand.self, FiguresCommand.self, ExportsReportCommand.self]
    )
}
