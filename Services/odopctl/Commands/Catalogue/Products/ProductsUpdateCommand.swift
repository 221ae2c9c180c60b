import ArgumentParser
import ODOPMessages

/// `odopctl catalogue products update`: `product.update`.
struct ProductsUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change fields of a product.",
        discussion: """
            Changes the fields given and leaves the others; an empty --description removes \
            it. --expected-version must be the product's current version (products show \
            prints it): when someone changed the product since, the update is refused \
            (conflict, exit 1) and nothing changes. A retired product cannot be changed. \
            Prints the product after the change.

            Examples:
              odopctl catalogue products update p-46ef413f-8155-4cb1-a8a4-21fb8657577a \\
                  --expected-version 1 --name "Firozabad Glassware" --gi
              odopctl catalogue products update p-46ef413f-8155-4cb1-a8a4-21fb8657577a \\
                  --expected-version 2 --sector handicraft
            """
    )

    @Argument(help: ArgumentHelp("The product's id.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("The product's current version.", valueName: "n"))
    var expectedVersion: Int

    @Option(help: ArgumentHelp("A new name.", valueName: "name"))
    var name: String?

    @Option(help: ReferenceVocabulary.sectorHelp("A new sector"), completion: .list(ReferenceVocabulary.sectors))
    var sector: String?

    @Option(help: ReferenceVocabulary.categoryHelp("A new category"), completion: .list(ReferenceVocabulary.categories))
    var category: String?

    @Option(help: ArgumentHelp("A new description; empty removes it.", valueName: "text"))
    var description: String?

    @Flag(inversion: .prefixedNo, exclusivity: .exclusive, help: "Set (--gi) or clear (--no-gi) the GI flag.")
    var gi: Bool?

    @Option(help: ArgumentHelp("A new ministry or department.", valueName: "ministry"))
    var ministry: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if expectedVersion < 1 { throw ValidationError("--expected-version must be at least 1, got \(expectedVersion)") }
        if name == nil && sector == nil && category == nil && description == nil && gi == nil && ministry == nil {
            throw ValidationError(
                "nothing to change: give --name, --sector, --category, --description, --gi/--no-gi or --ministry")
        }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .catalogue)
        let (json, product) = try connection.callKeepingJSON(
            ProductUpdate.self,
            .init(
                id: id, expectedVersion: expectedVersion, name: name, sector: sector, category: category,
                description: description, giStatus: gi, ministry: ministry))
        ProductViews.print(product, json: json, asJSON: global.json)
    }
}
