import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Runs a service executable from `main`: resolves its configuration, sets up logging, starts a
/// `ServiceHost` under a `ServiceGroup` that turns SIGTERM/SIGINT into a graceful shutdown, and
/// exits with the code that tells an operator what went wrong (see `StartupError`).
public enum ServiceLauncher {
    /// Starts `definition` with `options` and returns when it has shut down. Throws an
    /// `ExitCode` (argument-parser turns it into the process's exit status) when it cannot start.
    public static func run(_ definition: some ServiceDefinition, options: ServiceOptions) async throws {
        let configuration: ServiceConfiguration
        do {
            configuration = try options.resolve(service: definition.name)
        } catch {
            FileHandle.standardError.write(Data("odop-\(definition.name): \(error)\n".utf8))
            throw ExitCode(error.exitCode)
        }
        let logger = makeLogger(label: "odop.\(definition.name)", level: configuration.logLevel)
        let host: ServiceHost
        do {
            host = try ServiceHost(definition, configuration: configuration, logger: logger)
        } catch {
            logger.critical("cannot start", metadata: ["error": "\(error)", "exitCode": "\(error.exitCode)"])
            throw ExitCode(error.exitCode)
        }
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: host)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        do {
            try await group.run()
        } catch {
            logger.critical("stopped on an error", metadata: ["error": "\(error)"])
            throw ExitCode(StartupError.internalFailure("").exitCode)
        }
    }

    private static let bootstrapped = Mutex(false)

    /// A logger writing one line per record to standard error: time, level, label, message and
    /// metadata as key=value (swift-log's stream handler).
    public static func makeLogger(label: String, level: Logger.Level) -> Logger {
        bootstrapped.withLock { done in
            if !done {
                LoggingSystem.bootstrap { label in
                    StreamLogHandler.standardError(label: label)
                }
                done = true
            }
        }
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}
