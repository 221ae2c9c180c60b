import Foundation

/// Thrown when a condition did not hold in time.
public struct TimedOut: Error, CustomStringConvertible {
    public let description: String
}

/// Polls `condition` until it returns true, or throws `TimedOut` after `timeout` (a bound
/// against hangs, not a speed assertion) and one last look.
public func eventually(
    _ what: String, timeout: Duration = .seconds(30), every interval: Duration = .milliseconds(20),
    _ condition: () throws -> Bool
) throws {
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
        Thread.sleep(forTimeInterval: Double(interval.components.attoseconds) / 1e18 + Double(interval.components.seconds))
    }
    // One look after the deadline: a thread held off the CPU past it (a busy machine, a test
    // process whose threads are all taken) must not fail a condition that has come true.
    if (try? condition()) == true { return }
    throw TimedOut(description: "\(what): not true after \(timeout)" + (lastError.map { " (last error: \($0))" } ?? ""))
}

/// `eventually` for async tests: polls with `Task.sleep`, so it never blocks a thread of the
/// concurrency pool that the code under test needs (the ops HTTP server, notifications' delivery
/// worker); the condition may await (e.g. `OpsHTTP.get`).
public func eventuallyAsync(
    _ what: String, timeout: Duration = .seconds(30), every interval: Duration = .milliseconds(20),
    _ condition: () async throws -> Bool
) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var lastError: (any Error)?
    while clock.now < deadline {
        do {
            if try await condition() { return }
            lastError = nil
        } catch {
            lastError = error
        }
        try await Task.sleep(for: interval)
    }
    // One look after the deadline, as in `eventually`: a task resumed late must not fail a
    // condition that has come true meanwhile.
    if (try? await condition()) == true { return }
    throw TimedOut(description: "\(what): not true after \(timeout)" + (lastError.map { " (last error: \($0))" } ?? ""))
}
