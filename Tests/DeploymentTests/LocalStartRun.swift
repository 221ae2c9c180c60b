import Foundation
import ODOPTesting

/// `deploy/local/start.sh` run from a fresh clone of this repository's HEAD, as a newcomer runs
/// it: `git clone` into a temporary folder with `shared` beside it (a symlink to this checkout's
/// `../shared`, where start.sh finds the ODOP list), the executables already built here
/// (`ODOP_BIN_DIR`, so nothing is rebuilt) and every port a free one (`ODOP_<SERVICE>_COMMANDS`,
/// `_EVENTS`, `_HTTP`).
///
/// start.sh runs as the leader of a process group of its own (Foundation's `Process` makes each
/// child one), which holds every service it starts: `close()` (and the end of the test process)
/// kills that whole group, whatever state the test left it in.
final class LocalStartRun: @unchecked Sendable {
    static let services = ["catalogue", "exports", "training", "notifications"]

    let workspace = TemporaryDirectory(prefix: "odop-fresh-clone")
    let clone: URL
    /// Where start.sh's output goes.
    let outputFile: URL
    /// The environment start.sh (and `start.sh stop`) run with.
    let environment: [String: String]
    /// Each service's commands endpoint.
    let commandsEndpoints: [String: String]
    private var process: Process?

    /// Clones the repository and picks the ports; starts nothing.
    init() throws {
        clone = workspace.file("odop")
        outputFile = workspace.file("start.out")
        let git = try Self.tool("git")
        let cloned = try git.run(["clone", "--quiet", TestEnvironment.packageRoot.path, clone.path])
        guard cloned.status == 0 else { throw LocalStartFailure(description: "\(cloned)") }
        try FileManager.default.createSymbolicLink(
            at: workspace.file("shared"), withDestinationURL: TestEnvironment.sharedDirectory.resolvingSymlinksInPath())

        var environment = ProcessInfo.processInfo.environment
        // Nothing of this process's own settings: start.sh's defaults, under the clone.
        for key in environment.keys where key.hasPrefix("ODOP_") || key == "BUILD_CONFIGURATION" { environment[key] = nil }
        environment["ODOP_BIN_DIR"] = TestEnvironment.binaryDirectory.path
        environment["ODOP_DATA_DIR"] = clone.appendingPathComponent("data").path
        var commands: [String: String] = [:]
        for service in Self.services {
            let prefix = "ODOP_\(service.uppercased())"
            commands[service] = FreePort.endpoint()
            environment["\(prefix)_COMMANDS"] = commands[service]
            environment["\(prefix)_EVENTS"] = FreePort.endpoint()
            environment["\(prefix)_HTTP"] = "http://127.0.0.1:\(FreePort.next())"
        }
        self.environment = environment
        commandsEndpoints = commands
    }

    deinit { close() }

    var script: URL { clone.appendingPathComponent("deploy/local/start.sh") }
    var dataDirectory: URL { clone.appendingPathComponent("data") }
    var inbox: URL { dataDirectory.appendingPathComponent("inbox.jsonl") }
    var isRunning: Bool { process?.isRunning ?? false }
    var exitStatus: Int32? { process.flatMap { $0.isRunning ? nil : $0.terminationStatus } }

    /// Starts `start.sh` with `arguments` (e.g. `--secure`), in the background: it runs until stopped.
    func start(_ arguments: [String] = []) throws {
        try Data().write(to: outputFile)
        let output = try FileHandle(forWritingTo: outputFile)
        let child = Process()
        // Through env --default-signal: a child inherits the signals this test process ignores
        // (SIGTERM among them), and bash cannot trap a signal ignored when it started, so that
        // start.sh would never hear `start.sh stop`. A shell or terminal starts it with defaults.
        child.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        child.arguments = ["--default-signal=TERM,INT,HUP", script.path] + arguments
        child.currentDirectoryURL = clone
        child.environment = environment
        child.standardInput = FileHandle.nullDevice
        child.standardOutput = output
        child.standardError = output
        try child.runSerialized()
        guard getpgid(child.processIdentifier) == child.processIdentifier else {
            kill(child.processIdentifier, SIGKILL)
            throw LocalStartFailure(description: "start.sh is not the leader of its own process group: its services could outlive the test")
        }
        process = child
        LocalStartGroups.shared.add(child.processIdentifier)
    }

    /// What start.sh printed so far.
    func output() -> String { (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "" }

    /// Runs `start.sh stop` to the end.
    func stop() throws -> ToolOutput {
        try ExternalTool(script).run(["stop"], environment: environment.filter { $0.key.hasPrefix("ODOP_") })
    }

    /// Waits for start.sh to exit.
    func waitForExit(timeout: Duration) -> Bool {
        guard let process else { return true }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { usleep(20_000) }
        return !process.isRunning
    }

    /// Kills start.sh's whole process group (it and every service it started) and waits for it.
    func close() {
        guard let process else { return }
        kill(-process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        LocalStartGroups.shared.remove(process.processIdentifier)
        self.process = nil
    }

    private static func tool(_ name: String) throws -> ExternalTool {
        guard let tool = ExternalTool.find(name) else { throw LocalStartFailure(description: "\(name) is not installed") }
        return tool
    }
}

struct LocalStartFailure: Error, CustomStringConvertible {
    let description: String
}

/// Process groups of start.sh runs still alive when the test process exits are killed.
final class LocalStartGroups: @unchecked Sendable {
    static let shared = LocalStartGroups()
    private let lock = NSLock()
    private var groups: Set<Int32> = []

    private init() {
        atexit {
            for group in LocalStartGroups.shared.all() { kill(-group, SIGKILL) }
        }
    }

    func add(_ group: Int32) { lock.withLock { _ = groups.insert(group) } }
    func remove(_ group: Int32) { lock.withLock { _ = groups.remove(group) } }
    func all() -> Set<Int32> { lock.withLock { groups } }
}
