import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting

/// The four real executables (catalogue, exports, training, notifications) as one deployment
/// that the test can hurt: each service runs on a test host of its own (network namespaces
/// joined by a switch, `TestNetwork`) when the machine allows, so that a host's link can be cut;
/// exports keeps its database on a small tmpfs (`DiskFullVolume`) when the machine allows, so
/// that its disk can be filled. Otherwise the services run on loopback and those episodes are
/// skipped (and reported as such).
///
/// A service keeps its endpoints, environment and data directory across restarts. A watcher
/// thread notes every exit the test did not cause (`unexpectedExits`): a service may only stop
/// because the test sent SIGKILL or SIGTERM.
final class ReliabilityCluster: @unchecked Sendable {
    static let services = ["catalogue", "exports", "training", "notifications"]
    /// The service whose data directory is a tmpfs.
    static let diskFullService = "exports"

    let root = TemporaryDirectory(prefix: "odop-reliability")
    let network: TestNetwork?
    let volume: DiskFullVolume?
    /// Why the partition and disk-full episodes cannot run here (nil when they can).
    let partitionUnavailable: String?
    let diskFullUnavailable: String?

    private struct Spec {
        var commands: String
        var events: String
        var environment: [String: String]
        var launcher: [String]
        var logDirectory: String
        var dataDirectory: String
    }

    private let lock = NSLock()
    private var specs: [String: Spec] = [:]
    private var processes: [String: ServiceProcess] = [:]
    /// Services the test has stopped or is restarting (their exit is expected).
    private var down: Set<String> = []
    private var exits: [String] = []
    private var watching = true
    private var watcher: Thread?
    private let identityKey: String

    /// - `isolated`: run on namespaces and a tmpfs when the machine allows (false: plain
    ///   loopback and directories, for the checker's own test).
    /// - `volumeMegabytes`: the size of exports' tmpfs (room for the whole run's data: only the
    ///   filler may fill it).
    init(isolated: Bool = true, volumeMegabytes: Int = 512) throws {
        var networkReason = isolated ? TestNetwork.unavailableReason : "not asked for"
        var network: TestNetwork?
        if networkReason == nil {
            do { network = try TestNetwork() } catch { networkReason = "\(error)" }
        }
        self.network = network
        partitionUnavailable = networkReason
        var volumeReason = isolated ? DiskFullVolume.unavailableReason : "not asked for"
        var volume: DiskFullVolume?
        if volumeReason == nil {
            do { volume = try DiskFullVolume(at: root.file("exports-volume").path, megabytes: volumeMegabytes) } catch {
                volumeReason = "\(error)"
            }
        }
        self.volume = volume
        diskFullUnavailable = volumeReason

        let key = root.file("identity.key")
        try Data((0..<48).map { _ in UInt8.random(in: 0...255) }).write(to: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        identityKey = key.path

        for (number, service) in Self.services.enumerated() {
            let host = try network?.addHost(service, number: 10 + number)
            let logs = root.file(service).path
            try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
            let data = service == Self.diskFullService ? (volume?.path ?? logs) : logs
            specs[service] = Spec(
                commands: host?.endpoint(FreePort.next()) ?? FreePort.endpoint(),
                events: host?.endpoint(FreePort.next()) ?? FreePort.endpoint(),
                environment: [:], launcher: host?.launcher ?? [], logDirectory: logs, dataDirectory: data)
        }
        let peers = { (name: String) in
            [
                "ODOP_\(name.uppercased())_COMMANDS": self.specs[name]!.commands,
                "ODOP_\(name.uppercased())_EVENTS": self.specs[name]!.events,
            ]
        }
        let common = [
            "ODOP_ALLOW_INSECURE": "1", "ODOP_RATE_LIMIT": "0", "ODOP_LOG_LEVEL": "warning", "ODOP_RETRY_SCHEDULE": "0,100,200,500",
        ]
        specs["catalogue"]!.environment = common
        specs["exports"]!.environment = common.merging(peers("catalogue")) { $1 }
        specs["training"]!.environment = common.merging(peers("catalogue")) { $1 }.merging(["ODOP_IDENTITY_KEY_FILE": identityKey]) { $1 }
        specs["notifications"]!.environment = common.merging(peers("catalogue")) { $1 }.merging(peers("exports")) { $1 }
            .merging(peers("training")) { $1 }
    }

    deinit { close() }

    /// Starts every service (in dependency order) and the exit watcher.
    func startAll() throws {
        for service in Self.services { try start(service) }
        let thread = Thread { [weak self] in
            while let self, self.watchOnce() { Thread.sleep(forTimeInterval: 0.05) }
        }
        thread.start()
        watcher = thread
    }

    private func watchOnce() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard watching else { return false }
        for (service, process) in processes where !down.contains(service) && !process.isRunning {
            exits.append("\(service) exited by itself (status \(process.exitStatus ?? -1)); log:\n\(process.logTail(lines: 15))")
            down.insert(service)
        }
        return true
    }

    /// Exits nobody asked for.
    var unexpectedExits: [String] { lock.withLock { exits } }

    func commandsEndpoint(_ service: String) -> String { specs[service]!.commands }
    func eventsEndpoint(_ service: String) -> String { specs[service]!.events }
    func process(_ service: String) -> ServiceProcess? { lock.withLock { processes[service] } }
    /// The data directory holding `<service>.sqlite`.
    func dataDirectory(_ service: String) -> String { specs[service]!.dataDirectory }
    func databasePath(_ service: String) -> String { (dataDirectory(service) as NSString).appendingPathComponent("\(service).sqlite") }
    /// A file for the services to write to (the notifications file channel's target).
    func file(_ name: String) -> String { root.file(name).path }

