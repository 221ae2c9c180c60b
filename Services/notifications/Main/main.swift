import ArgumentParser
import Foundation
import Logging
import Notifications
import ODOPRuntime
import ServiceLifecycle

/// `odop-notifications`: the notifications service (subscriptions, Standard Webhooks deliveries
/// with retries, dead letters and digests), following the catalogue, exports and training.
///
/// Not yet the one-line `ServiceLauncher.main`: the service runs a delivery worker beside the
/// host (`NotificationsRunner`), and the runtime has no hook for a service's own workers yet. So
/// this resolves the configuration as the launcher does and runs the host and the runner in one
/// `ServiceGroup`, which stops both on SIGTERM/SIGINT.
@main
struct NotificationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "odop-notifications",
        abstract:
            "The ODOP notifications service: subscriptions, signed webhooks, file and log channels, retries, dead letters and digests.",
        discussion: """
            Binds a command (ROUTER) socket and an event (PUB) socket, follows the events of catalogue, \
            exports and training, and delivers messages to subscribers; see docs/PROTOCOL.md. Every \
            option is also an environment variable; the flag wins. Its own settings come from the \
            environment: ODOP_WEBHOOK_ALLOW_PRIVATE (none|loopback|private), ODOP_RETRY_SCHEDULE, \
            ODOP_RETRY_JITTER, ODOP_WEBHOOK_TIMEOUT_MS, ODOP_WEBHOOK_CONNECT_TIMEOUT_MS, \
            ODOP_DISABLE_AFTER_DAYS, ODOP_DELIVERY_CONCURRENCY. Stops cleanly on SIGTERM or SIGINT.

            Exit status:
            \(ExitStatus.table)
            """,
        version: "0.1.0")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let settings: NotificationsSettings
        let configuration: ServiceConfiguration
        let context: NotificationsContext
        let definition: NotificationsService
        do {
            settings = try NotificationsSettings.fromEnvironment()
            context = NotificationsContext(settings: settings)
            definition = NotificationsService(context: context)
            configuration = try options.resolve(service: definition.name, following: definition.follows.map(\.source))
        } catch {
            FileHandle.standardError.write(Data("odop-notifications: \(error)\n".utf8))
            throw ExitCode(error.exitCode)
        }
        let logger = ServiceLauncher.makeLogger(label: "odop.notifications", level: configuration.logLevel)
        let host: ServiceHost
        do {
            host = try ServiceHost(definition, configuration: configuration, logger: logger)
        } catch {
            logger.critical("cannot start", metadata: ["error": "\(error)", "exitCode": "\(error.exitCode)"])
            throw ExitCode(error.exitCode)
        }
        let runner = NotificationsRunner(store: host.store, context: context, logger: logger)
        logger.info(
            "deliveries",
            metadata: [
                "allowPrivate": "\(settings.addressPolicy.allowance.rawValue)", "attempts": "\(settings.schedule.maxAttempts)",
            ])
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(
                        service: host, successTerminationBehavior: .gracefullyShutdownGroup,
                        failureTerminationBehavior: .gracefullyShutdownGroup),
                    .init(
                        service: runner, successTerminationBehavior: .gracefullyShutdownGroup,
                        failureTerminationBehavior: .gracefullyShutdownGroup),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            logger.critical("stopped on an error", metadata: ["error": "\(error)"])
            throw ExitCode(ExitStatus.internalFailure.rawValue)
        }
    }
}
