import Foundation
import ODOPMessages
import ODOPTesting
import Testing

/// The four real services under a steady load of writes, hurt in every way the issue lists:
/// SIGKILLs at random moments, a subscriber stopped, the publisher restarted mid-burst, a host
/// cut off, a full disk, a corpus of bad input on every command socket. At the end the
/// invariant checker reads the databases and the command log: nothing lost, nothing applied
/// twice, no gap, no unexpected exit, no `internal` reply. Prints the summary table.
///
/// CI repeats the rounds for a minute (about two in all); `ODOP_SOAK_MINUTES=N` repeats them for N minutes.
@Suite("reliability under load", .serialized)
struct ReliabilitySuiteTests {
    @Test(
        "kills, stops, restarts, partitions, a full disk and bad input under load lose and double nothing",
        .timeLimit(.minutes(ReliabilityMode.current.timeLimitMinutes)))
    func underLoad() async throws {
        let mode = ReliabilityMode.current
        let cluster = try ReliabilityCluster(volumeMegabytes: mode.volumeMegabytes)
        defer {
            cluster.keepLogs(in: TestEnvironment.packageRoot.appendingPathComponent(".build/reliability-logs"))
            cluster.close()
        }
        try cluster.startAll()
        let log = try CommandLog(url: cluster.root.file("commands.jsonl"))
        let load = try LoadGenerator(cluster: cluster, log: log)
        try load.setUp()
        let chaos = try ChaosEpisodes(cluster: cluster, load: load)

        let clock = ContinuousClock()
        let started = clock.now
        load.start()
        var problems: [String] = []
        func step(_ name: String, _ work: () throws -> Void) rethrows {
            let before = clock.now
            try work()
            print("reliability: \(name) done in \(clock.now - before) (acknowledged so far: \(log.snapshot.acknowledged))")
        }
        repeat {
            try step("kills") { try chaos.kills(rounds: mode.killsPerRound) }
            try step("subscriber stop") { try chaos.subscriberStop() }
            try step("publisher restart mid-burst") { try chaos.publisherRestartMidBurst() }
            try step("partition") { try chaos.partition() }
            try step("disk full") { problems += try chaos.diskFull() }
            try step("bad inputs") { try chaos.sendBadInputs() }
            try step("kill") { try chaos.kills(rounds: 1) }
        } while clock.now - started < .seconds(mode.loadMinutes * 60)
        try step("load stopped") { try load.stop() }
        let loadTime = clock.now - started
        try step("settled") { try cluster.waitUntilSettled() }
        cluster.stopAll()

        // The checker reads copies: the databases as the stopped services left them.
        let (copies, databases) = try cluster.copyDatabases()
        defer { _ = copies }
        let figures = log.snapshot
        let checker = InvariantChecker(
            databases: databases, acknowledged: try CommandLog.writes(in: log.url), deliverySubscriptions: load.deliverySubscriptions,
            unexpectedExits: cluster.unexpectedExits, internalReplies: figures.internalReplies + chaos.badInputs.violations + problems)
        let violations = try checker.check()

        var summary = ReliabilitySummary(figures: figures, chaos: chaos, cluster: cluster)
        summary.mode = mode.name
        summary.minutes = Double(loadTime.components.seconds) / 60
        summary.fuzzExecutions = ReliabilitySummary.lastFuzzExecutions(packageRoot: TestEnvironment.packageRoot)
        summary.violations = violations.count
        print(summary.table)
        if !chaos.badInputs.accepted.isEmpty {
            print("bad inputs a service accepted as valid:\n  " + chaos.badInputs.accepted.prefix(40).joined(separator: "\n  "))
        }
        for refusal in figures.refusalSamples { print("refused: \(refusal)") }
        for violation in violations.prefix(50) { print("violation: \(violation)") }

        #expect(violations.isEmpty, "\(violations.count) invariant violations; first: \(violations.prefix(5))")
        #expect(figures.unanswered == 0, "requests never answered")
        #expect(figures.acknowledged > 100, "the load generator got writes through")
        #expect(chaos.kills >= mode.killsPerRound)
        #expect(chaos.badInputs.tried > 1000)
        if ProcessInfo.processInfo.environment["ODOP_REQUIRE_ISOLATION"] != nil {
            // CI (.ci/run) runs as root: partitions and a full disk must have been tried, not skipped.
            #expect(cluster.partitionUnavailable == nil, "partitions skipped: \(cluster.partitionUnavailable ?? "")")
            #expect(cluster.diskFullUnavailable == nil, "disk-full episodes skipped: \(cluster.diskFullUnavailable ?? "")")
        }
    }
}
