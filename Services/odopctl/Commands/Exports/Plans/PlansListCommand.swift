import ArgumentParser
import ODOPMessages

/// `odopctl exports plans list`: every match of `plan.list`.
struct PlansListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the export action plans that match the filters: all of them, page by page.",
        discussion: """
            Every status unless --status says otherwise. Pages through plan.list (1000 plans \
            per request) until every match is printed, or --limit plans. For people: a table \
            ordered by state, district and plan number with each plan's status, number of \
            active products, target markets and interventions, and on stderr how many were \
            shown of how many match. With --json: one JSON array of the plans as the service \
            sent them.

            Examples:
              odopctl exports plans list --state "Uttar Pradesh" --status draft
              odopctl exports plans list --status adopted --limit 20
              odopctl exports plans list --json | jq 'map(select(.status == "prepared"))'
            """
    )

    @Option(help: ReferenceVocabulary.stateHelp("Only this state"), completion: .list(ReferenceVocabulary.states))
    var state: String?

    @Option(help: ArgumentHelp("Only this district: its name or the catalogue's district id.", valueName: "district"))
    var district: String?

    @Option(help: ArgumentHelp("Only plans in this status.", valueName: "status"))
    var status: PlanStatus?

    @Option(help: ArgumentHelp("At most this many plans. (default: all)", valueName: "n"))
    var limit: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .exports)
        let listing = PagedListing<ExportPlan>(connection: connection, command: PlanList.name, limit: limit, noun: "plan")
        try listing.run(
            json: global.json,
            arguments: { offset, count throws(OdopctlFailure) in
                try connection.encode(
                    PlanList.self,
                    .init(
                        state: state, district: district, status: status, limit: count, offset: offset))
            },
            table: PlanViews.table)
    }
}
