import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

/// The README's first command, as a newcomer runs it: `deploy/local/start.sh` from a fresh clone
/// brings up all four services, loads the ODOP list, writes notifications to its file channel,
/// prints where everything is, and `start.sh stop` stops it all cleanly. The clone is of the
/// repository's HEAD: commit a change to start.sh before running this test on it.
@Suite("local start", .serialized, .timeLimit(.minutes(6)))
struct LocalStartTests {
    @Test(
        "start.sh from a fresh clone: four services healthy, a notification in the file channel, a status line, and `start.sh stop` stops it all"
    )
    func freshCloneStartsAndStops() throws {
        let run = try LocalStartRun()
        defer { run.close() }
        try run.start()

        // All four healthy (the runs of install-dependencies.sh and of the import are bounded, not timed).
        for service in LocalStartRun.services {
            let probe = try CommandClient(
                endpoint: run.commandsEndpoints[service]!, options: .init(timeout: .milliseconds(500), retries: 0))
            defer { probe.close() }
            try eventually("odop-\(service) started by start.sh answers health ok", timeout: .seconds(240), every: .milliseconds(250)) {
                guard run.isRunning else {
                    throw LocalStartFailure(description: "start.sh exited \(run.exitStatus ?? -1):\n\(run.output())")
                }
                return (try? probe.call(Health.self, NoArguments()))?.status == HealthReport.statusOK
            }
        }
        // A notification written to the file channel: a JSON line with its type and message.
        try eventually("a notification in \(run.inbox.path)", timeout: .seconds(120), every: .milliseconds(250)) {
            guard let text = try? String(contentsOf: run.inbox, encoding: .utf8), let line = text.split(separator: "\n").first else {
                return false
            }
            let notification = try WireFormat.parse(Data(line.utf8))
            return notification["type"]?.stringValue?.hasPrefix("catalogue.") == true && notification["body"] != nil
        }
        // The status line says where each service listens, where the file channel writes, how to stop.
        try eventually("start.sh printed its status line", timeout: .seconds(120), every: .milliseconds(250)) {
            run.output().contains("stop: Ctrl-C")
        }
        let output = run.output()
        let status = try #require(output.split(separator: "\n").first { $0.hasPrefix("status: ") })
        for service in LocalStartRun.services {
            #expect(status.contains("\(service) up at \(run.commandsEndpoints[service]!)"), "\(status)")
        }
        #expect(output.contains("file channel: every notification is a line of \(run.inbox.path)"), "\(output)")
        #expect(output.contains("start.sh stop"))
        let servicePids = try Self.servicePids(in: output)
        #expect(servicePids.count == 4, "start.sh names the pid of each service it started: \(output)")

        // `start.sh stop` stops start.sh and every service; start.sh exits 0 and leaves no pid file.
        let stopped = try run.stop()
        #expect(stopped.status == 0, "\(stopped)")
        #expect(run.waitForExit(timeout: .seconds(60)), "start.sh exits after `start.sh stop`")
        #expect(run.exitStatus == 0, "start.sh's exit status after `start.sh stop`:\n\(run.output())")
        for pid in servicePids { #expect(kill(pid, 0) != 0, "service pid \(pid) is gone") }
        for service in LocalStartRun.services {
            let log = (try? String(contentsOf: run.dataDirectory.appendingPathComponent("\(service).log"), encoding: .utf8)) ?? ""
            #expect(log.hasSuffix("[ODOPRuntime] stopped\n"), "odop-\(service) stopped cleanly; its log ends:\n\(log.suffix(600))")
        }
        #expect(!FileManager.default.fileExists(atPath: run.dataDirectory.appendingPathComponent("start.pid").path))
        #expect(run.output().contains("stopped. Logs and databases are in"))
        // A second stop finds nothing running and says so.
        let again = try run.stop()
        #expect(again.status == 0 && again.stdout.contains("not running"), "\(again)")
    }

    /// The pids of `started odop-<service> (pid N, ...)` lines.
    static func servicePids(in output: String) throws -> [Int32] {
        let pattern = try NSRegularExpression(pattern: #"started odop-[a-z]+ \(pid ([0-9]+),"#)
        let range = NSRange(output.startIndex..., in: output)
        return pattern.matches(in: output, range: range).compactMap { match in
            Range(match.range(at: 1), in: output).flatMap { Int32(output[$0]) }
        }
    }
}
