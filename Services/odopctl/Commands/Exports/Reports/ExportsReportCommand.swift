import ArgumentParser

/// `odopctl exports report`: the exports service's reports.
struct ExportsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports: plans per state, districts without an adopted plan, export values and growth.",
        discussion: """
            Every number is computed by the exports service from its stored plans and figures.

            Examples:
              odopctl exports report plans
              odopctl exports report gaps --state "Uttar Pradesh"
              odopctl exports report exports --group-by sector --year 2023-24
            """,
        subcommands: [ReportPlansCommand.self, ReportGapsCommand.self, ReportExportsCommand.self]
    )
}
