import ArgumentParser
import ODOPMessages

/// `odopctl exports report plans`: `report.plans`.
struct ReportPlansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plans",
        abstract: "Count the export action plans per state and nationally.",
        discussion: """
            One line per state, then India: DISTRICTS, the districts with at least one active \
            product; PREPARED, the open plans that have been prepared (status prepared or \
            adopted: "DEAPs prepared in N districts"); ADOPTED; then the plans in each status \
            (DRAFT, PREPARED ONLY, ARCHIVED).

            Examples:
              odopctl exports report plans
              odopctl exports report plans --state UP --json
            """
    )

    @Option(help: ReferenceVocabulary.stateHelp("Only this state"), completion: .list(ReferenceVocabulary.states))
    var state: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .exports)
        let (json, report) = try connection.callKeepingJSON(PlansReport.self, .init(state: state))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        var table = Table([
            .text("STATE"), .number("DISTRICTS"), .number("PREPARED"), .number("ADOPTED"), .number("DRAFT"),
            .number("PREPARED ONLY"), .number("ARCHIVED"),
        ])
        func row(_ name: String, _ counts: PlansReport.Counts) {
            table.append([
                name, NumberText.count(counts.districtsWithProducts), NumberText.count(counts.prepared),
                NumberText.count(counts.adopted), NumberText.count(counts.byStatus.draft),
                NumberText.count(counts.byStatus.prepared), NumberText.count(counts.byStatus.archived),
            ])
        }
        for counts in report.states {
            row(counts.state ?? "-", counts)
        }
        row("India", report.national)
        StandardStream.output.write(table.rendered)
    }
}
