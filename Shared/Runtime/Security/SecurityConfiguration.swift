import Foundation
import ZeroMQ

/// How a service protects its sockets, resolved from `SecurityOptions`.
///
/// With `serverKeys`, the ROUTER and PUB sockets are CURVE servers and `authorizedKeysPath` is
/// the allowlist the ZAP handler admits from; without, the service runs open (only allowed on
/// loopback unless `allowInsecure`).
public struct SecurityConfiguration: Sendable {
    /// The service's own CURVE key pair (Z85), when it runs with CURVE.
    public var serverKeys: CurveKeyPair?
    /// The allowlist file (`ODOP_AUTHORIZED_KEYS`); set exactly when `serverKeys` is.
    public var authorizedKeysPath: String?
    /// The operator accepted running open on a non-loopback address.
    public var allowInsecure: Bool
    /// The per-client limit on the command socket; nil: none.
    public var rateLimit: RateLimit?
    /// How long audit entries are kept (at least a year).
    public var auditRetention: Duration

    public static let defaultAuditRetentionDays = 400

    public init(
        serverKeys: CurveKeyPair? = nil, authorizedKeysPath: String? = nil, allowInsecure: Bool = false, rateLimit: RateLimit? = nil,
        auditRetention: Duration = .seconds(Int64(defaultAuditRetentionDays) * 86_400)
    ) {
        self.serverKeys = serverKeys
        self.authorizedKeysPath = authorizedKeysPath
        self.allowInsecure = allowInsecure
        self.rateLimit = rateLimit
        self.auditRetention = auditRetention
    }

    public var usesCurve: Bool { serverKeys != nil }

    /// Whether `endpoint` is reachable only from this machine: `tcp://` on 127.0.0.0/8,
    /// `localhost` or `[::1]`, and every `ipc://` or `inproc://` endpoint.
    public static func isLoopback(_ endpoint: String) -> Bool {
        if endpoint.hasPrefix("ipc://") || endpoint.hasPrefix("inproc://") { return true }
        guard endpoint.hasPrefix("tcp://") else { return false }
        let address = endpoint.dropFirst("tcp://".count)
        let host = address.lastIndex(of: ":").map { address[..<$0] } ?? address
        return host.hasPrefix("127.") || host == "localhost" || host == "[::1]" || host == "::1"
    }
}

/// A token bucket per client: `perSecond` commands a second on average, bursts up to `burst`.
public struct RateLimit: Sendable, Equatable {
    public var perSecond: Int
    public var burst: Int

    public init(perSecond: Int, burst: Int) {
        self.perSecond = perSecond
        self.burst = burst
    }

    /// The limit a service bound to a non-loopback address gets unless configured.
    public static let defaultRemote = RateLimit(perSecond: 200, burst: 400)
}
