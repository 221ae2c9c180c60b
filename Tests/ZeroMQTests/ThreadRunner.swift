import Foundation

/// Runs blocking socket work on a dedicated thread (never on Swift's cooperative pool, which a
/// blocked libzmq call would starve) and hands back its result.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
        }
        thread.start()
    }
}

/// Elapsed wall time of `body`.
func measure<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try body()
    return (value, clock.now - start)
}

extension Data {
    var text: String { String(decoding: self, as: UTF8.self) }
}
