import ArgumentParser
import ODOPMessages

/// `odopctl catalogue products register`: `product.register`.
struct ProductsRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a new product in a district.",
        discussion: """
            The district must be known to the catalogue (districts register adds one); a \
            product of the same name in the district is refused (conflict). Prints the product \
            as stored, with its new id and version 1.

            Examples:
              odopctl catalogue products register --state "Uttar Pradesh" \\
                  --district Firozabad --name "Firozabad Glass" --sector manufacturing \\
                  --category primary --gi --ministry MSME
              odopctl catalogue products register --state MP --district Maihar \\
                  --name "Maihar Stone" --sector others --json
            """
    )

    @Option(help: ReferenceVocabulary.stateHelp("The state"), completion: .list(ReferenceVocabulary.states))
    var state: String

    @Option(help: ArgumentHelp("The district: its name or an alias.", valueName: "district"))
    var district: String

    @Option(help: ArgumentHelp("The product's name, unique in the district.", valueName: "name"))
    var name: String

    @Option(help: ReferenceVocabulary.sectorHelp("Its sector"), completion: .list(ReferenceVocabulary.sectors))
    var sector: String

    @Option(help: ReferenceVocabulary.categoryHelp("Its category"), completion: .list(ReferenceVocabulary.categories))
    var category: String?

    @Option(help: ArgumentHelp("A description.", valueName: "text"))
    var description: String?

    @Flag(help: "The product has a Geographical Indication (the list's GI flag).")
    var gi = false

    @Option(help: ArgumentHelp("The responsible ministry or department, e.g. MSME.", valueName: "ministry"))
    var ministry: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .catalogue)
        let (json, product) = try connection.callKeepingJSON(
            ProductRegister.self,
            .init(
                state: state, district: district, name: name, sector: sector, category: category, description: description,
                giStatus: gi, ministry: ministry))
        ProductViews.print(product, json: json, asJSON: global.json)
    }
}
