import ArgumentParser
import ODOPMessages

/// `odopctl training report funnel`: `FunnelReport`.
struct TrainingFunnelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funnel",
        abstract: "The funnel: applied, verified, selected, enrolled, completed, certified, toolkits, stipend paid.",
        discussion: """
            Examples:
              odopctl training report funnel --group-by district --state UP --csv > \\
                  funnel.csv
            """
    )

    @Option(help: ArgumentHelp("scheme, state, district, product or sector.", valueName: "grouping"))
    var groupBy: FunnelGrouping?

    @Option(help: ArgumentHelp("Only this scheme.", valueName: "scheme-id"))
    var scheme: String?

    @Option(help: ArgumentHelp("Only this state.", valueName: "state"))
    var state: String?

    @Flag(help: "Comma-separated values for spreadsheets.")
    var csv = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(FunnelReport.self, .init(groupBy: groupBy, schemeId: scheme, state: state))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        let titles = [
            result.groupBy.rawValue.uppercased(), "KEY", "APPLIED", "VERIFIED", "SELECTED", "ENROLLED", "COMPLETED", "CERTIFIED",
            "TOOLKITS", "STIPEND PAID (RS)",
        ]
        func cells(_ key: String, _ label: String, _ c: FunnelCounts) -> [String] {
            [label, key]
                + [c.applied, c.verified, c.selected, c.enrolled, c.completed, c.certified, c.toolkits, c.stipendPaidRupees].map(
                    String.init)
        }
        if csv {
            var text = CSVText(header: titles.map { $0.lowercased() })
            for row in result.rows { text.append(cells(row.key, row.label, row.counts)) }
            text.append(cells("total", "total", result.total))
            StandardStream.output.write(text.rendered)
            return
        }
        var table = Table([.text(titles[0]), .text(titles[1])] + titles.dropFirst(2).map { Table.Column.number($0) })
        for row in result.rows {
            table.append(
                cells(row.key, row.label, row.counts).enumerated().map {
                    $0.offset < 2 ? $0.element : NumberText.count(Int($0.element) ?? 0)
                })
        }
        table.append(
            cells("", "total", result.total).enumerated().map { $0.offset < 2 ? $0.element : NumberText.count(Int($0.element) ?? 0) })
        StandardStream.output.write(table.rendered)
    }
}
