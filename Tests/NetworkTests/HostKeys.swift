import Foundation
import ODOPClient
import ODOPTesting

/// The CURVE keys of a deployment on test hosts, made as an operator makes them: with
/// `odopctl keys generate NAME --role ROLE` (secret key mode 0600, public key beside it), and
/// one allowlist built from the lines it prints, given to every service. Removed with the value.
final class HostKeys: Sendable {
    let directory = TemporaryDirectory(prefix: "odop-host-keys")
    var allowlistPath: String { directory.file("authorized_keys").path }

    /// Makes a key pair per `(name, role)` and writes the allowlist naming each with its role.
    init(_ keys: [(name: String, role: String)]) throws {
        var lines = ["# the test hosts' allowlist, written by odopctl keys generate"]
        for (name, role) in keys {
            let output = try Self.odopctl(["keys", "generate", name, "--dir", directory.path, "--role", role])
            guard let line = output.split(separator: "\n").last(where: { $0.hasSuffix(" \(name) \(role)") }) else {
                throw NetworkFailure(description: "odopctl keys generate \(name) printed no allowlist line: \(output)")
            }
            lines.append(String(line))
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: allowlistPath))
    }

    func secretPath(_ name: String) -> String { directory.file("\(name).key").path }
    func publicPath(_ name: String) -> String { directory.file("\(name).pub").path }

    func publicKey(_ name: String) throws -> String { try Self.key(at: publicPath(name)) }

    /// The environment that makes service `name` a CURVE server with its own pair and the allowlist.
    func serverEnvironment(_ name: String) -> [String: String] {
        [
            "ODOP_CURVE_SECRET_KEY_FILE": secretPath(name), "ODOP_CURVE_PUBLIC_KEY_FILE": publicPath(name),
            "ODOP_AUTHORIZED_KEYS": allowlistPath,
        ]
    }

    /// The keys with which client `name` talks to `server`.
    func clientKeys(_ name: String, server: String) throws -> CurveClientKeys {
        CurveClientKeys(
            publicKey: try Self.key(at: publicPath(name)), secretKey: try Self.key(at: secretPath(name)),
            serverPublicKey: try Self.key(at: publicPath(server)))
    }

    private static func key(at path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func odopctl(_ arguments: [String]) throws -> String {
        try TestNetwork.run([TestEnvironment.executable("odopctl").path] + arguments)
    }
}
