import ArgumentParser
import Foundation
import Logging
import ODOPClient

/// The options every service executable takes. Each is a flag and an environment variable;
/// the flag wins, then the environment, then the default.
public struct ServiceOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("data-dir"), help: "Where the database is kept. [env: ODOP_DATA_DIR] (default: ./data)")
    public var dataDirectory: String?

    @Option(name: .customLong("commands-bind"), help: "Endpoint of the command (ROUTER) socket. [env: ODOP_COMMANDS_BIND]")
    public var commandsBind: String?

    @Option(name: .customLong("events-bind"), help: "Endpoint of the event (PUB) socket. [env: ODOP_EVENTS_BIND]")
    public var eventsBind: String?

    @Option(
        name: .customLong("log-level"),
        help: "trace, debug, info, notice, warning, error or critical. [env: ODOP_LOG_LEVEL] (default: info)")
    public var logLevel: String?

    @Option(name: .customLong("heartbeat-ms"), help: "Heartbeat interval in milliseconds. [env: ODOP_HEARTBEAT_MS] (default: 1000)")
    public var heartbeatMilliseconds: Int?

    @Option(
        name: .customLong("max-command-bytes"), help: "Largest command frame accepted. [env: ODOP_MAX_COMMAND_BYTES] (default: 4194304)")
    public var maxCommandBytes: Int?

    @Option(
        name: .customLong("reply-retention-hours"),
        help: "How long replies are kept for retried requests. [env: ODOP_REPLY_RETENTION_HOURS] (default: 24)")
    public var replyRetentionHours: Int?

    @Option(
        name: .customLong("log-format"),
        help: "text (one line of key=value) or json (one JSON object per line). [env: ODOP_LOG_FORMAT] (default: text)")
    public var logFormat: String?

    @Option(
        name: .customLong("http-bind"),
        help:
            "HOST:PORT of the ops HTTP endpoint (/healthz, /readyz, /metrics, /status), or none; by default 127.0.0.1 on the service's ops port: 9101 catalogue, 9201 exports, 9301 training, 9401 notifications. [env: ODOP_HTTP_BIND]"
    )
    public var httpBind: String?

    @Option(
        name: .customLong("metrics"),
        help: "on or off: count commands, events and subscriptions for /metrics. [env: ODOP_METRICS] (default: on)")
    public var metrics: String?

    @OptionGroup(title: "Followed services")
    public var peers: PeerOptions

    @OptionGroup(title: "Security")
    public var security: SecurityOptions

    public init() {}

    /// Resolves flags, environment and defaults for `service`, which follows `followed`; throws
    /// `StartupError.configuration` naming the bad value. An empty value means unset.
    public func resolve(
        service: String, following followed: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(StartupError) -> ServiceConfiguration {
        func value(_ flag: String?, _ key: String) -> String? {
            flag.flatMap { $0.isEmpty ? nil : $0 } ?? environment[key].flatMap { $0.isEmpty ? nil : $0 }
        }
        func integer(_ flag: Int?, _ key: String, _ name: String, default fallback: Int, range: ClosedRange<Int>) throws(StartupError)
            -> Int
        {
            let number: Int
            if let flag {
                number = flag
            } else if let text = value(nil, key) {
                guard let parsed = Int(text) else { throw .configuration("\(key)=\(text) is not a whole number") }
                number = parsed
            } else {
                number = fallback
            }
            guard range.contains(number) else {
                throw .configuration("\(name) must be between \(range.lowerBound) and \(range.upperBound), got \(number)")
            }
            return number
        }

        let levelText = value(logLevel, "ODOP_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
            throw .configuration("log level \(levelText) is not one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let commands = value(commandsBind, "ODOP_COMMANDS_BIND") ?? ServiceDirectory.defaultCommandsEndpoint(service)
        let events = value(eventsBind, "ODOP_EVENTS_BIND") ?? ServiceDirectory.defaultEventsEndpoint(service)
        try EndpointRule.validate(commands, name: "commands", binding: true)
        try EndpointRule.validate(events, name: "events", binding: true)
        guard commands != events else { throw .configuration("commands and events endpoints are the same: \(commands)") }
        let heartbeat = try integer(
            heartbeatMilliseconds, "ODOP_HEARTBEAT_MS", "heartbeat interval (ms)", default: 1000, range: 10...60_000)
        let maxBytes = try integer(
            maxCommandBytes, "ODOP_MAX_COMMAND_BYTES", "max command bytes", default: 4 * 1024 * 1024, range: 1024...(256 * 1024 * 1024))
        let retention = try integer(
            replyRetentionHours, "ODOP_REPLY_RETENTION_HOURS", "reply retention (hours)", default: 24, range: 1...(24 * 90))
        let format = value(logFormat, "ODOP_LOG_FORMAT") ?? "text"
        guard let logFormat = LogFormat(rawValue: format.lowercased()) else {
            throw .configuration("log format \(format) is not text or json")
        }
        let ops = try OpsBind.parse(value(httpBind, "ODOP_HTTP_BIND") ?? ServiceDirectory.defaultOpsBind(service))
        let metricsText = value(metrics, "ODOP_METRICS") ?? "on"
        guard ["on", "off"].contains(metricsText.lowercased()) else {
            throw .configuration("metrics \(metricsText) is not on or off")
        }
        let security = try security.resolve(binds: [commands, events], environment: environment)
        var configuration = ServiceConfiguration(
            dataDirectory: value(dataDirectory, "ODOP_DATA_DIR") ?? "./data",
            commandsBind: commands, eventsBind: events, logLevel: level,
            heartbeatInterval: .milliseconds(heartbeat), maxCommandBytes: maxBytes,
            replyRetention: .seconds(retention * 3600),
            peers: try peers.resolve(followed, environment: environment, ownKeys: security.serverKeys),
            opsBind: ops, metricsEnabled: metricsText.lowercased() == "on")
        configuration.logFormat = logFormat
        configuration.security = security
        return configuration
    }
}
