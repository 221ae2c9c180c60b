import Foundation

/// How long the reliability suite runs: the bounded CI run (rounds of every episode for a minute),
/// or a soak of `ODOP_SOAK_MINUTES` minutes.
struct ReliabilityMode: Sendable {
    var soakMinutes: Double?

    static var current: ReliabilityMode {
        let value = ProcessInfo.processInfo.environment["ODOP_SOAK_MINUTES"].flatMap(Double.init)
        return ReliabilityMode(soakMinutes: value.flatMap { $0 > 0 ? $0 : nil })
    }

    var name: String { soakMinutes.map { "soak \($0) min" } ?? "ci" }

    /// How long the episodes repeat (at least one round of each).
    var loadMinutes: Double { soakMinutes ?? 1 }

    /// The size of exports' tmpfs: room for all the data of the run (only the filler fills it).
    var volumeMegabytes: Int { 512 + Int((soakMinutes ?? 0) * 48) }

    /// SIGKILL rounds per round of episodes.
    var killsPerRound: Int { soakMinutes == nil ? 4 : 8 }

    /// The suite's time limit: a bound against hangs, far above a normal run.
    var timeLimitMinutes: Int { Int((soakMinutes ?? 0).rounded(.up)) + 10 }
}
