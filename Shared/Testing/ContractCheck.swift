import Foundation

/// Runs `shared/conformance/contract_check.py` (pyzmq, no project code) against a running
/// service, as an outside client would.
public enum ContractCheck {
    public struct Outcome: Sendable {
        public let exitCode: Int32
        public let output: String
        public var passed: Bool { exitCode == 0 }
    }

    public static var script: URL {
        TestEnvironment.sharedDirectory.appendingPathComponent("conformance/contract_check.py")
    }

    public static func run(commands: String, events: String, source: String) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--commands", commands, "--events", events, "--source", source]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.runSerialized()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(exitCode: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }

    /// Runs the checker against a service process.
    public static func run(against service: ServiceProcess) throws -> Outcome {
        try run(commands: service.commandsEndpoint, events: service.eventsEndpoint, source: service.service)
    }
}
