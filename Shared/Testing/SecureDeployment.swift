import Foundation
import ODOPClient
import ODOPMessages

/// Key pairs, an allowlist and helpers for running the real executables with CURVE in a test:
/// every key is made fresh in a temporary directory (secret files mode 0600).
public final class SecureDeployment: @unchecked Sendable {
    public let directory = TemporaryDirectory(prefix: "odop-secure")
    public private(set) var publicKeys: [String: String] = [:]
    public private(set) var secretKeys: [String: String] = [:]
    public var allowlistPath: String { directory.file("authorized_keys").path }

    /// Makes key pairs named `names`.
    public init(keys names: [String]) throws {
        for name in names { try makeKey(name) }
    }

    public func makeKey(_ name: String) throws {
        let pair = try CurveKeyGenerator.generate()
        publicKeys[name] = pair.publicKey
        secretKeys[name] = pair.secretKey
        try Data((pair.secretKey + "\n").utf8).write(to: URL(fileURLWithPath: secretPath(name)))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secretPath(name))
        try Data((pair.publicKey + "\n").utf8).write(to: URL(fileURLWithPath: publicPath(name)))
    }

    public func secretPath(_ name: String) -> String { directory.file("\(name).key").path }
    public func publicPath(_ name: String) -> String { directory.file("\(name).pub").path }

    /// Writes the allowlist: `(name, role, scope?)` lines, with a comment and a blank line.
    public func writeAllowlist(_ entries: [(String, String, String?)]) throws {
        let lines =
            ["# ODOP allowlist written by the test", ""]
            + entries.map { name, role, scope in [publicKeys[name]!, name, role, scope].compactMap { $0 }.joined(separator: " ") }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: allowlistPath))
    }

    /// The environment that gives service `name` its key pair and the allowlist.
    public func serverEnvironment(_ name: String) -> [String: String] {
        [
            "ODOP_CURVE_SECRET_KEY_FILE": secretPath(name), "ODOP_CURVE_PUBLIC_KEY_FILE": publicPath(name),
            "ODOP_AUTHORIZED_KEYS": allowlistPath,
        ]
    }

    /// The environment of service `name` (its key pair, the allowlist) following `source` with
    /// CURVE: the source's endpoints and public key (`ODOP_<SOURCE>_COMMANDS`, `_EVENTS`,
    /// `_PUBLIC_KEY_FILE`; the source's key pair is named after its service).
    public func followerEnvironment(_ name: String, following source: ServiceProcess) -> [String: String] {
        let prefix = "ODOP_\(source.service.uppercased())"
        return serverEnvironment(name).merging([
            "\(prefix)_COMMANDS": source.commandsEndpoint, "\(prefix)_EVENTS": source.eventsEndpoint,
            "\(prefix)_PUBLIC_KEY_FILE": publicPath(source.service),
        ]) { $1 }
    }

    /// Client keys for `client` talking to `server`.
    public func clientKeys(_ client: String, server: String) -> CurveClientKeys {
        CurveClientKeys(publicKey: publicKeys[client]!, secretKey: secretKeys[client]!, serverPublicKey: publicKeys[server]!)
    }

    public func client(_ name: String, of service: ServiceProcess, server: String, timeout: Duration = .seconds(5)) throws -> CommandClient
    {
        try CommandClient(
            endpoint: service.commandsEndpoint, options: .init(timeout: timeout, retries: 0, curve: clientKeys(name, server: server)))
    }
}
