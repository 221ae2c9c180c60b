import ArgumentParser

/// `odopctl catalogue products`: the ODOP products.
struct ProductsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "products",
        abstract: "List, show, register, update or retire ODOP products.",
        discussion: """
            A product belongs to one district; its id (p- and a UUID) never changes and its \
            version goes up by one with every change. update names the version it changes \
            (--expected-version), so that two admins never overwrite each other: read the \
            product with show, then update it.

            Examples:
              odopctl catalogue products list --state "Uttar Pradesh" --sector handicraft
              odopctl catalogue products show p-46ef413f-8155-4cb1-a8a4-21fb8657577a
              odopctl catalogue products retire p-46ef413f-8155-4cb1-a8a4-21fb8657577a \\
                  --reason "merged into Glass Bangles"
            """,
        subcommands: [
            ProductsListCommand.self, ProductsShowCommand.self, ProductsRegisterCommand.self, ProductsUpdateCommand.self,
            ProductsRetireCommand.self,
        ]
    )
}
