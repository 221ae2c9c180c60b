import ArgumentParser
import ODOPMessages

/// `odopctl catalogue stats`: `stats`.
struct CatalogueStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count the products by state and by sector.",
        discussion: """
            Prints the totals (active and retired products, districts, states with active \
            products), then active products per state and per sector, each table ordered by \
            name.

            Examples:
              odopctl catalogue stats
              odopctl catalogue stats --json | jq .products
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .catalogue)
        let (json, stats) = try connection.callKeepingJSON(CatalogueStats.self, NoArguments())
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        var totals = FieldList(numbers: true)
        totals.append("active products", NumberText.count(stats.products))
        totals.append("retired products", NumberText.count(stats.retired))
        totals.append("districts", NumberText.count(stats.districts))
        totals.append("states", NumberText.count(stats.states))
        var text = totals.rendered
        text += "\n" + countTable("STATE", stats.byState).rendered
        text += "\n" + countTable("SECTOR", stats.bySector).rendered
        StandardStream.output.write(text)
    }

    private func countTable(_ title: String, _ counts: [CatalogueStats.Count]) -> Table {
        var table = Table([.text(title), .number("PRODUCTS")])
        for count in counts {
            table.append([count.key, NumberText.count(count.count)])
        }
        return table
    }
}
