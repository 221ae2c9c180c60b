import Foundation
import Logging
import ODOPMessages
import ODOPRuntime
import Synchronization

/// A stand-in for any upstream service, for tests of a follower without the real upstream: a
/// real `ServiceHost` named like the source (so its events, heartbeats and `events.replay` are
/// exactly what a real source sends) whose only commands are the runtime's. Tests publish the
/// events they want through its real outbox with `publish`, and can hold its `events.replay`
/// answers at `replayGate` to keep a follower's catch-up waiting.
public final class StubSource: @unchecked Sendable {
    public let service: InProcessService
    /// Closed, it holds every `events.replay` until opened. Open at start.
    public let replayGate = Gate()

    /// - Parameters:
    ///   - name: the source's name (`catalogue`, ...): its events' types must start with it.
    ///   - dataDirectory: reuse one to restart the stub on the same event log.
    ///   - endpoints: bind these (to restart the stub where its followers look for it); default:
    ///     free ports.
    public init(_ name: String, dataDirectory: String? = nil, endpoints: PeerEndpoints? = nil, heartbeat: Duration = .milliseconds(100))
        throws
    {
        let gate = replayGate
        service = try InProcessService(
            Definition(name: name), dataDirectory: dataDirectory, heartbeat: heartbeat,
            commandsBind: endpoints?.commands ?? "tcp://127.0.0.1:*", eventsBind: endpoints?.events ?? "tcp://127.0.0.1:*",
            hooks: RuntimeHooks(beforeReplay: { gate.pass() }))
    }

    /// How a follower reaches it (`InProcessService(..., peers: ["catalogue": stub.endpoints])`).
    public var endpoints: PeerEndpoints { service.endpoints }

    /// Commits `payloads` as events, in order, in one transaction, and returns their identities.
    @discardableResult
    public func publish<P: EventPayload>(_ payloads: [P], correlationId: String? = nil, traceparent: String? = nil) throws
        -> [EmittedEvent]
    {
        try service.host.store.write(correlationId: correlationId, traceparent: traceparent) { transaction in
            try payloads.map { try transaction.emit($0) }
        }
    }

    /// Commits one event and returns its identity.
    @discardableResult
    public func publish<P: EventPayload>(_ payload: P, correlationId: String? = nil, traceparent: String? = nil) throws -> EmittedEvent {
        try publish([payload], correlationId: correlationId, traceparent: traceparent)[0]
    }

    /// The seq of the last event committed.
    public var lastSeq: Int64 { (try? service.host.store.lastSeq()) ?? 0 }

    public func stop() async { await service.stop() }

    private struct Definition: ServiceDefinition {
        let name: String
        let version = "stub"
        var migrations: [ServiceMigration] { [] }
        func registerCommands(in registry: inout CommandRegistry) {}
    }
}

/// A gate that threads wait at while it is closed. `waiting` tells how many are held.
public final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiting: Int, arrived: Int)>((true, 0, 0))

    public init() {}

    public func close() { state.withLock { $0.open = false } }
    public func open() { state.withLock { $0.open = true } }

    /// How many threads wait at the gate now.
    public var waiting: Int { state.withLock { $0.waiting } }

    /// How many times a thread came to the gate, open or closed (`StubSource`: its
    /// `events.replay` calls).
    public var arrived: Int { state.withLock { $0.arrived } }

    /// Returns at once while open; waits while closed.
    public func pass() {
        let open = state.withLock {
            $0.arrived += 1
            return $0.open
        }
        guard !open else { return }
        state.withLock { $0.waiting += 1 }
        while !state.withLock({ $0.open }) { usleep(1_000) }
        state.withLock { $0.waiting -= 1 }
    }
}
