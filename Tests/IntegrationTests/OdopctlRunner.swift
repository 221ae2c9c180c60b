import Foundation
import ODOPMessages
import ODOPTesting
import Synchronization

/// Runs the real `odopctl` executable as a child process, in an environment of its own: a
/// fresh HOME (so no personal config file is read), no inherited `ODOP_*` variables, and every
/// service endpoint pointed at a loopback port where nothing listens, unless a test says
/// otherwise. Tests never reach the default ports, where a developer's services may run.
struct OdopctlRunner {
    /// `$ODOPCTL_PATH`, else `odopctl` beside the test bundle (or in `.build/debug`).
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["ODOPCTL_PATH"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return TestEnvironment.executable("odopctl")
    }

    /// The outcome of one run.
    struct Run: CustomStringConvertible {
        var arguments: [String]
        var exitCode: Int32
        var killedBySignal: Bool
        var stdout: String
        var stderr: String
        var elapsed: Duration

        var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

        /// For failure messages: what ran and everything it printed.
        var description: String {
            "odopctl \(arguments.joined(separator: " ")) → exit \(exitCode)\(killedBySignal ? " (signal)" : "") in \(elapsed)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
        }

        /// stdout as one JSON document.
        func json() throws -> JSONValue { try WireFormat.parse(Data(stdout.utf8)) }

        /// stdout as JSON lines.
        func jsonLines() throws -> [JSONValue] { try stdoutLines.map { try WireFormat.parse(Data($0.utf8)) } }

        /// stdout as one JSON array (a list command's `--json`); empty when it is not one.
        func jsonArray() throws -> [JSONValue] { try json().arrayValue ?? [] }

        /// The first line on stderr: `error: <code>: <message> (field: <field>)` for a refusal.
        var errorLine: String { stderrLines.first ?? "" }
    }

    let home = TemporaryDirectory(prefix: "odopctl-home")
    /// The endpoints the services are "at": free loopback ports, nothing listening.
    var endpoints: [String: String] = [:]
    /// Variables added on top (they win over `endpoints`).
    var environment: [String: String] = [:]

    static let services = ["catalogue", "exports", "training", "notifications"]

    init() {
        for service in Self.services {
            endpoints["ODOP_\(service.uppercased())_COMMANDS"] = FreePort.endpoint()
            endpoints["ODOP_\(service.uppercased())_EVENTS"] = FreePort.endpoint()
            endpoints["ODOP_\(service.uppercased())_HTTP"] = "http://127.0.0.1:\(FreePort.next())"
        }
    }

    func commandsEndpoint(_ service: String) -> String { endpoints["ODOP_\(service.uppercased())_COMMANDS"]! }
    func eventsEndpoint(_ service: String) -> String { endpoints["ODOP_\(service.uppercased())_EVENTS"]! }

    /// Points `service` at a running process.
    mutating func use(_ process: ServiceProcess) {
        endpoints["ODOP_\(process.service.uppercased())_COMMANDS"] = process.commandsEndpoint
        endpoints["ODOP_\(process.service.uppercased())_EVENTS"] = process.eventsEndpoint
        if let ops = process.opsURL { endpoints["ODOP_\(process.service.uppercased())_HTTP"] = ops }
    }

