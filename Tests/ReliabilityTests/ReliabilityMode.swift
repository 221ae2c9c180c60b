import Foundation

/// How long the reliability suite runs: the bounded CI run (one round of every episode), or a
/// soak of `ODOP_SOAK_MINUTES` minutes (rounds repeated until then).
struct ReliabilityMode: Sendable {
    var soakMinutes: Double?

    static var current: ReliabilityMode {
        let value = ProcessInfo.processInfo.environment["ODOP_SOAK_MINUTES"].flatMap(Double.init)
        return ReliabilityMode(soakMinutes: value.flatMap { $0 > 0 ? $0 : nil })
    }

    var name: String { soakMinutes.map { "soak \($0) min" } ?? "ci" }

    /// SIGKILL rounds per round of episodes.
    var killsPerRound: Int { soakMinutes == nil ? 4 : 8 }

    /// The suite's time limit: a bound against hangs, far above a normal run.
    var timeLimitMinutes: Int { Int((soakMinutes ?? 0).rounded(.up)) + 10 }
}
