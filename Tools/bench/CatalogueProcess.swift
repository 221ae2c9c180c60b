import Foundation
import ODOPMessages
import ODOPTesting
import ZeroMQ

/// The real `odop-catalogue` executable as a child of the bench, on free loopback ports with a
/// scratch data directory that goes with it. The bench meets the catalogue only on the wire.
///
/// `init` returns once the child has answered its first `health`; `startupNanos` is the time from
/// the launch to that reply, measured by a REQ socket connected before the launch (its request
/// waits in the queue and goes out as soon as the service listens, reconnecting every 2 ms until
/// then). `stop()` sends SIGTERM, then SIGKILL after 5 s; the data directory is removed after the
/// child has stopped.
final class CatalogueProcess {
    let commandsEndpoint: String
    let eventsEndpoint: String
    /// Launch to the first health reply.
    let startupNanos: UInt64
    private let child: Process
    private let directory: TemporaryDirectory
    private let logPath: String
    private let log: FileHandle
    private var stopped = false

    /// - Parameters:
    ///   - executable: the `odop-catalogue` to start.
    ///   - environment: added to the inherited environment (e.g. `ODOP_LOG_LEVEL`); the data
    ///     directory and both binds are the bench's.
    init(executable: String, environment: [String: String] = [:]) throws {
        let directory = TemporaryDirectory(prefix: "odop-bench-catalogue")
        let commands = FreePort.endpoint()
        let events = FreePort.endpoint()
        let logPath = (directory.path as NSString).appendingPathComponent("catalogue.log")
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))

        let child = Process()
        child.executableURL = URL(fileURLWithPath: executable)
        child.arguments = []
        var variables = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        variables["ODOP_DATA_DIR"] = (directory.path as NSString).appendingPathComponent("data")
        variables["ODOP_COMMANDS_BIND"] = commands
        variables["ODOP_EVENTS_BIND"] = events
        child.environment = variables
        child.standardOutput = log
        child.standardError = log
        child.standardInput = FileHandle.nullDevice

        let context = try ZMQContext()
        defer { context.terminate() }
        let req = try context.socket(.req)
        defer { req.close() }
        try req.set(
            .linger(milliseconds: 0), .reconnectInterval(milliseconds: 2), .reconnectIntervalMax(milliseconds: 2),
            .receiveTimeout(milliseconds: 15_000))
        try req.connect(commands)

        let t0 = nowNanos()
        try child.run()
        do {
            try req.send(Data(#"{"args":{},"command":"health","id":"bench-startup"}"#.utf8))
            guard let frame = try req.receive() else {
                throw BenchFailure("odop-catalogue did not answer health within 15 s; its log: \(Self.tail(logPath))")
            }
            startupNanos = nowNanos() - t0
            guard case .success = try CommandReply.parse(frame) else {
                throw BenchFailure("odop-catalogue health failed: \(String(decoding: frame, as: UTF8.self))")
            }
        } catch {
            Self.terminate(child)
            try? log.close()
            throw error
        }
        self.directory = directory
        self.logPath = logPath
        self.log = log
        self.child = child
        commandsEndpoint = commands
        eventsEndpoint = events
    }

    /// The child's process id.
    var processIdentifier: Int32 { child.processIdentifier }
    var isRunning: Bool { child.isRunning }

    /// The last lines of the child's log, for failure messages.
    var logTail: String { Self.tail(logPath) }

    /// Stops the child (SIGTERM, then SIGKILL if it has not exited within 5 s). Idempotent.
    func stop() {
        guard !stopped else { return }
        stopped = true
        Self.terminate(child)
        try? log.close()
    }

    deinit { stop() }

    private static func terminate(_ child: Process) {
        guard child.isRunning else { return }
        child.terminate()
        let deadline = nowNanos() + 5_000_000_000
        while child.isRunning && nowNanos() < deadline { usleep(5_000) }
        if child.isRunning {
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
        }
    }

    private static func tail(_ path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(5).joined(separator: " | ")
    }
}

extension BenchSession {
    /// The `odop-catalogue` beside this executable (SwiftPM builds executables side by side),
    /// unless `--catalogue-executable` says otherwise.
    func catalogueExecutable() throws -> String {
        if let path = settings.catalogueExecutable {
            guard FileManager.default.isExecutableFile(atPath: path) else { throw BenchFailure("no executable at \(path)") }
            return path
        }
        let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let sibling = own.deletingLastPathComponent().appendingPathComponent("odop-catalogue").path
        guard FileManager.default.isExecutableFile(atPath: sibling) else {
            throw BenchFailure(
                "no odop-catalogue beside odop-bench at \(sibling): build it (swift build -c release --product odop-catalogue) or pass --catalogue-executable"
            )
        }
        return sibling
    }

    /// A fresh `odop-catalogue` for a measured scenario: at the bench's service log level, with
    /// `--gi-registry`'s file or none.
    func startCatalogue() throws -> CatalogueProcess {
        try CatalogueProcess(
            executable: try catalogueExecutable(),
            environment: [
                "ODOP_LOG_LEVEL": settings.serviceLogLevel.rawValue,
                "ODOP_GI_REGISTRY": settings.giRegistry ?? "",  // empty is unset: no registry
            ])
    }
}
