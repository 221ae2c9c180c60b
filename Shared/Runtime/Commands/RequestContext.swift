import GRDB
import ODOPMessages

/// Who sent a request, as established by CURVE authentication (nil when the service runs open).
public struct Principal: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable {
        case admin, service, reader
    }

    public let name: String
    public let role: Role
    /// Where the key may act (`KeyScope.everywhere` when unscoped).
    public let scope: KeyScope

    public init(name: String, role: Role, scope: KeyScope = .everywhere) {
        self.name = name
        self.role = role
        self.scope = scope
    }
}

/// The request a handler is serving.
public struct RequestInfo: Sendable {
    public let id: String
    public let command: String
    public let principal: Principal?
}

/// What a read handler gets: the request and a read-only database snapshot.
public struct ReadContext {
    public let request: RequestInfo
    public let db: Database
    /// Entries `audit(...)` asked for; the command server writes them before replying.
    var auditLog = ReadAudit()
}
