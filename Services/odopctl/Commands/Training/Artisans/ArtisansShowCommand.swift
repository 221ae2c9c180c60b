import ArgumentParser
import ODOPMessages

/// `odopctl training artisans show`: `ArtisanGet`.
struct ArtisansShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an artisan, masked unless --reveal is given with a --purpose.",
        discussion: """
            Examples:
              odopctl training artisans show art-3f9c2a7d41e84b06
              odopctl training artisans show art-3f9c2a7d41e84b06 --reveal --purpose \\
                  \"stipend grievance 17\"
            """
    )

    @Argument(help: ArgumentHelp("The artisan's id.", valueName: "artisan-id"))
    var artisanId: String

    @Flag(help: "Show personal data unmasked (needs --purpose).")
    var reveal = false

    @Option(help: ArgumentHelp("Why personal data is revealed.", valueName: "purpose"))
    var purpose: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if reveal && purpose == nil { throw ValidationError("--reveal needs --purpose") }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            ArtisanGet.self, .init(artisanId: artisanId, reveal: reveal ? true : nil, purpose: purpose))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.artisan(result))
    }
}
