import ArgumentParser
import Foundation
import ZeroMQ

/// The security options of every service executable (each a flag and an environment variable;
/// the flag wins). See docs/PROTOCOL.md, "Security".
public struct SecurityOptions: ParsableArguments, Sendable {
    @Option(
        name: .customLong("curve-secret-key-file"),
        help: "This service's CURVE secret key (Z85, mode 0600); turns CURVE on. [env: ODOP_CURVE_SECRET_KEY_FILE]")
    var secretKeyFile: String?

    @Option(name: .customLong("curve-public-key-file"), help: "This service's CURVE public key (Z85). [env: ODOP_CURVE_PUBLIC_KEY_FILE]")
    var publicKeyFile: String?

    @Option(
        name: .customLong("authorized-keys"),
        help: "The allowlist of client keys: '<Z85 key> <name> <role> [scope]' lines; reread on SIGHUP. [env: ODOP_AUTHORIZED_KEYS]")
    var authorizedKeys: String?

    @Flag(
        name: .customLong("allow-insecure"),
        help:
            "Allow binding a non-loopback address without CURVE keys (logged as a warning at every start); in the environment 1, true or yes. [env: ODOP_ALLOW_INSECURE] (default: off)"
    )
    var allowInsecure = false

    @Option(
        name: .customLong("rate-limit"),
        help:
            "Commands per second per client (token bucket by key name or peer); 0 turns it off. [env: ODOP_RATE_LIMIT] (default: off on loopback, 200 elsewhere)"
    )
    var rateLimit: Int?

    @Option(
        name: .customLong("rate-burst"),
        help: "The burst a client may send above its rate. [env: ODOP_RATE_BURST] (default: twice the rate)")
    var rateBurst: Int?

    @Option(
        name: .customLong("audit-retention-days"),
        help: "How long the audit trail is kept, at least 366 days. [env: ODOP_AUDIT_RETENTION_DAYS] (default: 400)")
    var auditRetentionDays: Int?

    public init() {}

    /// Resolves the options for a service bound at `binds`. Throws `.keyFile` (exit 77) for an
    /// insecure or malformed key file and `.configuration` (78) for anything else.
    func resolve(binds: [String], environment: [String: String]) throws(StartupError) -> SecurityConfiguration {
        func value(_ flag: String?, _ key: String) -> String? {
            flag.flatMap { $0.isEmpty ? nil : $0 } ?? environment[key].flatMap { $0.isEmpty ? nil : $0 }
        }
        func number(_ flag: Int?, _ key: String) throws(StartupError) -> Int? {
            if let flag { return flag }
            guard let text = value(nil, key) else { return nil }
            guard let parsed = Int(text) else { throw .configuration("\(key)=\(text) is not a whole number") }
            return parsed
        }
        let secretPath = value(secretKeyFile, "ODOP_CURVE_SECRET_KEY_FILE")
        let publicPath = value(publicKeyFile, "ODOP_CURVE_PUBLIC_KEY_FILE")
        let allowlist = value(authorizedKeys, "ODOP_AUTHORIZED_KEYS")
        let insecure = allowInsecure || ["1", "true", "yes"].contains(environment["ODOP_ALLOW_INSECURE"]?.lowercased() ?? "")

        var security = SecurityConfiguration(allowInsecure: insecure)
        switch (secretPath, publicPath) {
        case (nil, nil):
            if allowlist != nil {
                throw .configuration(
                    "ODOP_AUTHORIZED_KEYS is set but the service has no key pair: set ODOP_CURVE_SECRET_KEY_FILE and ODOP_CURVE_PUBLIC_KEY_FILE"
                )
            }
        case (let secret?, let pub?):
            let secretKey = try KeyFile.read(secret, what: "the service's secret key", isSecret: true)
            let publicKey = try KeyFile.read(pub, what: "the service's public key", isSecret: false)
            guard (try? Curve.publicKey(forSecretKey: secretKey)) == publicKey else {
                throw .keyFile(pub, "the public key does not belong to the secret key in \(secret)")
            }
            guard let allowlist else {
                throw .configuration("the service has a key pair but no allowlist: set ODOP_AUTHORIZED_KEYS (--authorized-keys)")
            }
            security.serverKeys = CurveKeyPair(publicKey: publicKey, secretKey: secretKey)
            security.authorizedKeysPath = allowlist
        default:
            throw .configuration("give both ODOP_CURVE_SECRET_KEY_FILE and ODOP_CURVE_PUBLIC_KEY_FILE, or neither")
        }
        if !security.usesCurve && !insecure, let remote = binds.first(where: { !SecurityConfiguration.isLoopback($0) }) {
            throw .configuration(
                "refusing to bind \(remote) without CURVE keys: anyone who reaches it could change data. Give the service its keys "
                    + "(ODOP_CURVE_SECRET_KEY_FILE, ODOP_CURVE_PUBLIC_KEY_FILE, ODOP_AUTHORIZED_KEYS) or insist with --allow-insecure")
        }

        let onLoopback = binds.allSatisfy(SecurityConfiguration.isLoopback)
        let rate = try number(rateLimit, "ODOP_RATE_LIMIT") ?? (onLoopback ? 0 : RateLimit.defaultRemote.perSecond)
        guard (0...1_000_000).contains(rate) else { throw .configuration("rate limit must be between 0 and 1000000, got \(rate)") }
        if rate > 0 {
            let burst = try number(rateBurst, "ODOP_RATE_BURST") ?? rate * 2
            guard burst >= 1 else { throw .configuration("rate burst must be at least 1, got \(burst)") }
            security.rateLimit = RateLimit(perSecond: rate, burst: burst)
        }
        let days = try number(auditRetentionDays, "ODOP_AUDIT_RETENTION_DAYS") ?? SecurityConfiguration.defaultAuditRetentionDays
        guard (366...36_500).contains(days) else {
            throw .configuration("audit retention must be between 366 and 36500 days (kept at least a year), got \(days)")
        }
        security.auditRetention = .seconds(Int64(days) * 86_400)
        return security
    }

    /// The service's own key pair, for connecting to the services it follows.
    static func ownKeys(_ security: SecurityConfiguration) -> CurveKeyPair? { security.serverKeys }
}
