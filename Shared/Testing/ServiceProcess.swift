import Foundation
import ODOPClient
import ODOPMessages
import Synchronization

/// A real service executable (`odop-catalogue`, `odop-exports`, ...) started as a child process
/// on free loopback ports with its own data directory, for tests that talk to it over the wire.
///
/// `start()` returns once `health` answers. `stop()` sends SIGTERM and waits for the exit
/// status; `kill()` sends SIGKILL. A process still running when the test process exits is
/// killed (the harness keeps a list), so no test leaves a service behind.
public final class ServiceProcess: @unchecked Sendable {
    public let service: String
    public let executable: URL
    public let dataDirectory: String
    public let commandsEndpoint: String
    public let eventsEndpoint: String
    /// The ops HTTP port (a free one, given as `ODOP_HTTP_BIND`) when started with `http`; nil
    /// otherwise (`ODOP_HTTP_BIND=none`: never the service's fixed default port).
    public let httpPort: Int?
    /// Where the child's stdout and stderr go.
    public let logFile: URL
    public var extraArguments: [String]
    public var environment: [String: String]
    /// The keys `waitUntilHealthy` and `client()` use when the service runs with CURVE.
    public var curve: CurveClientKeys?
    /// A command the executable is run through, e.g. `["/usr/sbin/ip", "netns", "exec", "host1"]`
    /// to run it on a test host of a network namespace (it must exec the executable, so that
    /// signals reach the service). Empty: run it directly.
    public var launcher: [String] = []

    private var process: Process?
    private let ownedDirectory: TemporaryDirectory?

    /// - Parameters:
    ///   - service: `catalogue`, `exports`, ...; the executable is `odop-<service>`.
    ///   - dataDirectory: reuse a directory to restart on the same database; default: a new one.
    ///   - environment: added to the inherited environment (e.g. peers' endpoints).
    public init(
        _ service: String, dataDirectory: String? = nil, commandsEndpoint: String = FreePort.endpoint(),
        eventsEndpoint: String = FreePort.endpoint(), heartbeatMilliseconds: Int = 200,
        arguments: [String] = [], environment: [String: String] = [:], http: Bool = false
    ) {
        self.service = service
        executable = TestEnvironment.executable("odop-\(service)")
        if let dataDirectory {
            self.dataDirectory = dataDirectory
            ownedDirectory = nil
        } else {
            let directory = TemporaryDirectory(prefix: "odop-\(service)")
            ownedDirectory = directory
            self.dataDirectory = directory.path
        }
        self.commandsEndpoint = commandsEndpoint
        self.eventsEndpoint = eventsEndpoint
        logFile = URL(fileURLWithPath: self.dataDirectory).appendingPathComponent("\(service).log")
        extraArguments = arguments
        var env = environment
        env["ODOP_DATA_DIR"] = env["ODOP_DATA_DIR"] ?? self.dataDirectory
        env["ODOP_COMMANDS_BIND"] = commandsEndpoint
        env["ODOP_EVENTS_BIND"] = eventsEndpoint
        env["ODOP_HEARTBEAT_MS"] = env["ODOP_HEARTBEAT_MS"] ?? String(heartbeatMilliseconds)
        env["ODOP_LOG_LEVEL"] = env["ODOP_LOG_LEVEL"] ?? "info"
        if !http {
            env["ODOP_HTTP_BIND"] = "none"
            httpPort = nil
        } else {
            let port = FreePort.next()
            env["ODOP_HTTP_BIND"] = "127.0.0.1:\(port)"
            httpPort = port
        }
        self.environment = env
    }

    deinit { kill() }

    /// `http://127.0.0.1:<httpPort>`, the ops endpoint.
    public var opsURL: String? { httpPort.map { "http://127.0.0.1:\($0)" } }

    /// The process id while running.
    public var pid: Int32? { process?.isRunning == true ? process?.processIdentifier : nil }
    public var isRunning: Bool { process?.isRunning ?? false }

