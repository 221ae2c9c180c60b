import ODOPMessages

/// How the products commands show products.
enum ProductViews {
    static func table(_ products: [ProductRecord]) -> Table {
        var table = Table([
            .text("ID"), .text("STATE"), .text("DISTRICT"), .text("NAME"), .text("SECTOR"), .text("GI"), .text("STATUS"),
            .number("VERSION"),
        ])
        for product in products {
            table.append([
                product.id, product.state, product.district, product.name, product.sector, NumberText.yesNo(product.giStatus),
                product.status.rawValue, String(product.version),
            ])
        }
        return table
    }

    static func fields(_ product: ProductRecord) -> FieldList {
        var fields = FieldList()
        fields.append("id", product.id)
        fields.append("name", product.name)
        fields.append("state", "\(product.state) (\(product.stateCode))")
        let lgd = product.lgdCode.map { ", LGD \($0)" } ?? ""
        fields.append("district", "\(product.district) (\(product.districtId)\(lgd))")
        fields.append("sector", product.sector)
        fields.append("category", product.category ?? "-")
        var gi = NumberText.yesNo(product.giStatus)
        if let registry = product.giRegistry {
            gi += "; registered GI: \(registry.name)" + (registry.goods.isEmpty ? "" : " (\(registry.goods))")
        } else {
            gi += "; no registered GI matched"
        }
        fields.append("GI", gi)
        fields.append("ministry", product.ministry ?? "-")
        var status = product.status.rawValue
        if let reason = product.retiredReason { status += ": \(reason)" }
        fields.append("status", status)
        fields.append("version", String(product.version))
        fields.append("created", product.createdAt)
        fields.append("updated", product.updatedAt)
        fields.append("description", product.description)
        return fields
    }

    /// A product as a command's result: its JSON as sent with --json, else its fields.
    static func print(_ product: ProductRecord, json: JSONValue, asJSON: Bool) {
        StandardStream.output.write(asJSON ? JSONText.compact(json) + "\n" : fields(product).rendered)
    }
}
