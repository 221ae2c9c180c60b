import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals

/// Runs a service executable. A service's `main.swift` is one line:
///
///     await ServiceLauncher.main(ExportsService())
///
/// It parses the command line (`ServiceOptions`, with `--help` and `--version`), resolves the
/// configuration (flags, then environment, then defaults, and the endpoints of the services the
/// definition follows), sets up logging, runs a `ServiceHost` until SIGTERM/SIGINT, and exits
/// with a status from the one table (`ExitStatus`).
public enum ServiceLauncher {
    /// Parses the command line and runs `definition`; never returns.
    public static func main<Definition: ServiceDefinition>(_ definition: Definition) async -> Never {
        launched.withLock { $0 = definition }
        await ServiceCommand<Definition>.main()
        exit(ExitStatus.clean.rawValue)
    }

    /// The definition `main` was given, for `ServiceCommand`'s static description.
    static let launched = Mutex<(any ServiceDefinition)?>(nil)

    /// Starts `definition` with `options` and returns when it has shut down. Throws an
    /// `ExitCode` (argument-parser turns it into the process's exit status) when it cannot start
    /// or a worker failed.
    public static func run(_ definition: some ServiceDefinition, options: ServiceOptions) async throws {
        let configuration: ServiceConfiguration
        do {
            configuration = try options.resolve(service: definition.name, following: definition.follows.map(\.source))
        } catch {
            FileHandle.standardError.write(Data("odop-\(definition.name): \(error)\n".utf8))
            throw ExitCode(error.exitCode)
        }
        let logger = makeLogger(label: "odop.\(definition.name)", level: configuration.logLevel, format: configuration.logFormat)
        let host: ServiceHost
        do {
            host = try ServiceHost(definition, configuration: configuration, logger: logger)
        } catch {
            logger.critical("cannot start", metadata: ["error": "\(error)", "exitCode": "\(error.exitCode)"])
            throw ExitCode(error.exitCode)
        }
        do {
            try await host.run(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch {
            // ServiceHost logged which worker failed and why.
            throw ExitCode(ExitStatus.internalFailure.rawValue)
        }
    }

    private static let bootstrapped = Mutex(false)

    /// A logger writing one line per record to standard error: time, level, label, message and
    /// metadata as key=value (swift-log's stream handler), or one JSON object per line
    /// (`JSONLogHandler`) for `.json`. The first call bootstraps logging for the process.
    public static func makeLogger(label: String, level: Logger.Level, format: LogFormat = .text) -> Logger {
        bootstrapped.withLock { done in
            if !done {
                LoggingSystem.bootstrap { label in
                    switch format {
                    case .text: StreamLogHandler.standardError(label: label)
                    case .json: JSONLogHandler(label: label)
                    }
                }
                done = true
            }
        }
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}

/// The command line of every service executable: the runtime's options and the service's own,
/// described by the definition being launched.
struct ServiceCommand<Definition: ServiceDefinition>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        guard let definition = ServiceLauncher.launched.withLock({ $0 }) else { return CommandConfiguration() }
        let follows = definition.follows.map(\.source)
        return CommandConfiguration(
            commandName: "odop-\(definition.name)",
            abstract: definition.summary,
            discussion: """
                Binds a command (ROUTER) socket and an event (PUB) socket\
                \(follows.isEmpty ? "" : " and follows the events of \(follows.joined(separator: ", "))"); \
                see docs/PROTOCOL.md. Every option is also an environment variable; the flag wins. \
                Stops cleanly on SIGTERM or SIGINT.

                Exit status:
                \(ExitStatus.table)
                """,
            version: definition.version)
    }

    @OptionGroup var options: ServiceOptions
    @OptionGroup(title: "Service options") var own: Definition.Options

    func run() async throws {
        guard var definition = ServiceLauncher.launched.withLock({ $0 }) as? Definition else { return }
        do {
            try definition.configure(own)
        } catch {
            FileHandle.standardError.write(Data("odop-\(definition.name): \(error)\n".utf8))
            throw ExitCode(error.exitCode)
        }
        try await ServiceLauncher.run(definition, options: options)
    }
}
