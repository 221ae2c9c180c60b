import Foundation

/// `eventually` for async tests: polls `condition` with `Task.sleep` between tries, so that a
/// waiting test never holds one of the few cooperative threads the service's delivery worker
/// runs on. Throws `WaitTimedOut` after `timeout` (a bound against hangs, not a speed assertion).
func waitUntil(
    _ what: String, timeout: Duration = .seconds(30), every interval: Duration = .milliseconds(20),
    _ condition: () throws -> Bool
) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var lastError: (any Error)?
    while clock.now < deadline {
        do {
            if try condition() { return }
            lastError = nil
        } catch {
            lastError = error
        }
        try await Task.sleep(for: interval)
    }
    // A last look: a test resumed late (its cooperative thread was busy) still sees the outcome.
    if try condition() { return }
    throw WaitTimedOut(description: "\(what): not true after \(timeout)" + (lastError.map { " (last error: \($0))" } ?? ""))
}

/// A condition that did not hold in time.
struct WaitTimedOut: Error, CustomStringConvertible {
    let description: String
}
