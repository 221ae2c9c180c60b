import GRDB

/// Why applying an event failed, which decides what the subscriber does next.
enum ApplyFailure {
    /// The database could not do its work (disk full, I/O error, busy, locked, out of memory):
    /// nothing is known about the event. Retried with backoff while it lasts; never stalls.
    case transient(String)
    /// The handler refused the event. Retried a few times, then the subscription stalls there.
    case refused(String)

    init(_ error: any Error) {
        if let error = error as? DatabaseError, Self.transientCodes.contains(error.resultCode) {
            self = .transient(String(describing: error))
        } else {
            self = .refused(String(describing: error))
        }
    }

    /// Primary result codes that describe the database's state, not the statement's.
    private static let transientCodes: [ResultCode] = [
        .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_NOMEM, .SQLITE_CANTOPEN, .SQLITE_PROTOCOL,
        .SQLITE_INTERRUPT,
    ]

    /// Whether the database, not the work, failed (a command then answers `unavailable`).
    var isTransient: Bool {
        if case .transient = self { return true }
        return false
    }

    var message: String {
        switch self {
        case .transient(let message), .refused(let message): message
        }
    }
}
