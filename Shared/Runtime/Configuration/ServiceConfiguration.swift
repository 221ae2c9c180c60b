import Foundation
import Logging
import ODOPMessages

/// How a service writes its log: `text` (swift-log's key=value lines) or `json` (one JSON object
/// per line, `JSONLogHandler`).
public enum LogFormat: String, Sendable {
    case text, json
}

/// Everything a service host needs to start, resolved from flags and environment.
public struct ServiceConfiguration: Sendable {
    public var dataDirectory: String
    public var commandsBind: String
    public var eventsBind: String
    public var logLevel: Logger.Level
    public var heartbeatInterval: Duration
    /// Command frames larger than this get an `invalid_request` reply.
    public var maxCommandBytes: Int
    /// Frames larger than this are dropped by libzmq with their connection (no reply path).
    public var hardMessageLimit: Int64 { Int64(maxCommandBytes) * 16 }
    public var replyRetention: Duration
    /// Where each followed service is reached, by name. A followed service missing here is
    /// reached at its default local endpoints.
    public var peers: [String: PeerEndpoints]
    /// Test hooks; empty in production.
    public var hooks: RuntimeHooks
    /// Where the ops HTTP endpoint listens; nil for none.
    public var opsBind: OpsBind?
    /// Whether commands, events and subscriptions are counted for `/metrics`.
    public var metricsEnabled: Bool
    /// How long a loop may go without a turn before `/healthz` fails (a subscription's limit adds
    /// its replay timeout, since a replay call may block that long).
    public var livenessTimeout: Duration
    /// How long one command may run before `/healthz` counts the command loop as stuck (a
    /// whole-list `products.import` takes seconds in a debug build).
    public var commandTimeLimit: Duration = .seconds(60)
    /// How log lines are written.
    public var logFormat: LogFormat = .text
    /// CURVE keys, allowlist, rate limit and audit retention (open on loopback by default).
    public var security = SecurityConfiguration()

    public init(
        dataDirectory: String, commandsBind: String, eventsBind: String, logLevel: Logger.Level = .info,
        heartbeatInterval: Duration = .seconds(1), maxCommandBytes: Int = MessageLimits.defaultMaxCommandBytes,
        replyRetention: Duration = .seconds(24 * 3600), peers: [String: PeerEndpoints] = [:], hooks: RuntimeHooks = RuntimeHooks(),
        opsBind: OpsBind? = nil, metricsEnabled: Bool = true, livenessTimeout: Duration = .seconds(5)
    ) {
        self.dataDirectory = dataDirectory
        self.commandsBind = commandsBind
        self.eventsBind = eventsBind
        self.logLevel = logLevel
        self.heartbeatInterval = heartbeatInterval
        self.maxCommandBytes = maxCommandBytes
        self.replyRetention = replyRetention
        self.peers = peers
        self.hooks = hooks
        self.opsBind = opsBind
        self.metricsEnabled = metricsEnabled
        self.livenessTimeout = livenessTimeout
    }

    /// Where `service` is reached: as configured, else its default local endpoints.
    public func peer(_ service: String) -> PeerEndpoints {
        peers[service] ?? .local(service)
    }
}