    /// The lines of a help text's examples that argument-parser wrapped (at 80 columns without
    /// a terminal): every example line starts with two spaces, so a wrapped one does not.
    static func wrappedExampleLines(_ help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "Examples:") else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty }.filter { !$0.hasPrefix("  ") })
    }

    /// Writes `text` to a file in this runner's home and returns its path.
    func writeFile(_ name: String, _ text: String) throws -> String {
        let url = home.file(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The child's whole environment.
    var childEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ODOP_") && $0.key != "XDG_CONFIG_HOME" }
        env["HOME"] = home.path
        env["COLUMNS"] = nil
        env.merge(endpoints) { _, new in new }
        env.merge(environment) { _, new in new }
        return env
    }

    /// Runs odopctl to the end (SIGKILL after `limit`, a bound against hangs) and returns what
    /// it printed and its exit code.
    func run(_ arguments: [String], stdin: String? = nil, limit: Duration = .seconds(60)) throws -> Run {
        let child = try start(arguments, stdin: stdin)
        return child.wait(limit: limit)
    }

    func run(_ arguments: String..., stdin: String? = nil) throws -> Run {
        try run(arguments, stdin: stdin)
    }

    /// Starts odopctl and returns at once (for tests that signal it).
    func start(_ arguments: [String], stdin: String? = nil) throws -> Child {
        try Child(executable: Self.executable, arguments: arguments, environment: childEnvironment, stdin: stdin)
    }

    /// A running odopctl whose output is collected as it comes.
    final class Child: @unchecked Sendable {
        let arguments: [String]
        private let process = Process()
        private let started = ContinuousClock.now
        private let output = Mutex<(stdout: Data, stderr: Data)>((Data(), Data()))
        private let readers = DispatchGroup()

        init(executable: URL, arguments: [String], environment: [String: String], stdin: String?) throws {
            guard FileManager.default.isExecutableFile(atPath: executable.path) else {
                throw MissingExecutable(path: executable.path)
            }
            self.arguments = arguments
            process.executableURL = executable
            process.arguments = arguments
            process.environment = environment
            let stdoutPipe = Pipe()
            let stderrPipe = Pipe()
            process.standardOutput = stdoutPipe
            process.standardError = stderrPipe
            let input = Pipe()
            process.standardInput = stdin == nil ? FileHandle.nullDevice : input
            try process.runSerialized()
            if let stdin {
                input.fileHandleForWriting.write(Data(stdin.utf8))
                try? input.fileHandleForWriting.close()
            }
            collect(stdoutPipe.fileHandleForReading, isStdout: true)
            collect(stderrPipe.fileHandleForReading, isStdout: false)
        }

        private func collect(_ handle: FileHandle, isStdout: Bool) {
            readers.enter()
            Thread.detachNewThread { [self] in
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    output.withLock { output in
                        if isStdout { output.stdout.append(chunk) } else { output.stderr.append(chunk) }
                    }
                }
                readers.leave()
            }
        }

        var stderrSoFar: String { output.withLock { String(decoding: $0.stderr, as: UTF8.self) } }
        var stdoutSoFar: String { output.withLock { String(decoding: $0.stdout, as: UTF8.self) } }
        var isRunning: Bool { process.isRunning }

        func interrupt() { process.interrupt() }

        /// Waits for the exit (SIGKILL after `limit`) and the end of its output.
        func wait(limit: Duration = .seconds(60)) -> Run {
            let deadline = ContinuousClock.now + limit
            while process.isRunning && ContinuousClock.now < deadline { usleep(5_000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            let elapsed = ContinuousClock.now - started
            _ = readers.wait(timeout: .now() + 10)
            let (stdout, stderr) = output.withLock { ($0.stdout, $0.stderr) }
            return Run(
                arguments: arguments, exitCode: process.terminationStatus,
                killedBySignal: process.terminationReason == .uncaughtSignal,
                stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                elapsed: elapsed)
        }
    }
}

struct MissingExecutable: Error, CustomStringConvertible {
    let path: String
    var description: String { "no odopctl at \(path): build it first (swift build --product odopctl) or set ODOPCTL_PATH" }
}

/// Which service executables are real yet (a placeholder `main` prints "not built yet"): a
/// built service answers `--help` with its options.
enum LiveServices {
    static let available: [String] = ["catalogue", "exports", "training", "notifications"].filter(isBuilt)

    /// What a service needs in its environment to start at all: odop-training its identity key
    /// file (one for the whole test run, mode 0600).
    static func requiredEnvironment(_ service: String) -> [String: String] {
        service == "training" ? ["ODOP_IDENTITY_KEY_FILE": trainingIdentityKey] : [:]
    }

    private static let keyDirectory = TemporaryDirectory(prefix: "odop-identity-key")

    private static let trainingIdentityKey: String = {
        let url = keyDirectory.file("identity.key")
        try? Data((0..<48).map { _ in UInt8.random(in: 0...255) }).write(to: url)
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return url.path
    }()

    static func isBuilt(_ service: String) -> Bool {
        let executable = TestEnvironment.executable("odop-\(service)")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else { return false }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--help"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.runSerialized()) != nil else { return false }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.contains("--commands-bind")
    }
}
