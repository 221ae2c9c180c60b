import Foundation
import Synchronization

extension Process {
    /// Launches the process while no other test helper is launching one: `run()`, one launch at
    /// a time across the whole test process.
    ///
    /// Foundation's `Process` on Linux has known thread-safety problems (swift-corelibs-foundation
    /// issues about `Process.run()` and its file handles), and a full `swift test` run crashed
    /// once inside `Process.run()` (a bad read in `memcpy`) while parallel tests were starting
    /// odopctl and services. Every helper that starts a child in the tests goes through here; the
    /// lock is held only for the launch itself (a few milliseconds), never while the child runs.
    public func runSerialized() throws {
        try processLaunchLock.withLock { _ in try run() }
    }
}

private let processLaunchLock = Mutex(())
