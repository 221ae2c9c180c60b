import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

/// Key pairs, an allowlist and helpers for running the real executables with CURVE in a test:
/// every key is made fresh in a temporary directory (secret files mode 0600).
final class SecureDeployment: @unchecked Sendable {
    let directory = TemporaryDirectory(prefix: "odop-secure")
    private(set) var publicKeys: [String: String] = [:]
    private(set) var secretKeys: [String: String] = [:]
    var allowlistPath: String { directory.file("authorized_keys").path }

    /// Makes key pairs named `names`.
    init(keys names: [String]) throws {
        for name in names { try makeKey(name) }
    }

    func makeKey(_ name: String) throws {
        let pair = try CurveKeyGenerator.generate()
        publicKeys[name] = pair.publicKey
        secretKeys[name] = pair.secretKey
        try Data((pair.secretKey + "\n").utf8).write(to: URL(fileURLWithPath: secretPath(name)))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secretPath(name))
        try Data((pair.publicKey + "\n").utf8).write(to: URL(fileURLWithPath: publicPath(name)))
    }

    func secretPath(_ name: String) -> String { directory.file("\(name).key").path }
    func publicPath(_ name: String) -> String { directory.file("\(name).pub").path }

    /// Writes the allowlist: `(name, role, scope?)` lines, with a comment and a blank line.
    func writeAllowlist(_ entries: [(String, String, String?)]) throws {
        let lines =
            ["# ODOP allowlist written by the test", ""]
            + entries.map { name, role, scope in [publicKeys[name]!, name, role, scope].compactMap { $0 }.joined(separator: " ") }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: allowlistPath))
    }

    /// The environment that gives service `name` its key pair and the allowlist.
    func serverEnvironment(_ name: String) -> [String: String] {
        [
            "ODOP_CURVE_SECRET_KEY_FILE": secretPath(name), "ODOP_CURVE_PUBLIC_KEY_FILE": publicPath(name),
            "ODOP_AUTHORIZED_KEYS": allowlistPath,
        ]
    }

    /// Client keys for `client` talking to `server`.
    func clientKeys(_ client: String, server: String) -> CurveClientKeys {
        CurveClientKeys(publicKey: publicKeys[client]!, secretKey: secretKeys[client]!, serverPublicKey: publicKeys[server]!)
    }

    func client(_ name: String, of service: ServiceProcess, server: String, timeout: Duration = .seconds(5)) throws -> CommandClient {
        try CommandClient(
            endpoint: service.commandsEndpoint, options: .init(timeout: timeout, retries: 0, curve: clientKeys(name, server: server)))
    }
}

/// The pyzmq scripts under Fixtures/security, run with python3.
enum PythonProbe {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/security")

    struct Outcome {
        var lines: [JSONValue]
        var handshakeFailure: String? { lines.first { $0["event"]?.stringValue == "handshake_failed" }?["kind"]?.stringValue }
        var succeeded: Bool { lines.contains { $0["event"]?.stringValue == "handshake_succeeded" } }
        var replies: [JSONValue] { lines.compactMap { $0["event"]?.stringValue == "reply" ? $0["reply"] : nil } }
        var timeouts: Int { lines.filter { $0["event"]?.stringValue == "timeout" }.count }
    }

    /// Starts the probe (`curve_probe.py`); the caller reads its output with `finish`.
    static func start(_ arguments: [String], stdin: Pipe? = nil) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", fixtures.appendingPathComponent("curve_probe.py").path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        if let stdin { process.standardInput = stdin }
        try process.run()
        return (process, output)
    }

    static func finish(_ process: Process, _ output: Pipe) throws -> Outcome {
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { try? WireFormat.parse(Data($0.utf8)) }
        return Outcome(lines: lines)
    }

    /// Runs the probe to the end.
    static func run(_ arguments: [String]) throws -> Outcome {
        let (process, output) = try start(arguments)
        return try finish(process, output)
    }

    /// Arguments for a CURVE client `client` of `server` in `deployment`.
    static func curve(_ deployment: SecureDeployment, client: String, server: String) -> [String] {
        [
            "curve", "--server-key", deployment.publicPath(server), "--public", deployment.publicPath(client), "--secret",
            deployment.secretPath(client),
        ]
    }

    static func command(_ name: String, _ args: String = "{}") -> [String] {
        ["--command", #"{"command": "\#(name)", "args": \#(args)}"#]
    }
}
