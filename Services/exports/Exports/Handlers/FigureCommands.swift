import Foundation
import ODOPCatalogueCopy
import ODOPMessages
import ODOPRuntime

/// `figures.record`, `figures.history`, `figures.list`.
enum FigureCommands {
    /// The largest figure accepted, in crore: far above any product's exports (India's total
    /// merchandise exports are about ₹37 lakh crore a year), so that a value typed in rupees
    /// instead of crore is refused.
    static let maximumValueINRCrore = 1_000_000.0

    static func register(in registry: inout CommandRegistry) {
        registry.write(FiguresRecord.self) { args, transaction in
            let year = try FinancialYear(parsing: args.financialYear, field: "financialYear")
            let current = FinancialYear.current()
            guard year <= current else {
                throw CommandError.invalidArgument(
                    "field 'financialYear': \(year) has not begun (the current financial year is \(current))", field: "financialYear")
            }
            guard args.valueINRCrore <= maximumValueINRCrore else {
                throw CommandError.invalidArgument(
                    "field 'valueINRCrore' must be in crore rupees and at most \(Int(maximumValueINRCrore)), got \(args.valueINRCrore)",
                    field: "valueINRCrore")
            }
            let source = try TextArguments.required(args.source, field: "source", maximum: PlanContent.maximumNameLength)
            guard let product = try CatalogueCopyReader(transaction.db).product(id: args.productId) else {
                throw CommandError.invalidArgument(
                    "field 'productId': no ODOP product \"\(args.productId)\" is known to the exports service (it learns products from the catalogue's events)",
                    field: "productId")
            }
            let figures = FigureStore(db: transaction.db)
            let previous = try figures.current(productId: product.id, financialYear: year.description)
            if let previous, previous.valueINRCrore == args.valueINRCrore, previous.source == source {
                return previous  // the same figure again: nothing to correct
            }
            let figure = ExportFigure(
                productId: product.id, productName: product.name, sector: product.sector, state: product.state,
                stateCode: product.stateCode, district: product.district, districtId: product.districtId,
                financialYear: year.description, valueINRCrore: args.valueINRCrore, source: source,
                revision: (previous?.revision ?? 0) + 1, previousValueINRCrore: previous?.valueINRCrore,
                recordedAt: RFC3339.string(from: Date()))
            try figures.append(figure)
            try transaction.emit(ExportFiguresRecorded(figure))
            return figure
        }

        registry.read(FiguresHistory.self) { args, context in
            let year = try FinancialYear(parsing: args.financialYear, field: "financialYear")
            let revisions = try FigureStore(db: context.db).history(productId: args.productId, financialYear: year.description)
            guard let current = revisions.last else {
                throw CommandError.notFound("no export figure for product \"\(args.productId)\" in \(year)", field: "productId")
            }
            return FiguresHistory.Result(current: current, revisions: revisions)
        }

        registry.read(FiguresList.self) { args, context in
            let state = try PlaceArguments.state(ifGiven: args.state)
            let page = PageArguments.page(limit: args.limit, offset: args.offset)
            var year: String?
            if let given = args.financialYear {
                year = try FinancialYear(parsing: given, field: "financialYear").description
            }
            let districts = try args.district.map { try CatalogueCopyReader(context.db).districts(argument: $0, in: state).map(\.id) }
            let (items, total) = try FigureStore(db: context.db).list(
                state: state, districtIds: districts, productId: args.productId, financialYear: year,
                limit: page.limit, offset: page.offset)
            return FiguresList.Result(items: items, total: total)
        }
    }
}
