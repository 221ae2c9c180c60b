import ArgumentParser
import Exports
import Foundation
import ODOPClient
import ODOPRuntime

/// `odop-exports`: the exports service (District Export Action Plans, export figures, reports),
/// following the catalogue's events.
@main
struct ExportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "odop-exports",
        abstract: "The ODOP exports service: District Export Action Plans that follow the catalogue, export figures, reports.",
        discussion: """
            Binds a command (ROUTER) socket and an event (PUB) socket and follows the catalogue's events;
            see docs/PROTOCOL.md. Stops cleanly on SIGTERM or SIGINT. Exit codes: 0 clean stop, 64 usage,
            69 endpoint in use, 73 data directory, 74 database, 78 invalid configuration.
            """)

    @OptionGroup var service: ServiceOptions

    @Option(name: .customLong("catalogue-commands"), help: "The catalogue's command endpoint. [env: ODOP_CATALOGUE_COMMANDS] (default: tcp://127.0.0.1:7101)")
    var catalogueCommands: String?

    @Option(name: .customLong("catalogue-events"), help: "The catalogue's event endpoint. [env: ODOP_CATALOGUE_EVENTS] (default: tcp://127.0.0.1:7102)")
    var catalogueEvents: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment.filter { !$0.value.isEmpty }
        let commands = ServiceDirectory.commandsEndpoint("catalogue", flag: catalogueCommands, environment: environment)
        let events = ServiceDirectory.eventsEndpoint("catalogue", flag: catalogueEvents, environment: environment)
        for (name, endpoint) in [("catalogue commands", commands), ("catalogue events", events)] where !endpoint.contains("://") {
            let error = StartupError.configuration("\(name) endpoint \(endpoint) must look like tcp://HOST:PORT")
            FileHandle.standardError.write(Data("odop-exports: \(error)\n".utf8))
            throw ExitCode(error.exitCode)
        }
        try await ServiceLauncher.run(ExportsService(catalogueCommands: commands, catalogueEvents: events), options: service)
    }
}
