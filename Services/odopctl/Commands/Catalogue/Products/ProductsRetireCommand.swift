import ArgumentParser
import ODOPMessages

/// `odopctl catalogue products retire`: `product.retire`.
struct ProductsRetireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire",
        abstract: "Retire a product: it leaves the scheme, and its record stays.",
        discussion: """
            The product's status becomes retired, with the reason; it no longer shows in \
            products list (unless --status retired) and the services following the catalogue \
            drop it (exports takes it out of its district's plan). Retiring a retired product \
            is refused (conflict).

            Examples:
              odopctl catalogue products retire p-46ef413f-8155-4cb1-a8a4-21fb8657577a \\
                  --reason "withdrawn by the district"
            """
    )

    @Argument(help: ArgumentHelp("The product's id.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("Why it is retired (kept on the record).", valueName: "text"))
    var reason: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .catalogue)
        let (json, product) = try connection.callKeepingJSON(ProductRetire.self, .init(id: id, reason: reason))
        ProductViews.print(product, json: json, asJSON: global.json)
    }
}
