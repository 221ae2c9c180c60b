import ODOPMessages

/// How the plans commands show export action plans.
enum PlanViews {
    static func table(_ plans: [ExportPlan]) -> Table {
        var table = Table([
            .text("PLAN"), .text("STATE"), .text("DISTRICT"), .text("STATUS"), .number("PRODUCTS"), .text("MARKETS"),
            .number("INTERVENTIONS"), .number("VERSION"),
        ])
        for plan in plans {
            table.append([
                plan.planId, plan.state, plan.district, plan.status.rawValue,
                String(plan.products.filter { $0.status == .active }.count),
                plan.targetMarkets.isEmpty ? "-" : plan.targetMarkets.joined(separator: ","),
                String(plan.interventions.count), String(plan.version),
            ])
        }
        return table
    }

    static func interventionsTable(_ interventions: [Intervention]) -> Table {
        var table = Table([.text("ID"), .text("TITLE"), .text("RESPONSIBLE BODY"), .text("DUE"), .text("STATUS")])
        for intervention in interventions {
            table.append([
                intervention.id, intervention.title.replacingNewlines(), intervention.responsibleBody, intervention.dueDate,
                intervention.status.rawValue,
            ])
        }
        return table
    }

    /// The whole plan: its fields, then a table per list that is not empty.
    static func text(_ plan: ExportPlan) -> String {
        var fields = FieldList()
        fields.append("plan", plan.planId)
        fields.append("state", "\(plan.state) (\(plan.stateCode))")
        fields.append("district", "\(plan.district) (\(plan.districtId))")
        fields.append("status", plan.status.rawValue)
        fields.append("version", String(plan.version))
        fields.append("target markets", plan.targetMarkets.isEmpty ? "-" : plan.targetMarkets.joined(separator: ", "))
        fields.append("DEPC adoption", plan.depcAdoption.map { "\($0.date), \($0.reference)" } ?? "-")
        fields.append("created", plan.createdAt)
        fields.append("updated", plan.updatedAt)
        var text = fields.rendered

        var products = Table([.text("ID"), .text("NAME"), .text("SECTOR"), .text("STATUS")])
        for product in plan.products {
            products.append([product.productId, product.name, product.sector, product.status.rawValue])
        }
        text += section("Products", products)

        var bottlenecks = Table([.text("CATEGORY"), .text("NOTE")])
        for bottleneck in plan.bottlenecks {
            bottlenecks.append([bottleneck.category.rawValue, bottleneck.note.replacingNewlines()])
        }
        text += section("Bottlenecks", bottlenecks)
        text += section("Interventions", interventionsTable(plan.interventions))

        var notes = Table([.text("DATE"), .text("NOTE")])
        for note in plan.sepcReviewNotes {
            notes.append([note.date, note.note.replacingNewlines()])
        }
        text += section("SEPC review notes", notes)
        return text
    }

    /// `\nInterventions (2):\n<table>`, or nothing for an empty table.
    static func section(_ title: String, _ table: Table) -> String {
        table.isEmpty ? "" : "\n\(title) (\(table.rows.count)):\n" + table.rendered
    }

    /// A plan as a command's result: its JSON as sent with --json, else the whole plan.
    static func print(_ plan: ExportPlan, json: JSONValue, asJSON: Bool) {
        StandardStream.output.write(asJSON ? JSONText.compact(json) + "\n" : text(plan))
    }
}
