import Foundation
import ODOPTesting
import Testing

/// `deploy/local/start.sh --secure` end to end: the script makes the keys and the allowlist,
/// starts the four services already built (ODOP_BIN_DIR: no build inside the test) on free ports
/// with CURVE on, and a SIGTERM (what Ctrl-C does) stops them all.
@Suite("deploy/local/start.sh --secure", .serialized, .timeLimit(.minutes(4)))
struct LocalSecureStartTests {
    static let script = DeploymentLayout.deploy.appendingPathComponent("local/start.sh")

    @Test("start.sh --secure: all four services healthy over CURVE for odopctl with the generated admin key, refused without it; SIGTERM stops them")
    func secureStart() throws {
        let data = TemporaryDirectory(prefix: "odop-start-secure")
        var endpoints: [String: String] = [:]
        for service in DeploymentLayout.services {
            endpoints["ODOP_\(service.uppercased())_COMMANDS"] = FreePort.endpoint()
            endpoints["ODOP_\(service.uppercased())_EVENTS"] = FreePort.endpoint()
        }
        // The test's own environment must not leak keys or settings into the script.
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("ODOP_") || key == "ODOP_SHARED_DIR"
        }
        environment.merge(endpoints) { $1 }
        environment["ODOP_BIN_DIR"] = TestEnvironment.binaryDirectory.path
        environment["ODOP_DATA_DIR"] = data.path
        environment["ODOP_CSV"] = data.file("no-list.csv").path  // the catalogue starts empty
        environment["ODOP_HTTP_BIND"] = "none"  // no ops port: the services' defaults are fixed ports
        environment["ODOP_LOG_LEVEL"] = "info"

        let output = data.file("start.out")
        try Data().write(to: output)
        let log = try FileHandle(forWritingTo: output)
        defer { try? log.close() }
        let start = Process()
        // The test process's children may inherit SIGTERM and SIGINT ignored, and a shell cannot
        // trap a signal ignored on entry: env restores them, as a terminal's Ctrl-C would find them.
        start.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        start.arguments = ["--default-signal=TERM,INT", "bash", Self.script.path, "--secure"]
        start.environment = environment
        start.standardInput = FileHandle.nullDevice
        start.standardOutput = log
        start.standardError = log
        try start.run()
        func said() -> String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }
        defer {
            // On a failure: stop the script, then anything it started ("started odop-X (pid N, ...").
            if start.isRunning {
                start.terminate()
                _ = try? eventually("start.sh stopped", timeout: .seconds(20)) { !start.isRunning }
                if start.isRunning { kill(start.processIdentifier, SIGKILL) }
            }
            for line in said().split(separator: "\n") where line.hasPrefix("started odop-") {
                if let pid = line.split(separator: "(pid ").last?.split(separator: ",").first.flatMap({ Int32($0) }) { kill(pid, SIGKILL) }
            }
        }

        let odopctl = ExternalTool(TestEnvironment.executable("odopctl"))
        let keys = data.url.appendingPathComponent("keys")
        let withKeys = endpoints.merging(["ODOP_CONFIG": keys.appendingPathComponent("odopctl.conf").path]) { $1 }
        let status = ["status"] + DeploymentLayout.services.flatMap { ["--service", $0] } + ["--timeout", "1", "--retries", "0"]
        var last: ToolOutput?
        try eventually("start.sh --secure brought every service up", timeout: .seconds(150), every: .milliseconds(500)) {
            guard start.isRunning else { return true }
            last = try odopctl.run(status, environment: withKeys)
            return last?.status == 0 && said().contains("The system is running")
        }
        try #require(start.isRunning, "start.sh exited \(start.isRunning ? 0 : start.terminationStatus): \(said())")
        let up = try #require(last)
        for service in DeploymentLayout.services {
            #expect(up.stdout.contains(service) && up.stdout.contains(endpoints["ODOP_\(service.uppercased())_COMMANDS"]!), "\(up)")
        }

        // CURVE is on: the allowlist names odopctl as admin and every service as `service`, each
        // service logged that it runs with CURVE, and odopctl without the keys gets nothing.
        let allowlist = try String(contentsOf: keys.appendingPathComponent("authorized_keys"), encoding: .utf8)
        #expect(allowlist.contains(" odopctl admin"))
        for service in DeploymentLayout.services {
            #expect(allowlist.contains(" \(service) service"), "\(allowlist)")
            let secret = keys.appendingPathComponent("\(service).key").path
            let mode = try FileManager.default.attributesOfItem(atPath: secret)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(secret) has mode \(String(mode ?? 0, radix: 8))")
        }
        let open = try odopctl.run(["status", "--service", "catalogue", "--timeout", "0.5", "--retries", "0"], environment: endpoints)
        #expect(open.status != 0, "odopctl without keys reached a CURVE service: \(open)")
        let health = try odopctl.run(["call", "training", "health", "--json"], environment: withKeys)
        #expect(health.status == 0 && health.stdout.contains(#""status":"ok""#), "\(health)")

        // Ctrl-C: the script stops every service and exits.
        start.terminate()
        try eventually("start.sh stopped (it said:\n\(said()))", timeout: .seconds(60)) { !start.isRunning }
        #expect(said().contains("stopped."))
        let after = try odopctl.run(status, environment: withKeys)
        #expect(after.status == 3, "a service still answers after start.sh stopped: \(after)")
    }
}
