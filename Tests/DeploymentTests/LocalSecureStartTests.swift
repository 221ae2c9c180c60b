import Foundation
import ODOPTesting
import Testing

/// `deploy/local/start.sh --secure` end to end, from a fresh clone (`LocalStartRun`): the script
/// makes a key pair for every service and for odopctl and the allowlist, starts the four services
/// with CURVE on, and `start.sh stop` stops them all. The clone is of the repository's HEAD:
/// commit a change to start.sh before running this test on it.
@Suite("local start --secure", .serialized, .timeLimit(.minutes(6)))
struct LocalSecureStartTests {
    @Test(
        "start.sh --secure: all four services healthy over CURVE for odopctl with the generated admin key, refused without it; `start.sh stop` stops them"
    )
    func secureStart() throws {
        let run = try LocalStartRun()
        defer { run.close() }
        try run.start(["--secure"])

        let odopctl = ExternalTool(TestEnvironment.executable("odopctl"))
        let keys = run.dataDirectory.appendingPathComponent("keys")
        let settings = run.environment.filter { $0.key.hasPrefix("ODOP_") }
        let withKeys = settings.merging(["ODOP_CONFIG": keys.appendingPathComponent("odopctl.conf").path]) { $1 }
        let status = ["status"] + LocalStartRun.services.flatMap { ["--service", $0] } + ["--timeout", "1", "--retries", "0"]
        var last: ToolOutput?
        try eventually("start.sh --secure brought every service up, healthy over CURVE", timeout: .seconds(240), every: .milliseconds(500))
        {
            guard run.isRunning else { throw LocalStartFailure(description: "start.sh exited \(run.exitStatus ?? -1):\n\(run.output())") }
            last = try odopctl.run(status, environment: withKeys)
            return last?.status == 0
        }
        let up = try #require(last)
        for service in LocalStartRun.services {
            #expect(up.stdout.contains(service) && up.stdout.contains(run.commandsEndpoints[service]!), "\(up)")
        }

        // CURVE is on: the allowlist names odopctl as admin and every service as `service`, each
        // secret key is mode 0600, and odopctl without the keys gets no answer.
        let allowlist = try String(contentsOf: keys.appendingPathComponent("authorized_keys"), encoding: .utf8)
        #expect(allowlist.contains(" odopctl admin"))
        for service in LocalStartRun.services {
            #expect(allowlist.contains(" \(service) service"), "\(allowlist)")
            let secret = keys.appendingPathComponent("\(service).key").path
            let mode = try FileManager.default.attributesOfItem(atPath: secret)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(secret) has mode \(String(mode ?? 0, radix: 8))")
            let open = try odopctl.run(["status", "--service", service, "--timeout", "0.5", "--retries", "0"], environment: settings)
            #expect(open.status != 0, "odopctl without keys reached the CURVE service \(service): \(open)")
        }
        let health = try odopctl.run(["call", "training", "health", "--json"], environment: withKeys)
        #expect(health.status == 0 && health.stdout.contains(#""status":"ok""#), "\(health)")

        // `start.sh stop` stops the script and every service.
        let servicePids = try LocalStartTests.servicePids(in: run.output())
        #expect(servicePids.count == 4, "\(run.output())")
        let stopped = try run.stop()
        #expect(stopped.status == 0, "\(stopped)")
        #expect(run.waitForExit(timeout: .seconds(60)), "start.sh exits after `start.sh stop`")
        #expect(run.exitStatus == 0, "\(run.output())")
        for pid in servicePids { #expect(kill(pid, 0) != 0, "service pid \(pid) is gone") }
        let after = try odopctl.run(status, environment: withKeys)
        #expect(after.status == 3, "a service still answers after start.sh stopped: \(after)")
    }
}
