import Foundation
import Logging
import ODOPClient
import ODOPMessages
import ODOPRuntime

/// A service under test, however it runs: in this process (`InProcessService`) or as its real
/// executable (`ServiceProcess`). Tests talk to either over the wire the same way.
public protocol RunningService: AnyObject, Sendable {
    var commandsEndpoint: String { get }
    var eventsEndpoint: String { get }
    var dataDirectory: String { get }
}

extension RunningService {
    /// A client of its command socket.
    public func makeClient(timeout: Duration = .seconds(5), retries: Int = 2) throws -> CommandClient {
        try CommandClient(endpoint: commandsEndpoint, options: .init(timeout: timeout, retries: retries))
    }

    /// Its health report.
    public func health() throws -> HealthReport {
        try makeClient(timeout: .seconds(2), retries: 1).call(Health.self, NoArguments())
    }
}

extension ServiceProcess: RunningService {}

/// A `ServiceHost` running inside the test process on free loopback ports, with its own data
/// directory (or a given one, to restart on the same database). `stop()` shuts it down
/// gracefully, as SIGTERM would. A service that follows others is given their endpoints in
/// `peers` (by source name), e.g. a `StubSource`'s. Its ops HTTP endpoint is off unless `http`
/// is set, then on a port the kernel picks (`opsURL`); never a fixed port. Metrics are on unless
/// `metrics` is false, or it is nil and `ODOP_METRICS=off` is in the environment (so a program
/// built on this harness, like the benchmark, can be measured with and without them).
public final class InProcessService: RunningService, @unchecked Sendable {
    public let host: ServiceHost
    public let dataDirectory: String
    public var commandsEndpoint: String { host.commandsEndpoint }
    public var eventsEndpoint: String { host.eventsEndpoint }
    private let ownedDirectory: TemporaryDirectory?
    private var task: Task<Void, any Error>?

    public init(
        _ definition: some ServiceDefinition, dataDirectory: String? = nil, heartbeat: Duration = .milliseconds(100),
        commandsBind: String = "tcp://127.0.0.1:*", eventsBind: String = "tcp://127.0.0.1:*", logLevel: Logger.Level = .warning,
        peers: [String: PeerEndpoints] = [:], hooks: RuntimeHooks = RuntimeHooks(), http: Bool = false, metrics: Bool? = nil,
        livenessTimeout: Duration = .seconds(5), commandTimeLimit: Duration = .seconds(60),
        security: SecurityConfiguration = SecurityConfiguration()
    ) throws {
        if let dataDirectory {
            self.dataDirectory = dataDirectory
            ownedDirectory = nil
        } else {
            let directory = TemporaryDirectory(prefix: "odop-\(definition.name)")
            ownedDirectory = directory
            self.dataDirectory = directory.path
        }
        var logger = Logger(label: "test.\(definition.name)")
        logger.logLevel = logLevel
        var configuration = ServiceConfiguration(
            dataDirectory: self.dataDirectory, commandsBind: commandsBind, eventsBind: eventsBind,
            logLevel: logLevel, heartbeatInterval: heartbeat, peers: peers, hooks: hooks,
            opsBind: http ? OpsBind(host: "127.0.0.1", port: 0) : nil,
            metricsEnabled: metrics ?? (ProcessInfo.processInfo.environment["ODOP_METRICS"]?.lowercased() != "off"),
            livenessTimeout: livenessTimeout)
        configuration.security = security
        configuration.commandTimeLimit = commandTimeLimit
        host = try ServiceHost(definition, configuration: configuration, logger: logger)
        let host = self.host
        host.start()
        task = Task.detached { try await host.run() }
    }

    deinit { task?.cancel() }

    /// `http://127.0.0.1:<port>` of the ops endpoint, once it listens (waits up to 10 s); nil
    /// when the service was started without `http`.
    public var opsURL: String? {
        get async {
            for _ in 0..<1000 {
                if let port = host.opsPort { return "http://127.0.0.1:\(port)" }
                try? await Task.sleep(for: .milliseconds(10))
            }
            return nil
        }
    }

    /// How this service is reached by a follower.
    public var endpoints: PeerEndpoints { PeerEndpoints(commands: commandsEndpoint, events: eventsEndpoint) }

    /// Shuts the service down gracefully and waits until it has.
    public func stop() async {
        await host.shutdownGracefully()
        _ = await task?.result
        task = nil
    }

    /// Waits until the service stopped by itself and returns why (nil after a clean stop).
    public func failure() async -> (any Error)? {
        guard let task else { return nil }
        if case .failure(let error) = await task.result { return error }
        return nil
    }
}
