import Foundation
import ODOPClient

/// GET on a service's ops endpoint from async tests: the blocking `OpsHTTPClient` call runs on a
/// thread of its own, so the test never holds a thread of the concurrency pool while an
/// in-process ops server (which answers on that pool) is to reply.
public enum OpsHTTP {
    public static func get(_ url: String, timeout: Duration = .seconds(10)) async throws -> OpsHTTPClient.Response {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(returning: try OpsHTTPClient.get(url, timeout: timeout))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }
}
