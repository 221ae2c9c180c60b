import ArgumentParser
import ODOPMessages

/// `odopctl exports report gaps`: `report.gaps`.
struct ReportGapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "List the districts with active products but no adopted plan.",
        discussion: """
            One line per district, ordered by state and district: its active products, and \
            its open plan with the plan's status (draft or prepared), if it has one. The count \
            follows on stderr.

            Examples:
              odopctl exports report gaps
              odopctl exports report gaps --state "Uttar Pradesh" --json | jq .total
            """
    )

    @Option(help: ReferenceVocabulary.stateHelp("Only this state"), completion: .list(ReferenceVocabulary.states))
    var state: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .exports)
        let (json, report) = try connection.callKeepingJSON(PlanGapsReport.self, .init(state: state))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        var table = Table([
            .text("STATE"), .text("DISTRICT"), .number("ACTIVE PRODUCTS"), .text("PLAN"), .text("PLAN STATUS"),
        ])
        for gap in report.items {
            table.append([
                gap.state, gap.district, NumberText.count(gap.activeProducts), gap.planId ?? "-",
                gap.planStatus?.rawValue ?? "-",
            ])
        }
        if !table.isEmpty { StandardStream.output.write(table.rendered) }
        StandardStream.error.writeLine("\(NumberText.count(report.total)) district(s) without an adopted plan")
    }
}
