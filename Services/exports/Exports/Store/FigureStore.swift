import Foundation
import GRDB
import ODOPMessages
import ODOPReference

/// The `export_figures` table: every revision of every figure, the latest marked current.
struct FigureStore {
    let db: Database

    /// The current revision for a product and year.
    func current(productId: String, financialYear: String) throws -> ExportFigure? {
        try CachedSQL.value(
            Data.self, db,
            sql: """
                SELECT document FROM export_figures WHERE product_id = ? AND financial_year = ? AND is_current = 1
                """, arguments: [productId, financialYear]
        ).map { try StoredJSON.decode(ExportFigure.self, from: $0) }
    }

    /// Every revision for a product and year, oldest first.
    func history(productId: String, financialYear: String) throws -> [ExportFigure] {
        try CachedSQL.values(
            Data.self, db,
            sql: """
                SELECT document FROM export_figures WHERE product_id = ? AND financial_year = ? ORDER BY revision
                """, arguments: [productId, financialYear]
        ).map { try StoredJSON.decode(ExportFigure.self, from: $0) }
    }

    /// Stores `figure` as the new current revision.
    func append(_ figure: ExportFigure) throws {
        try CachedSQL.execute(
            db,
            sql: """
                UPDATE export_figures SET is_current = 0 WHERE product_id = ? AND financial_year = ? AND is_current = 1
                """, arguments: [figure.productId, figure.financialYear])
        try CachedSQL.execute(
            db,
            sql: """
                INSERT INTO export_figures (product_id, financial_year, revision, is_current, value_inr_crore, source,
                    state_code, district_id, document)
                VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)
                """,
            arguments: [
                figure.productId, figure.financialYear, figure.revision, figure.valueINRCrore, figure.source,
                figure.stateCode, figure.districtId, try StoredJSON.encode(figure),
            ])
    }

    /// Current figures matching the filters, ordered by state, district, product and year.
    func list(state: StateUT?, districtIds: [String]?, productId: String?, financialYear: String?, limit: Int, offset: Int) throws -> (
        items: [ExportFigure], total: Int
    ) {
        var conditions = ["f.is_current = 1"]
        var arguments: [any DatabaseValueConvertible] = []
        if let state {
            conditions.append(StateFilter.clause(code: "f.state_code"))
            arguments.append(StateFilter.argument(state))
        }
        if let districtIds {
            conditions.append("f.district_id IN (\(districtIds.map { _ in "?" }.joined(separator: ", ")))")
            arguments += districtIds
        }
        if let productId {
            conditions.append("f.product_id = ?")
            arguments.append(productId)
        }
        if let financialYear {
            conditions.append("f.financial_year = ?")
            arguments.append(financialYear)
        }
        let from = "FROM export_figures f WHERE " + conditions.joined(separator: " AND ")
        let total = try CachedSQL.value(Int.self, db, sql: "SELECT COUNT(*) \(from)", arguments: StatementArguments(arguments)) ?? 0
        let documents = try CachedSQL.values(
            Data.self, db,
            sql: """
                SELECT f.document \(from) ORDER BY f.state_code, f.district_id, f.product_id, f.financial_year LIMIT ? OFFSET ?
                """, arguments: StatementArguments(arguments + [limit, offset]))
        return (try documents.map { try StoredJSON.decode(ExportFigure.self, from: $0) }, total)
    }

    /// One current figure, with the product's present state and sector, for the exports report.
    struct ReportRow {
        var productId: String
        var financialYear: FinancialYear
        var valueINRCrore: Double
        var state: String
        var stateCode: String
        var sector: String
    }

    /// The current figure of every product and year (optionally of one state), with each
    /// product's state and sector as the catalogue last gave them.
    func reportRows(state: StateUT?) throws -> [ReportRow] {
        var sql = """
            SELECT f.product_id, f.financial_year, f.value_inr_crore, p.state, p.state_code, p.sector
            FROM export_figures f JOIN catalogue_copy_products p ON p.id = f.product_id WHERE f.is_current = 1
            """
        var arguments: [any DatabaseValueConvertible] = []
        if let state {
            sql += " AND " + StateFilter.clause(code: "p.state_code")
            arguments.append(StateFilter.argument(state))
        }
        return try CachedSQL.rows(db, sql: sql, arguments: StatementArguments(arguments)).compactMap { row in
            let yearText: String = row["financial_year"]
            guard let year = try? FinancialYear(parsing: yearText, field: "financialYear") else { return nil }
            return ReportRow(
                productId: row["product_id"], financialYear: year, valueINRCrore: row["value_inr_crore"],
                state: row["state"], stateCode: row["state_code"], sector: row["sector"])
        }
    }
}
