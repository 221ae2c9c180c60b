import ArgumentParser

/// `odopctl training artisans`.
struct TrainingArtisansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "artisans",
        abstract: "Artisans: register, show (masked unless revealed), list, export, correct, consent, erase.",
        subcommands: [
            ArtisansRegisterCommand.self, ArtisansShowCommand.self, ArtisansListCommand.self, ArtisansExportCommand.self,
            ArtisansCorrectCommand.self, ArtisansConsentCommand.self, ArtisansEraseCommand.self,
        ]
    )
}
