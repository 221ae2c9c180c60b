import ArgumentParser
import ODOPMessages

/// `odopctl training artisans export`: `ArtisanExport`.
struct ArtisansExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export everything held about an artisan, unmasked (their right to see it).",
        discussion: """
            Examples:
              odopctl training artisans export art-3f9c2a7d41e84b06 --json > artisan.json
            """
    )

    @Argument(help: ArgumentHelp("The artisan's id.", valueName: "artisan-id"))
    var artisanId: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(ArtisanExport.self, .init(artisanId: artisanId))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        StandardStream.output.write(TrainingViews.artisan(result.artisan).rendered)
        StandardStream.output.write(TrainingViews.applications(result.applications).rendered)
    }
}
