import ArgumentParser
import ODOPMessages

/// `odopctl training artisans erase`: `ArtisanErase`.
struct ArtisansEraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase an artisan's personal data for good (the counts and the keyed hashes stay).",
        discussion: """
            Examples:
              odopctl training artisans erase art-3f9c2a7d41e84b06 --reason \\
                  \"the artisan asked for erasure\"
            """
    )

    @Argument(help: ArgumentHelp("The artisan's id.", valueName: "artisan-id"))
    var artisanId: String

    @Option(help: ArgumentHelp("Why.", valueName: "reason"))
    var reason: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(ArtisanErase.self, .init(artisanId: artisanId, reason: reason))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        StandardStream.output.writeLine("erased \(result.artisanId) at \(result.erasedAt)")
    }
}
