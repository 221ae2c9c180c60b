import Foundation

/// The figures of a reliability run, printed as a table at its end.
struct ReliabilitySummary {
    var mode = "ci"
    var minutes = 0.0
    var sent = 0
    var acknowledged = 0
    var refused: [String: Int] = [:]
    var retries = 0
    var unanswered = 0
    var kills = 0
    var subscriberStops = 0
    var publisherRestarts = 0
    var partitions = 0
    var partitionsSkipped: String?
    var diskFullEpisodes = 0
    var diskFullSkipped: String?
    var badInputs = 0
    var badInputsAccepted = 0
    /// Executions of the last fuzzer run (Tools/fuzz/fuzz.sh), when there was one.
    var fuzzExecutions: Int?
    var violations = 0

    init(figures: CommandLog.State, chaos: ChaosEpisodes, cluster: ReliabilityCluster) {
        (sent, acknowledged, refused, retries, unanswered) = (
            figures.sent, figures.acknowledged, figures.refused, figures.retries, figures.unanswered
        )
        (kills, subscriberStops, publisherRestarts, partitions, diskFullEpisodes) = (
            chaos.kills, chaos.subscriberStops, chaos.publisherRestarts, chaos.partitions, chaos.diskFullEpisodes
        )
        (partitionsSkipped, diskFullSkipped) = (cluster.partitionUnavailable, cluster.diskFullUnavailable)
        (badInputs, badInputsAccepted) = (chaos.badInputs.tried, chaos.badInputs.accepted.count)
    }

    var table: String {
        var rows: [(String, String)] = [
            ("mode", "\(mode), \(String(format: "%.1f", minutes)) min of load"),
            ("commands sent", "\(sent)"),
            ("commands acknowledged", "\(acknowledged)"),
            (
                "refused (final failure replies)",
                refused.isEmpty ? "0" : refused.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            ),
            ("resent with the same id", "\(retries)"),
            ("never answered", "\(unanswered)"),
            ("SIGKILLs survived", "\(kills)"),
            ("subscriber stops survived", "\(subscriberStops)"),
            ("publisher restarts mid-burst survived", "\(publisherRestarts)"),
            ("partitions survived", partitionsSkipped.map { "skipped: \($0)" } ?? "\(partitions)"),
            ("disk-full episodes survived", diskFullSkipped.map { "skipped: \($0)" } ?? "\(diskFullEpisodes)"),
            ("bad inputs tried", "\(badInputs) (\(badInputsAccepted) accepted as valid)"),
            ("fuzz executions (last Tools/fuzz/fuzz.sh)", fuzzExecutions.map(String.init) ?? "not run"),
            ("invariant violations", "\(violations)"),
        ]
        rows.insert(("", ""), at: 0)
        let width = rows.map(\.0.count).max() ?? 0
        let line = String(repeating: "-", count: width + 24)
        return
            (["reliability summary", line]
            + rows.dropFirst().map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 } + [line])
            .joined(separator: "\n")
    }

    /// The executions count Tools/fuzz/fuzz.sh left in .build/fuzz/last-run.txt.
    static func lastFuzzExecutions(packageRoot: URL) -> Int? {
        let file = packageRoot.appendingPathComponent(".build/fuzz/last-run.txt")
        return (try? String(contentsOf: file, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}
