import Foundation
import Synchronization

/// Whether each loop of a service (the command server, the publisher, each subscription) is
/// alive and making progress: every loop beats on each turn (each wakes at least once a second),
/// and a loop that has not beaten for its `staleAfter`, or has exited, is unhealthy. `/healthz`
/// answers from here, so a loop blocked forever or a dead thread fails the probe even while the
/// HTTP server itself is fine. A loop doing one long piece of work it declared (`working`: the
/// command loop serving one command, such as a whole-list import in a debug build) counts as
/// making progress until its `busyLimit`.
public final class LoopBeats: Sendable {
    private struct Loop {
        let name: String
        let staleAfter: Duration
        let busyLimit: Duration
        var lastBeat: ContinuousClock.Instant
        var busySince: ContinuousClock.Instant?
        var exit: String?
    }

    private let loops = Mutex<[Loop]>([])

    public init() {}

    /// Adds a loop, counted as having just beaten; returns its handle.
    func register(_ name: String, staleAfter: Duration, busyLimit: Duration? = nil) -> LoopBeat {
        let index = loops.withLock { loops in
            loops.append(Loop(name: name, staleAfter: staleAfter, busyLimit: max(staleAfter, busyLimit ?? staleAfter), lastBeat: .now))
            return loops.count - 1
        }
        return LoopBeat(beats: self, index: index)
    }

    fileprivate func beat(_ index: Int) {
        let now = ContinuousClock.now
        loops.withLock { $0[index].lastBeat = now }
    }

    fileprivate func working(_ index: Int, _ on: Bool) {
        let now = ContinuousClock.now
        loops.withLock {
            $0[index].busySince = on ? now : nil
            $0[index].lastBeat = now
        }
    }

    fileprivate func exited(_ index: Int, _ reason: String) {
        loops.withLock { $0[index].exit = reason }
    }

    /// Every loop's health now, in registration order.
    public func report() -> [LoopHealth] {
        let now = ContinuousClock.now
        return loops.withLock { loops in
            loops.map { loop in
                let age = now - loop.lastBeat
                let seconds = Double(age.components.seconds) + Double(age.components.attoseconds) / 1e18
                let limit = loop.busySince == nil ? loop.staleAfter : loop.busyLimit
                let problem: String? =
                    if let exit = loop.exit { "exited: \(exit)" } else if age > limit {
                        "no progress for \(String(format: "%.1f", seconds)) s (limit \(limit.components.seconds) s\(loop.busySince == nil ? "" : ", busy"))"
                    } else { nil }
                return LoopHealth(loop: loop.name, healthy: problem == nil, secondsSinceBeat: seconds, problem: problem)
            }
        }
    }
}

/// One loop's handle on `LoopBeats`.
struct LoopBeat: Sendable {
    fileprivate let beats: LoopBeats
    fileprivate let index: Int

    /// Records a turn of the loop.
    func beat() { beats.beat(index) }

    /// Marks the start (`true`) or end of one long piece of work: meanwhile the loop counts as
    /// making progress until its busy limit.
    func working(_ on: Bool) { beats.working(index, on) }

    /// Records that the loop has returned or thrown; it stays unhealthy.
    func exited(_ reason: String) { beats.exited(index, reason) }
}

/// One loop as `/healthz` and `/status` show it.
public struct LoopHealth: Codable, Sendable, Equatable {
    /// `commands`, `publisher` or `follows-<source>`.
    public var loop: String
    public var healthy: Bool
    public var secondsSinceBeat: Double
    /// Why it is unhealthy (stale or exited); absent when healthy.
    public var problem: String?
}

extension LoopBeats {
    /// Marks the loop named `name` as exited, as its thread does when it ends (for tests of
    /// `/healthz`: a worker's real death also stops the process).
    public func loopExitedForTesting(_ name: String) {
        let index = loops.withLock { $0.firstIndex { $0.name == name } }
        if let index { exited(index, "marked by a test") }
    }
}
