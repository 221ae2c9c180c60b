import ArgumentParser
import Exports
import ODOPClient
import ODOPRuntime

/// `odop-exports`: the exports service (District Export Action Plans, export figures, reports),
/// following the catalogue's events.
@main
struct ExportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "odop-exports",
        abstract: "ODOP exports service: District Export Action Plans that follow the catalogue, export figures, reports.")

    @OptionGroup var service: ServiceOptions

    @Option(name: .customLong("catalogue-commands"), help: "The catalogue's command endpoint. [env: ODOP_CATALOGUE_COMMANDS] (default: tcp://127.0.0.1:7101)")
    var catalogueCommands: String?

    @Option(name: .customLong("catalogue-events"), help: "The catalogue's event endpoint. [env: ODOP_CATALOGUE_EVENTS] (default: tcp://127.0.0.1:7102)")
    var catalogueEvents: String?

    func run() async throws {
        let definition = ExportsService(
            catalogueCommands: ServiceDirectory.commandsEndpoint("catalogue", flag: catalogueCommands),
            catalogueEvents: ServiceDirectory.eventsEndpoint("catalogue", flag: catalogueEvents))
        try await ServiceLauncher.run(definition, options: service)
    }
}
