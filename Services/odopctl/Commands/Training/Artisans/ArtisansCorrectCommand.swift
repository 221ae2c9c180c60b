import ArgumentParser
import ODOPMessages

/// `odopctl training artisans correct`: `ArtisanCorrect`.
struct ArtisansCorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Correct an artisan's personal data (the Aadhaar number and family reference are not correctable).",
        discussion: """
            Examples:
              odopctl training artisans correct art-3f9c2a7d41e84b06 --mobile 8765409876
            """
    )

    @Argument(help: ArgumentHelp("The artisan's id.", valueName: "artisan-id"))
    var artisanId: String

    @Option(help: ArgumentHelp("The artisan's current version.", valueName: "n"))
    var expectedVersion: Int?

    @Option(help: ArgumentHelp("The name.", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("female, male or other.", valueName: "gender"))
    var gender: String?

    @Option(help: ArgumentHelp("YYYY-MM-DD.", valueName: "date"))
    var dateOfBirth: String?

    @Option(help: ArgumentHelp("An Indian mobile number.", valueName: "number"))
    var mobile: String?

    @Option(help: ArgumentHelp("The trade.", valueName: "trade"))
    var trade: String?

    @Option(help: ArgumentHelp("The bank account number (with --ifsc).", valueName: "number"))
    var bankAccount: String?

    @Option(help: ArgumentHelp("The IFSC (with --bank-account).", valueName: "ifsc"))
    var ifsc: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            ArtisanCorrect.self,
            .init(
                artisanId: artisanId, expectedVersion: expectedVersion, name: name, gender: gender, dateOfBirth: dateOfBirth,
                mobile: mobile,
                trade: trade, bank: bankAccount.map { BankDetails(accountNumber: $0, ifsc: ifsc ?? "") }))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.artisan(result))
    }
}
