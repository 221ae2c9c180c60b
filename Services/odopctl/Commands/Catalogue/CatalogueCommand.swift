import ArgumentParser

/// `odopctl catalogue`: the catalogue's states, districts and ODOP products.
struct CatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Work with the catalogue: states, districts, ODOP products, the ODOP list import, stats.",
        discussion: """
            Every subcommand is one catalogue command (docs/PROTOCOL.md, "catalogue") with its \
            arguments as flags. Lists print a table for people and one JSON array with --json; \
            a change prints the record as the catalogue stored it. A refusal prints \
            "error: <code>: <message> (field: <field>)" on stderr and exits 1.

            States are named by their LGD name, an alias or the ISO code (UP); districts by \
            their name or an alias, within the state; sectors by the taxonomy's names \
            (handicraft, food processing, ...).

            Examples:
              odopctl catalogue import "One District One Product.csv"
              odopctl catalogue products list --state "Uttar Pradesh" --sector handicraft
              odopctl catalogue products show p-46ef413f-8155-4cb1-a8a4-21fb8657577a
              odopctl catalogue stats
            """,
        subcommands: [
            StatesCommand.self, DistrictsCommand.self, ProductsCommand.self, CatalogueImportCommand.self,
            CatalogueStatsCommand.self, GICommand.self,
        ]
    )
}
