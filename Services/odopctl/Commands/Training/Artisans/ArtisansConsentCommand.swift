import ArgumentParser
import ODOPMessages

/// `odopctl training artisans consent`: `ArtisanConsentGive`.
struct ArtisansConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "Record an artisan's consent for a purpose, or withdraw it (--withdraw).",
        discussion: """
            Without an active consent an artisan cannot apply.

            Examples:
              odopctl training artisans consent art-3f9c2a7d41e84b06 --purpose \\
                  \"training and toolkit\" --withdraw
            """
    )

    @Argument(help: ArgumentHelp("The artisan's id.", valueName: "artisan-id"))
    var artisanId: String

    @Option(help: ArgumentHelp("The purpose.", valueName: "purpose"))
    var purpose: String

    @Flag(help: "Withdraw the consent instead.")
    var withdraw = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let arguments = ConsentArguments(artisanId: artisanId, purpose: purpose)
        let (json, result) =
            withdraw
            ? try connection.callKeepingJSON(ArtisanConsentWithdraw.self, arguments)
            : try connection.callKeepingJSON(ArtisanConsentGive.self, arguments)
        TrainingViews.print(json, asJSON: global.json, TrainingViews.artisan(result))
    }
}
