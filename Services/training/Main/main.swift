import ArgumentParser
import Foundation
import ODOPClient
import ODOPRuntime
import Training

/// `odop-training`: the training service (schemes, artisans, applications, batches, attendance,
/// certificates, toolkits, stipends, reports), following the catalogue's events.
@main
struct TrainingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "odop-training",
        abstract: "The ODOP training service: schemes, artisans, applications, batches, certificates, toolkits, stipends.",
        discussion: """
            Binds a command (ROUTER) socket and an event (PUB) socket and follows the catalogue's events;
            see docs/PROTOCOL.md. Needs an identity key file (32+ random bytes, mode 0600) to hash Aadhaar
            numbers and family references; it cannot be rotated without re-hashing every artisan.
            Stops cleanly on SIGTERM or SIGINT. Exit codes: 0 clean stop, 64 usage, 69 endpoint in use,
            73 data directory, 74 database, 77 identity key file readable by group or others,
            78 invalid configuration (including a missing identity key file).
            """)

    @OptionGroup var service: ServiceOptions

    @Option(name: .customLong("catalogue-commands"), help: "The catalogue's command endpoint. [env: ODOP_CATALOGUE_COMMANDS] (default: tcp://127.0.0.1:7101)")
    var catalogueCommands: String?

    @Option(name: .customLong("catalogue-events"), help: "The catalogue's event endpoint. [env: ODOP_CATALOGUE_EVENTS] (default: tcp://127.0.0.1:7102)")
    var catalogueEvents: String?

    @Option(name: .customLong("identity-key-file"), help: "The identity key file (mode 0600). [env: ODOP_IDENTITY_KEY_FILE] (required)")
    var identityKeyFile: String?

    @Option(name: .customLong("clock-file"), help: "Read the current time from this file (RFC 3339 or YYYY-MM-DD, IST) instead of the system clock; for tests and rehearsals. [env: ODOP_CLOCK_FILE]")
    var clockFile: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment.filter { !$0.value.isEmpty }
        let commands = ServiceDirectory.commandsEndpoint("catalogue", flag: catalogueCommands, environment: environment)
        let events = ServiceDirectory.eventsEndpoint("catalogue", flag: catalogueEvents, environment: environment)
        for (name, endpoint) in [("catalogue commands", commands), ("catalogue events", events)] where !endpoint.contains("://") {
            try fail(StartupError.configuration("\(name) endpoint \(endpoint) must look like tcp://HOST:PORT"))
        }
        guard let keyPath = identityKeyFile ?? environment["ODOP_IDENTITY_KEY_FILE"] else {
            try fail(StartupError.configuration("no identity key file: give --identity-key-file or ODOP_IDENTITY_KEY_FILE (32+ random bytes, mode 0600)"))
            return
        }
        let key: IdentityKey
        do {
            key = try IdentityKey(file: keyPath)
        } catch {
            try fail(error)
            return
        }
        let clock = TrainingClock(file: clockFile ?? environment["ODOP_CLOCK_FILE"])
        let definition = TrainingService(context: TrainingContext(identityKey: key, clock: clock),
                                         catalogueCommands: commands, catalogueEvents: events)
        try await ServiceLauncher.run(definition, options: service)
    }

    private func fail(_ error: StartupError) throws {
        FileHandle.standardError.write(Data("odop-training: \(error)\n".utf8))
        throw ExitCode(error.exitCode)
    }
}

