import Foundation
import ODOPMessages
import Synchronization

/// What the load generator and the bad-input corpus sent and got back: counts per outcome, the
/// replies that were `internal` (each one a violation), and every acknowledged write, appended
/// as one JSON line to `url` the moment it is acknowledged (the invariant checker reads the file).
final class CommandLog: Sendable {
    let url: URL
    private let state = Mutex(State())
    private let file: FileHandle

    struct State {
        var sent = 0
        var acknowledged = 0
        /// Final failure replies by code (`not_found`, `conflict`, ...): answered, not applied.
        var refused: [String: Int] = [:]
        /// Attempts that got no reply or `unavailable` and were sent again with the same id.
        var retries = 0
        /// Requests given up on (no final reply before the deadline).
        var unanswered = 0
        var internalReplies: [String] = []
        /// The first few final failure replies, for the report.
        var refusalSamples: [String] = []
    }

    init(url: URL) throws {
        self.url = url
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        file = try FileHandle(forWritingTo: url)
    }

    var snapshot: State { state.withLock { $0 } }

    func sent() { state.withLock { $0.sent += 1 } }
    func retried() { state.withLock { $0.retries += 1 } }
    func unanswered() { state.withLock { $0.unanswered += 1 } }

    func acknowledged(_ write: AcknowledgedWrite?) {
        let line = write.flatMap { try? JSONEncoder().encode($0) }
        state.withLock { state in
            state.acknowledged += 1
            if let line { file.write(line + Data("\n".utf8)) }
        }
    }

    /// A final failure reply; `internal` is also kept as a violation with what caused it.
    func refused(_ error: CommandError, request: String) {
        state.withLock { state in
            state.refused[error.code.rawValue, default: 0] += 1
            if state.refusalSamples.count < 10 { state.refusalSamples.append("\(request): \(error.code.rawValue): \(error.message)") }
            if error.code == .internal { state.internalReplies.append("\(request): \(error.message)") }
        }
    }

    /// An `internal` reply seen outside the load (the bad-input corpus).
    func internalReply(_ description: String) {
        state.withLock { $0.internalReplies.append(description) }
    }

    /// The acknowledged writes logged in `url`.
    static func writes(in url: URL) throws -> [AcknowledgedWrite] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(AcknowledgedWrite.self, from: Data($0.utf8))
        }
    }
}
