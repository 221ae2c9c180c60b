import Foundation
import Synchronization

/// Points where a test may hold the runtime still, to observe what happens meanwhile. Never set
/// from flags; production runs with none. The only environment a service reads here is the
/// `ODOP_TEST_*` variables of `fromTestEnvironment`, named so that no operator sets them by chance.
public struct RuntimeHooks: Sendable {
    /// Called on a read thread before each `events.replay` is answered (a test closes a gate
    /// here to hold a follower's catch-up).
    public var beforeReplay: (@Sendable () -> Void)?
    /// Called on the command thread before each request is dispatched, with the command's name
    /// (a test holds it to stop the command loop from making progress).
    public var beforeCommand: (@Sendable (String) -> Void)?
    /// When set, the writer does not take a group of write commands before at least this many are
    /// queued (a test sees a group of known size form; a lone command then waits for company).
    public var groupAtLeast: Int?
    /// Called on the writer thread with the group's size after every command of the group was
    /// applied and before its COMMIT (a test holds the commit here).
    public var beforeCommit: (@Sendable (Int) -> Void)?

    public init(
        beforeReplay: (@Sendable () -> Void)? = nil, beforeCommand: (@Sendable (String) -> Void)? = nil, groupAtLeast: Int? = nil,
        beforeCommit: (@Sendable (Int) -> Void)? = nil
    ) {
        self.beforeReplay = beforeReplay
        self.beforeCommand = beforeCommand
        self.groupAtLeast = groupAtLeast
        self.beforeCommit = beforeCommit
    }

    /// These hooks with those the environment asks for, for tests that drive a real service
    /// process:
    /// - `ODOP_TEST_GROUP_AT_LEAST=N` sets `groupAtLeast`;
    /// - `ODOP_TEST_HOLD_COMMIT_AFTER_GROUPS=G` holds, forever, the commit of every group after
    ///   the first G (the test then kills the process).
    public func withTestEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> RuntimeHooks {
        var hooks = self
        if let atLeast = environment["ODOP_TEST_GROUP_AT_LEAST"].flatMap(Int.init), atLeast > 1 {
            hooks.groupAtLeast = atLeast
        }
        if let groups = environment["ODOP_TEST_HOLD_COMMIT_AFTER_GROUPS"].flatMap(Int.init), groups >= 0 {
            let committed = CommitCounter()
            let earlier = hooks.beforeCommit
            hooks.beforeCommit = { size in
                earlier?(size)
                let group = committed.next()
                if group > groups {
                    FileHandle.standardError.write(
                        Data("ODOP_TEST_HOLD_COMMIT_AFTER_GROUPS: holding the commit of group \(group) (\(size) commands)\n".utf8))
                    while true { sleep(3600) }
                }
            }
        }
        return hooks
    }
}

/// Counts the groups that reached their commit (for `ODOP_TEST_HOLD_COMMIT_AFTER_GROUPS`).
private final class CommitCounter: Sendable {
    private let count = Mutex(0)

    /// The number of this group, from 1.
    func next() -> Int {
        count.withLock { count in
            count += 1
            return count
        }
    }
}
