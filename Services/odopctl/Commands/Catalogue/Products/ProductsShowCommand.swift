import ArgumentParser
import ODOPMessages

/// `odopctl catalogue products show`: `product.get`.
struct ProductsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one product, with every field.",
        discussion: """
            Prints the product's fields, one per line: its district and LGD code, sector, \
            category, the list's GI flag and the registered GI it matched, ministry, status \
            (and why it was retired), version and times. An unknown id is refused \
            (not_found, exit 1).

            Examples:
              odopctl catalogue products show p-46ef413f-8155-4cb1-a8a4-21fb8657577a
              odopctl catalogue products show "$PRODUCT_ID" --json | jq .version
            """
    )

    @Argument(help: ArgumentHelp("The product's id.", valueName: "id"))
    var id: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .catalogue)
        let (json, product) = try connection.callKeepingJSON(ProductGet.self, .init(id: id))
        ProductViews.print(product, json: json, asJSON: global.json)
    }
}