    /// Starts the process and waits until `health` answers (or throws with the log's tail).
    @discardableResult
    public func start(waitForHealth timeout: Duration = .seconds(30)) throws -> ServiceProcess {
        precondition(process?.isRunning != true, "\(service) is already running")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw TimedOut(description: "no executable at \(executable.path): build the package first (swift build)")
        }
        if !FileManager.default.fileExists(atPath: logFile.path) {
            _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        }
        let log = try FileHandle(forWritingTo: logFile)
        log.seekToEndOfFile()
        let child = Process()
        if let first = launcher.first {
            child.executableURL = URL(fileURLWithPath: first)
            child.arguments = launcher.dropFirst() + [executable.path] + extraArguments
        } else {
            child.executableURL = executable
            child.arguments = extraArguments
        }
        child.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        child.standardOutput = log
        child.standardError = log
        child.standardInput = FileHandle.nullDevice
        try child.runSerialized()
        process = child
        ChildProcesses.shared.add(child.processIdentifier)
        if timeout > .zero { try waitUntilHealthy(timeout: timeout) }
        return self
    }

    /// Waits until `health` answers ok.
    public func waitUntilHealthy(timeout: Duration = .seconds(30)) throws {
        let probe = try CommandClient(endpoint: commandsEndpoint, options: .init(timeout: .milliseconds(250), retries: 0, curve: curve))
        try eventually("\(service) answers health", timeout: timeout) {
            guard isRunning else {
                throw TimedOut(description: "\(service) exited with status \(exitStatus ?? -1); log:\n\(logTail())")
            }
            return (try? probe.call(Health.self, NoArguments())) != nil
        }
    }

    /// SIGTERM, then waits up to `timeout` for the exit; returns the exit status (SIGKILLs and
    /// returns nil when it does not exit in time).
    @discardableResult
    public func stop(timeout: Duration = .seconds(15)) -> Int32? {
        guard let process, process.isRunning else { return exitStatus }
        process.terminate()
        if waitForExit(timeout: timeout) { return exitStatus }
        kill()
        return nil
    }

    /// SIGKILL: the process dies at once, wherever it is.
    public func kill() {
        guard let process, process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        _ = waitForExit(timeout: .seconds(10))
    }

    /// Waits for the process to exit by itself.
    public func waitForExit(timeout: Duration) -> Bool {
        guard let process else { return true }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { usleep(5_000) }
        if !process.isRunning {
            ChildProcesses.shared.remove(process.processIdentifier)
            return true
        }
        return false
    }

    /// The exit status once it has exited.
    public var exitStatus: Int32? {
        guard let process, !process.isRunning else { return nil }
        return process.terminationStatus
    }

    /// Whether it ended through a signal (e.g. SIGKILL) rather than exit().
    public var wasKilledBySignal: Bool {
        guard let process, !process.isRunning else { return false }
        return process.terminationReason == .uncaughtSignal
    }

    /// A client of its command socket.
    public func client(timeout: Duration = .seconds(5), retries: Int = 2) throws -> CommandClient {
        try CommandClient(endpoint: commandsEndpoint, options: .init(timeout: timeout, retries: retries, curve: curve))
    }

    /// The log written so far.
    public func logText() -> String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    /// The last lines of the log, for failure messages.
    public func logTail(lines: Int = 30) -> String {
        logText().split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }
}

/// Every child the harness started and has not seen exit; killed when the test process exits.
final class ChildProcesses: Sendable {
    static let shared = ChildProcesses()
    private let pids = Mutex<Set<Int32>>([])

    private init() {
        atexit {
            for pid in ChildProcesses.shared.pids.withLock({ $0 }) { kill(pid, SIGKILL) }
        }
    }

    func add(_ pid: Int32) { _ = pids.withLock { $0.insert(pid) } }
    func remove(_ pid: Int32) { _ = pids.withLock { $0.remove(pid) } }
}
