import ArgumentParser
import ODOPMessages

/// `odopctl training artisans register`: `ArtisanRegister`.
struct ArtisansRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register an artisan (the Aadhaar number is kept only as a keyed hash and its last 4 digits).",
        discussion: """
            Prints the artisan masked. The same Aadhaar number twice is refused (conflict, field aadhaar). Needs the admin role under CURVE.

            Examples:
              odopctl training artisans register --name \"Ramesh Kumar\" --gender male \\
                  --date-of-birth 1985-06-15 --mobile 9876543210 --aadhaar \\
                  \"2345 6789 0124\" --family-reference RC-UP-100001 --state UP --district \\
                  Firozabad --trade \"glass worker\" --product \\
                  p-9b334f5c-e331-4e6a-af85-440a26c620ea --bank-account 400000104729 \\
                  --ifsc SBIN0001234 --consent-purpose \"training and toolkit\"
            """
    )

    @Option(help: ArgumentHelp("The artisan's name.", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("female, male or other.", valueName: "gender"))
    var gender: String

    @Option(help: ArgumentHelp("YYYY-MM-DD.", valueName: "date"))
    var dateOfBirth: String

    @Option(help: ArgumentHelp("An Indian mobile number.", valueName: "number"))
    var mobile: String

    @Option(help: ArgumentHelp("The Aadhaar number (12 digits).", valueName: "number"))
    var aadhaar: String

    @Option(help: ArgumentHelp("The ration card or family id.", valueName: "reference"))
    var familyReference: String

    @Option(help: ArgumentHelp("The state: name or code.", valueName: "state"))
    var state: String

    @Option(help: ArgumentHelp("The catalogue district.", valueName: "district"))
    var district: String

    @Option(help: ArgumentHelp("The trade or craft.", valueName: "trade"))
    var trade: String

    @Option(help: ArgumentHelp("The ODOP product's id.", valueName: "id"))
    var product: String?

    @Option(help: ArgumentHelp("The bank account number.", valueName: "number"))
    var bankAccount: String?

    @Option(help: ArgumentHelp("The bank branch's IFSC.", valueName: "ifsc"))
    var ifsc: String?

    @Option(help: ArgumentHelp("What the artisan consented to.", valueName: "purpose"))
    var consentPurpose: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            ArtisanRegister.self,
            .init(
                name: name, gender: gender, dateOfBirth: dateOfBirth, mobile: mobile, aadhaar: aadhaar, familyReference: familyReference,
                state: state, district: district, trade: trade, productId: product,
                bank: bankAccount.map { BankDetails(accountNumber: $0, ifsc: ifsc ?? "") }, consentPurpose: consentPurpose))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.artisan(result))
    }
}