    /// Starts `service` on its endpoints and data directory and waits until it answers health.
    func start(_ service: String) throws {
        let spec = specs[service]!
        var environment = spec.environment
        environment["ODOP_DATA_DIR"] = spec.dataDirectory
        let process = ServiceProcess(
            service, dataDirectory: spec.logDirectory, commandsEndpoint: spec.commands, eventsEndpoint: spec.events,
            environment: environment)
        process.launcher = spec.launcher
        try process.start(waitForHealth: .seconds(90))
        lock.withLock {
            processes[service] = process
            down.remove(service)
        }
    }

    /// SIGKILL, wherever it is; true when it was running until then (else its exit was noted).
    @discardableResult
    func kill(_ service: String) -> Bool {
        guard let process = markDown(service) else { return false }
        process.kill()
        return process.wasKilledBySignal
    }

    /// SIGTERM; a stop that does not exit 0 in time is noted as an unexpected exit.
    func stop(_ service: String) {
        guard let process = markDown(service) else { return }
        let status = process.stop(timeout: .seconds(30))
        if status != 0 {
            lock.withLock { exits.append("\(service) did not exit 0 on SIGTERM (status \(status.map(String.init) ?? "none: killed"))") }
        }
    }

    private func markDown(_ service: String) -> ServiceProcess? {
        lock.lock()
        defer { lock.unlock() }
        guard let process = processes[service], !down.contains(service) else { return nil }
        if !process.isRunning {
            exits.append("\(service) had exited by itself (status \(process.exitStatus ?? -1)) before the test stopped it")
            down.insert(service)
            return nil
        }
        down.insert(service)
        return process
    }

    /// Takes `service`'s host link down or up (no-op without namespaces).
    func setLink(of service: String, up: Bool) throws {
        guard let network, let host = network.hosts[service] else { return }
        try network.setLink(of: host, up: up)
    }

    /// A client of `service`'s command socket that does not retry by itself.
    func client(_ service: String, timeout: Duration = .seconds(2)) throws -> CommandClient {
        try CommandClient(endpoint: commandsEndpoint(service), options: .init(timeout: timeout, retries: 0))
    }

    /// Waits until every subscription of every service has applied its source's last seq.
    func waitUntilSettled(timeout: Duration = .seconds(120)) throws {
        let clients = try Self.services.map { try client($0) }
        var last = "no health report yet"
        do {
            try eventually("every subscriber applied its sources' last events", timeout: timeout, every: .milliseconds(200)) {
                var lastSeq: [String: Int64] = [:]
                var reports: [HealthReport] = []
                for (service, client) in zip(Self.services, clients) {
                    let report = try client.call(Health.self, NoArguments())
                    lastSeq[service] = report.lastSeq
                    reports.append(report)
                }
                last = reports.map { report in
                    "\(report.service) lastSeq \(report.lastSeq): "
                        + report.subscriptions.map {
                            "\($0.source) \($0.state.rawValue) \($0.lastAppliedSeq)/\(lastSeq[$0.source] ?? -1)"
                                + ($0.stalled.map { " stalled at \($0.seq): \($0.error)" } ?? "")
                        }.joined(separator: ", ")
                }.joined(separator: "; ")
                return reports.allSatisfy { report in
                    report.subscriptions.allSatisfy { $0.state == .running && $0.lastAppliedSeq == lastSeq[$0.source] }
                }
            }
        } catch {
            let logs = Self.services.compactMap { service in process(service).map { "\(service) log:\n\($0.logTail(lines: 12))" } }
            throw ReliabilityFailure(
                description: "\(error); last: \(last); free on exports' volume: \(volume?.available ?? -1) bytes\n"
                    + logs.joined(separator: "\n"))
        }
    }

    /// Stops every running service with SIGTERM and the watcher.
    func stopAll() {
        for service in Self.services.reversed() { stop(service) }
        lock.withLock { watching = false }
    }

    /// Copies of the (stopped) services' databases in a new directory, by service: what the
    /// invariant checker reads, never the live files.
    func copyDatabases() throws -> (directory: TemporaryDirectory, databases: [String: String]) {
        let directory = TemporaryDirectory(prefix: "odop-reliability-check")
        var databases: [String: String] = [:]
        for service in Self.services {
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: databasePath(service) + suffix) {
                try FileManager.default.copyItem(
                    atPath: databasePath(service) + suffix, toPath: directory.file("\(service).sqlite\(suffix)").path)
            }
            databases[service] = directory.file("\(service).sqlite").path
        }
        return (directory, databases)
    }

    /// Copies every service's log to `directory` (replacing what is there), for a look after a run.
    func keepLogs(in directory: URL) {
        try? FileManager.default.removeItem(at: directory)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for service in Self.services {
            let log = (specs[service]!.logDirectory as NSString).appendingPathComponent("\(service).log")
            try? FileManager.default.copyItem(atPath: log, toPath: directory.appendingPathComponent("\(service).log").path)
        }
    }

    /// Stops everything and removes the network and the volume.
    func close() {
        lock.withLock { watching = false }
        for process in lock.withLock({ Array(processes.values) }) { process.kill() }
        volume?.free()
        volume?.close()
        network?.close()
    }
}
