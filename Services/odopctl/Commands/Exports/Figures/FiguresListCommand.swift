import ArgumentParser
import ODOPMessages

/// `odopctl exports figures list`: every match of `figures.list`.
struct FiguresListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the current export figures that match the filters: all of them, page by page.",
        discussion: """
            The current revision of each product's figure per year, ordered by state, \
            district, product and year. Pages through figures.list (1000 per request) until \
            every match is printed, or --limit figures; with --json, one JSON array.

            Examples:
              odopctl exports figures list --state UP --year 2023-24
              odopctl exports figures list --json \\
                  --product p-46ef413f-8155-4cb1-a8a4-21fb8657577a
            """
    )

    @Option(help: ReferenceVocabulary.stateHelp("Only this state"), completion: .list(ReferenceVocabulary.states))
    var state: String?

    @Option(help: ArgumentHelp("Only this district: its name or the catalogue's district id.", valueName: "district"))
    var district: String?

    @Option(help: ArgumentHelp("Only this product.", valueName: "id"))
    var product: String?

    @Option(help: ArgumentHelp("Only this financial year, e.g. 2023-24.", valueName: "yyyy-yy"))
    var year: String?

    @Option(help: ArgumentHelp("At most this many figures. (default: all)", valueName: "n"))
    var limit: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .exports)
        let listing = PagedListing<ExportFigure>(connection: connection, command: FiguresList.name, limit: limit, noun: "figure")
        try listing.run(
            json: global.json,
            arguments: { offset, count throws(OdopctlFailure) in
                try connection.encode(
                    FiguresList.self,
                    .init(
                        state: state, district: district, productId: product, financialYear: year, limit: count, offset: offset))
            },
            table: FigureViews.table)
    }
}
