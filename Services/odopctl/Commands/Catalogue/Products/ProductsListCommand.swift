import ArgumentParser
import ODOPMessages

/// `odopctl catalogue products list`: every match of `product.search`.
struct ProductsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the products that match the filters: all of them, page by page.",
        discussion: """
            Filters combine: --state, --district (within --state if given, else in every \
            state with such a district), --sector, --gi/--no-gi (the list's GI flag), --status \
            and --text (every word must appear in the name or description, ignoring case). \
            Active products unless --status retired.

            Pages through product.search (1000 products per request) until every match is \
            printed, or --limit products. For people: a table ordered by state, district and \
            name, and on stderr how many were shown of how many match. With --json: one JSON \
            array of the products as the catalogue sent them.

            Examples:
              odopctl catalogue products list --state "Uttar Pradesh" --sector handicraft
              odopctl catalogue products list --district Firozabad --gi
              odopctl catalogue products list --text "glass" --limit 5
              odopctl catalogue products list --status retired --json | jq -r '.[].id'
            """
    )

    @Option(help: ReferenceVocabulary.stateHelp("Only this state"), completion: .list(ReferenceVocabulary.states))
    var state: String?

    @Option(help: ArgumentHelp("Only this district: its name or an alias.", valueName: "district"))
    var district: String?

    @Option(help: ReferenceVocabulary.sectorHelp("Only this sector"), completion: .list(ReferenceVocabulary.sectors))
    var sector: String?

    @Flag(inversion: .prefixedNo, exclusivity: .exclusive, help: "Only products the list flags as GI (--gi), or not flagged (--no-gi).")
    var gi: Bool?

    @Option(help: ArgumentHelp("Active or retired products. (default: active)", valueName: "status"))
    var status: ProductStatus?

    @Option(help: ArgumentHelp("Words that must all appear in the name or description.", valueName: "text"))
    var text: String?

    @Option(help: ArgumentHelp("At most this many products. (default: all)", valueName: "n"))
    var limit: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .catalogue)
        let listing = PagedListing<ProductRecord>(connection: connection, command: ProductSearch.name, limit: limit, noun: "product")
        try listing.run(
            json: global.json,
            arguments: { offset, count throws(OdopctlFailure) in
                try connection.encode(
                    ProductSearch.self,
                    .init(
                        state: state, district: district, sector: sector, gi: gi, status: status, text: text, limit: count,
                        offset: offset))
            },
            table: ProductViews.table)
    }
}
