import ArgumentParser
import ODOPMessages

/// `odopctl exports report exports`: `report.exports`.
struct ReportExportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exports",
        abstract: "Sum the export figures per state or sector and year, with growth.",
        discussion: """
            The current revision of every figure, summed per group (--group-by state or \
            sector) and financial year, each year with its growth over the year before; then \
            each group's trend from its first year to its last (or to --year): total growth \
            and CAGR (compound annual growth rate). The last group is the total (India, or the \
            state with --state). Values in crore rupees.

            Examples:
              odopctl exports report exports --group-by state
              odopctl exports report exports --group-by sector --year 2023-24
              odopctl exports report exports --group-by state --state UP --json
            """
    )

    @Option(help: ArgumentHelp("Sum per state or per sector.", valueName: "grouping"))
    var groupBy: ExportsGrouping

    @Option(
        help: ArgumentHelp("Only this financial year, e.g. 2023-24 (its growth still compares with the year before).", valueName: "yyyy-yy")
    )
    var year: String?

    @Option(help: ReferenceVocabulary.stateHelp("Only this state's figures"), completion: .list(ReferenceVocabulary.states))
    var state: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .exports)
        let (json, report) = try connection.callKeepingJSON(
            ExportsReport.self,
            .init(
                groupBy: groupBy, financialYear: year, state: state))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        let title = groupBy == .state ? "STATE" : "SECTOR"
        var years = Table([.text(title), .text("YEAR"), .number("VALUE (CRORE)"), .number("PRODUCTS"), .number("GROWTH")])
        var trends = Table([
            .text(title), .text("FROM"), .text("TO"), .number("YEARS"), .number("FROM VALUE"), .number("TO VALUE"),
            .number("TOTAL GROWTH"), .number("CAGR"),
        ])
        for group in report.groups + [report.total] {
            for year in group.years {
                years.append([
                    group.key, year.financialYear, NumberText.amount(year.valueINRCrore), NumberText.count(year.products),
                    NumberText.percent(year.growthPercent),
                ])
            }
            if let trend = group.trend {
                trends.append([
                    group.key, trend.fromYear, trend.toYear, String(trend.years), NumberText.amount(trend.fromValueINRCrore),
                    NumberText.amount(trend.toValueINRCrore), NumberText.percent(trend.totalGrowthPercent),
                    NumberText.percent(trend.cagrPercent),
                ])
            }
        }
        guard !years.isEmpty else {
            StandardStream.error.writeLine("no export figures recorded" + (year.map { " for \($0)" } ?? ""))
            return
        }
        var text = years.rendered
        if !trends.isEmpty { text += "\nTrends:\n" + trends.rendered }
        StandardStream.output.write(text)
    }
}
