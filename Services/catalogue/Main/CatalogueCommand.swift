import ArgumentParser
import Catalogue
import Foundation
import ODOPRuntime

/// `odop-catalogue`: the catalogue service.
@main
struct CatalogueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "odop-catalogue",
        abstract: "The ODOP catalogue service: states/UTs, districts and ODOP products.",
        discussion: """
            Binds a command (ROUTER) socket and an event (PUB) socket; see docs/PROTOCOL.md.
            Stops cleanly on SIGTERM or SIGINT. Exit codes: 0 clean stop, 64 usage, 69 endpoint in use,
            73 data directory, 74 database, 78 invalid configuration.
            """,
        version: CatalogueService.version)

    @OptionGroup var service: ServiceOptions

    @Option(name: .customLong("gi-registry"), help: "The GI registry CSV to reconcile products against. [env: ODOP_GI_REGISTRY] (default: none)")
    var giRegistry: String?

    func run() async throws {
        let path = giRegistry ?? ProcessInfo.processInfo.environment["ODOP_GI_REGISTRY"].flatMap { $0.isEmpty ? nil : $0 }
        let definition: CatalogueService
        do {
            definition = try CatalogueService(giRegistryPath: path)
        } catch {
            FileHandle.standardError.write(Data("odop-catalogue: cannot read the GI registry \(path ?? ""): \(error)\n".utf8))
            throw ExitCode(StartupError.configuration("").exitCode)
        }
        try await ServiceLauncher.run(definition, options: service)
    }
}
