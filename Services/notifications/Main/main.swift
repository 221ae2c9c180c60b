import ArgumentParser
import Foundation
import Logging
import Notifications
import ODOPClient
import ODOPRuntime
import ServiceLifecycle

/// `odop-notifications`: the notifications service (subscriptions, Standard Webhooks deliveries
/// with retries, dead letters and digests), following the catalogue, exports and training.
@main
struct NotificationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "odop-notifications",
        abstract: "The ODOP notifications service: subscriptions, signed webhooks, file and log channels, retries, dead letters and digests.",
        discussion: """
            Binds a command (ROUTER) socket and an event (PUB) socket, follows the catalogue's, exports' and
            training's events, and delivers messages to subscribers; see docs/PROTOCOL.md. Its own settings come
            from the environment: ODOP_WEBHOOK_ALLOW_PRIVATE (none|loopback|private), ODOP_RETRY_SCHEDULE,
            ODOP_RETRY_JITTER, ODOP_WEBHOOK_TIMEOUT_MS, ODOP_DISABLE_AFTER_DAYS, ODOP_DELIVERY_CONCURRENCY.
            Stops cleanly on SIGTERM or SIGINT. Exit codes: 0 clean stop, 64 usage, 69 endpoint in use,
            73 data directory, 74 database, 78 invalid configuration.
            """)

    @OptionGroup var service: ServiceOptions

    @Option(name: .customLong("catalogue-commands"), help: "The catalogue's command endpoint. [env: ODOP_CATALOGUE_COMMANDS] (default: tcp://127.0.0.1:7101)")
    var catalogueCommands: String?
    @Option(name: .customLong("catalogue-events"), help: "The catalogue's event endpoint. [env: ODOP_CATALOGUE_EVENTS] (default: tcp://127.0.0.1:7102)")
    var catalogueEvents: String?
    @Option(name: .customLong("exports-commands"), help: "The exports service's command endpoint. [env: ODOP_EXPORTS_COMMANDS] (default: tcp://127.0.0.1:7201)")
    var exportsCommands: String?
    @Option(name: .customLong("exports-events"), help: "The exports service's event endpoint. [env: ODOP_EXPORTS_EVENTS] (default: tcp://127.0.0.1:7202)")
    var exportsEvents: String?
    @Option(name: .customLong("training-commands"), help: "The training service's command endpoint. [env: ODOP_TRAINING_COMMANDS] (default: tcp://127.0.0.1:7301)")
    var trainingCommands: String?
    @Option(name: .customLong("training-events"), help: "The training service's event endpoint. [env: ODOP_TRAINING_EVENTS] (default: tcp://127.0.0.1:7302)")
    var trainingEvents: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment.filter { !$0.value.isEmpty }
        let flags = [
            "catalogue": (catalogueCommands, catalogueEvents), "exports": (exportsCommands, exportsEvents),
            "training": (trainingCommands, trainingEvents),
        ]
        var sources: [(name: String, commands: String, events: String)] = []
        for name in ["catalogue", "exports", "training"] {
            let commands = ServiceDirectory.commandsEndpoint(name, flag: flags[name]?.0, environment: environment)
            let events = ServiceDirectory.eventsEndpoint(name, flag: flags[name]?.1, environment: environment)
            for endpoint in [commands, events] where !endpoint.contains("://") {
                fail(.configuration("\(name) endpoint \(endpoint) must look like tcp://HOST:PORT"))
            }
            sources.append((name, commands, events))
        }
        let settings: NotificationsSettings
        let configuration: ServiceConfiguration
        do {
            settings = try NotificationsSettings.fromEnvironment(environment)
            configuration = try service.resolve(service: "notifications")
        } catch {
            fail(error)
        }
        let logger = ServiceLauncher.makeLogger(label: "odop.notifications", level: configuration.logLevel)
        let context = NotificationsContext(settings: settings)
        let host: ServiceHost
        do {
            host = try ServiceHost(NotificationsService(context: context, sources: sources), configuration: configuration, logger: logger)
        } catch {
            logger.critical("cannot start", metadata: ["error": "\(error)", "exitCode": "\(error.exitCode)"])
            throw ExitCode(error.exitCode)
        }
        let runner = NotificationsRunner(store: host.store, context: context, logger: logger)
        logger.info("webhook targets", metadata: ["allowPrivate": "\(settings.addressPolicy.allowance.rawValue)", "attempts": "\(settings.schedule.maxAttempts)"])
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: host), .init(service: runner)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            logger.critical("stopped on an error", metadata: ["error": "\(error)"])
            throw ExitCode(StartupError.internalFailure("").exitCode)
        }
    }

    private func fail(_ error: StartupError) -> Never {
        FileHandle.standardError.write(Data("odop-notifications: \(error)\n".utf8))
        Foundation.exit(error.exitCode)
    }
}
