import ODOPMessages

/// How the figures commands show export figures.
enum FigureViews {
    static func table(_ figures: [ExportFigure]) -> Table {
        var table = Table([
            .text("STATE"), .text("DISTRICT"), .text("PRODUCT"), .text("YEAR"), .number("VALUE (CRORE)"), .text("SOURCE"),
            .number("REVISION"), .text("PRODUCT ID"),
        ])
        for figure in figures {
            table.append([
                figure.state, figure.district, figure.productName, figure.financialYear, NumberText.amount(figure.valueINRCrore),
                figure.source, String(figure.revision), figure.productId,
            ])
        }
        return table
    }

    static func fields(_ figure: ExportFigure) -> FieldList {
        var fields = FieldList()
        fields.append("product", "\(figure.productName) (\(figure.productId))")
        fields.append("sector", figure.sector)
        fields.append("district", "\(figure.district), \(figure.state)")
        fields.append("year", figure.financialYear)
        fields.append("value", "₹\(NumberText.amount(figure.valueINRCrore)) crore")
        fields.append("source", figure.source)
        var revision = String(figure.revision)
        if let previous = figure.previousValueINRCrore { revision += " (corrects ₹\(NumberText.amount(previous)) crore)" }
        fields.append("revision", revision)
        fields.append("recorded", figure.recordedAt)
        return fields
    }
}
