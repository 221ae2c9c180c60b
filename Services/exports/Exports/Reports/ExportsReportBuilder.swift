import ODOPMessages

/// `report.exports`: sums the current figures per group and financial year and computes the
/// growth (see `ExportsReport` for the definitions). Pure: it works on figures already read.
public enum ExportsReportBuilder {
    /// One current figure.
    public struct Figure: Sendable {
        public var productId: String
        public var financialYear: FinancialYear
        public var valueINRCrore: Double
        public var state: String
        public var stateCode: String
        public var sector: String

        public init(
            productId: String, financialYear: FinancialYear, valueINRCrore: Double, state: String, stateCode: String, sector: String
        ) {
            self.productId = productId
            self.financialYear = financialYear
            self.valueINRCrore = valueINRCrore
            self.state = state
            self.stateCode = stateCode
            self.sector = sector
        }
    }

    /// The report over `figures`. `totalKey` names the total group (`India`, or the state).
    public static func build(
        _ figures: [Figure], groupBy: ExportsGrouping, financialYear: FinancialYear?, totalKey: String
    ) -> ExportsReport.Result {
        var grouped: [String: (code: String?, figures: [Figure])] = [:]
        for figure in figures {
            let key = groupBy == .state ? figure.state : figure.sector
            grouped[key, default: (groupBy == .state ? figure.stateCode : nil, [])].figures.append(figure)
        }
        let groups = grouped.keys.sorted().compactMap { key in
            group(key: key, stateCode: grouped[key]!.code, grouped[key]!.figures, upTo: financialYear)
        }
        let total =
            group(key: totalKey, stateCode: nil, figures, upTo: financialYear)
            ?? ExportsReport.Group(key: totalKey, stateCode: nil, years: [], trend: nil)
        return ExportsReport.Result(groupBy: groupBy, financialYear: financialYear?.description, groups: groups, total: total)
    }

    /// One group's years and trend; nil when it has no figure for `upTo` (when given).
    static func group(key: String, stateCode: String?, _ figures: [Figure], upTo limit: FinancialYear?) -> ExportsReport.Group? {
        var values: [FinancialYear: (value: Double, products: Set<String>)] = [:]
        for figure in figures {
            values[figure.financialYear, default: (0, [])].value += figure.valueINRCrore
            values[figure.financialYear, default: (0, [])].products.insert(figure.productId)
        }
        var years = values.keys.sorted()
        if let limit {
            guard values[limit] != nil else { return nil }
            years = years.filter { $0 <= limit }
        }
        let rows = years.map { year in
            ExportsReport.Year(
                financialYear: year.description, valueINRCrore: ExportGrowth.rounded(values[year]!.value, places: 4),
                products: values[year]!.products.count,
                growthPercent: values[year.previous].flatMap { previous in
                    ExportGrowth.percentChange(from: previous.value, to: values[year]!.value).map { ExportGrowth.rounded($0, places: 2) }
                })
        }
        var trend: ExportsReport.Trend?
        if let first = years.first, let last = years.last, first < last {
            let start = values[first]!.value
            let end = values[last]!.value
            if let total = ExportGrowth.percentChange(from: start, to: end),
                let cagr = ExportGrowth.cagrPercent(from: start, to: end, years: last.years(since: first))
            {
                trend = ExportsReport.Trend(
                    fromYear: first.description, toYear: last.description,
                    fromValueINRCrore: ExportGrowth.rounded(start, places: 4), toValueINRCrore: ExportGrowth.rounded(end, places: 4),
                    years: last.years(since: first), totalGrowthPercent: ExportGrowth.rounded(total, places: 2),
                    cagrPercent: ExportGrowth.rounded(cagr, places: 2))
            }
        }
        return ExportsReport.Group(
            key: key, stateCode: stateCode, years: limit == nil ? rows : rows.filter { $0.financialYear == limit!.description },
            trend: trend)
    }
}
