import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

/// The pyzmq scripts under Fixtures/security, run with python3.
enum PythonProbe {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/security")

    struct Outcome {
        var lines: [JSONValue]
        var handshakeFailure: String? { lines.first { $0["event"]?.stringValue == "handshake_failed" }?["kind"]?.stringValue }
        var succeeded: Bool { lines.contains { $0["event"]?.stringValue == "handshake_succeeded" } }
        var replies: [JSONValue] { lines.compactMap { $0["event"]?.stringValue == "reply" ? $0["reply"] : nil } }
        var timeouts: Int { lines.filter { $0["event"]?.stringValue == "timeout" }.count }
        /// How many times the connection was lost (the socket monitor's disconnected events).
        var disconnections: Int { lines.filter { $0["event"]?.stringValue == "disconnected" }.count }
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
        try process.runSerialized()
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
