import ODOPMessages

/// How `catalogue import` shows the import report to people.
///
/// ```
/// rows read            1,241
/// products created     1,241
/// ...
///
/// Districts merged (15):
/// STATE      DISTRICT  SPELLINGS
/// Karnataka  Belagavi  Belagavi (Belgaum), Belagavi
///
/// Rejected rows (1):
/// LINE  REASON
///    7  Sector: unknown sector "Manufactring"
/// ```
enum ImportReportView {
    static func text(_ report: ProductsImport.Result) -> String {
        var counts = FieldList(numbers: true)
        counts.append("rows read", NumberText.count(report.rowsRead))
        counts.append("products created", NumberText.count(report.productsCreated))
        counts.append("products updated", NumberText.count(report.productsUpdated))
        counts.append("products unchanged", NumberText.count(report.productsUnchanged))
        counts.append("districts created", NumberText.count(report.districtsCreated))
        counts.append("districts merged", NumberText.count(report.districtsMerged.count))
        counts.append("duplicate rows", NumberText.count(report.duplicateRows))
        counts.append("rows rejected", NumberText.count(report.rejected.count))
        counts.append("events emitted", NumberText.count(report.eventsEmitted))
        var text = counts.rendered
        if !report.districtsMerged.isEmpty {
            var table = Table([.text("STATE"), .text("DISTRICT"), .text("SPELLINGS")])
            for merge in report.districtsMerged {
                table.append([merge.state, merge.district, merge.spellings.joined(separator: ", ")])
            }
            text += "\nDistricts merged (\(report.districtsMerged.count)):\n" + table.rendered
        }
        if !report.rejected.isEmpty {
            var table = Table([.number("LINE"), .text("REASON")])
            for rejection in report.rejected {
                table.append([String(rejection.line), rejection.reason.replacingNewlines()])
            }
            text += "\nRejected rows (\(report.rejected.count)):\n" + table.rendered
        }
        return text
    }
}
