import ODOPMessages
import ODOPReference
import ODOPRuntime

/// `report.plans`, `report.gaps`, `report.exports`. `state` is read by `PlaceArguments.state`.
enum ReportCommands {
    static func register(in registry: inout CommandRegistry) {
        registry.read(PlansReport.self) { args, context in
            try PlanStatusReport.build(state: try PlaceArguments.state(ifGiven: args.state), db: context.db)
        }

        registry.read(PlanGapsReport.self) { args, context in
            try PlanGapReport.build(state: try PlaceArguments.state(ifGiven: args.state), db: context.db)
        }

        registry.read(ExportsReport.self) { args, context in
            let state = try PlaceArguments.state(ifGiven: args.state)
            var year: FinancialYear?
            if let given = args.financialYear {
                year = try FinancialYear(parsing: given, field: "financialYear")
            }
            let rows = try FigureStore(db: context.db).reportRows(state: state)
            let figures = rows.map {
                ExportsReportBuilder.Figure(
                    productId: $0.productId, financialYear: $0.financialYear, valueINRCrore: $0.valueINRCrore,
                    state: $0.state, stateCode: $0.stateCode, sector: $0.sector)
            }
            let totalKey = state.map { state in rows.first?.state ?? state.name } ?? "India"
            return ExportsReportBuilder.build(figures, groupBy: args.groupBy, financialYear: year, totalKey: totalKey)
        }
    }
}
