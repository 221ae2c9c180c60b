import GRDB
import ODOPMessages
import W3CTraceContext

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
    private let trace: Trace

    /// The request span's trace context, as given or written only when asked.
    private enum Trace: Sendable {
        case text(String?)
        case context(TraceContext)
    }

    public init(id: String, command: String, principal: Principal?, traceparent: String? = nil) {
        self.id = id
        self.command = command
        self.principal = principal
        trace = .text(traceparent)
    }

    /// The request of a span with the W3C context `trace`: its `traceparent` is written when
    /// asked (a write's events carry it), not for every command (about 1,000 instructions).
    init(id: String, command: String, principal: Principal?, trace: TraceContext) {
        self.id = id
        self.command = command
        self.principal = principal
        self.trace = .context(trace)
    }

    /// The W3C trace context of the request's span (the events it emits carry it).
    public var traceparent: String? {
        switch trace {
        case .text(let text): text
        case .context(let context): TraceParentFormat.text(of: context)
        }
    }

    /// The trace id of `traceparent`, or `-`, for log lines.
    public var traceId: String {
        switch trace {
        case .text(let text): text.flatMap(TraceParentText.traceId(of:)) ?? "-"
        case .context(let context): TraceParentFormat.traceID(of: context)
        }
    }
}

/// What a read handler gets: the request and a read-only database snapshot.
public struct ReadContext {
    public let request: RequestInfo
    public let db: Database
    /// Entries `audit(...)` asked for; the command server writes them before replying.
    var auditLog = ReadAudit()
}
