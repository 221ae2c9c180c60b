import Foundation
import GRDB
import Logging
import ODOPMessages
import ODOPRuntime
import ODOPTesting
import Synchronization

// Two small services run in this process on the real runtime: `bench`, whose writes insert rows
// and emit one event per row (in the same transaction), and `benchfollower`, which follows
// `bench` through a durable subscription and copies each row it is told about.

/// `bench.row.written`: a row was inserted. `emittedNs` is the monotonic clock when the event
/// was emitted inside the writing transaction, so that the follower (in this process, on the same
/// clock) can tell how long the event took to be applied.
struct BenchRowWritten: EventPayload {
    static let eventType = "bench.row.written"
    static let schemaVersion = 1
    var row: Int64
    var payload: String
    var emittedNs: Int64
}

/// `bench.write {payload, count?}`: inserts `count` rows (default 1), each with its event, in one
/// transaction.
enum BenchWrite: CommandSchema {
    static let name = "bench.write"
    static let isMutating = true
    static let maximumCount = 100_000
    struct Arguments: Codable, Sendable {
        var payload: String
        var count: Int?
    }
    struct Result: Codable, Sendable {
        var firstSeq: Int64
        var lastSeq: Int64
        var lastRow: Int64
    }
}

/// `bench.read {row}`: one row by primary key, or `not_found`.
enum BenchRead: CommandSchema {
    static let name = "bench.read"
    static let isMutating = false
    struct Arguments: Codable, Sendable { var row: Int64 }
    struct Result: Codable, Sendable {
        var row: Int64
        var payload: String
    }
}

/// Handlers use cached statements, as service code should: the figures then show the runtime's
/// cost, not the cost of compiling the same SQL on every call.
struct BenchService: ServiceDefinition {
    let name = "bench"
    let version = "bench"

    var migrations: [ServiceMigration] {
        [
            ServiceMigration("bench-v1") { db in
                try db.execute(sql: "CREATE TABLE rows (id INTEGER PRIMARY KEY AUTOINCREMENT, payload TEXT NOT NULL)")
            }
        ]
    }

    func registerCommands(in registry: inout CommandRegistry) {
        registry.write(BenchWrite.self) { args, tx in
            let count = args.count ?? 1
            guard (1...BenchWrite.maximumCount).contains(count) else {
                throw CommandError.invalidArgument("field 'count' must be between 1 and \(BenchWrite.maximumCount)", field: "count")
            }
            var first: Int64 = 0
            var last: Int64 = 0
            var row: Int64 = 0
            for _ in 0..<count {
                try tx.db.cachedStatement(sql: "INSERT INTO rows (payload) VALUES (?)").execute(arguments: [args.payload])
                row = tx.db.lastInsertedRowID
                let seq = try tx.emit(BenchRowWritten(row: row, payload: args.payload, emittedNs: Int64(nowNanos()))).seq
                if first == 0 { first = seq }
                last = seq
            }
            return .init(firstSeq: first, lastSeq: last, lastRow: row)
        }
        registry.read(BenchRead.self) { args, ctx in
            let statement = try ctx.db.cachedStatement(sql: "SELECT id, payload FROM rows WHERE id = ?")
            guard let found = try Row.fetchOne(statement, arguments: [args.row]) else {
                throw CommandError.notFound("no row \(args.row)", field: "row")
            }
            return .init(row: found["id"], payload: found["payload"])
        }
    }
}

/// Watches a follower apply events: when each was applied (by the handler, inside the
/// follower's transaction) and, while recording, how long after its emission.
final class ApplyProbe: Sendable {
    private struct State {
        var lastSeq: Int64 = 0
        var applied = 0
        var recording = false
        var delays: [UInt64] = []
    }

    private let state = Mutex(State())
    /// Closed, it holds the follower's handler before the next event it applies (inside the
    /// follower's transaction), so that events queue up on the follower's socket meanwhile. Open
    /// at start.
    let hold = Gate()

    init() {}

    func applied(seq: Int64, emittedNs: Int64) {
        let now = nowNanos()
        state.withLock { s in
            s.lastSeq = max(s.lastSeq, seq)
            s.applied += 1
            if s.recording { s.delays.append(now &- UInt64(clamping: emittedNs)) }
        }
    }

    var lastSeq: Int64 { state.withLock { $0.lastSeq } }
    var appliedCount: Int { state.withLock { $0.applied } }

    func startRecording(capacity: Int) {
        state.withLock { s in
            s.delays.removeAll()
            s.delays.reserveCapacity(capacity)
            s.recording = true
        }
    }

    /// Stops recording and returns the delays recorded (ns).
    func stopRecording() -> [UInt64] {
        state.withLock { s in
            s.recording = false
            let delays = s.delays
            s.delays = []
            return delays
        }
    }
}

/// Copies each `bench.row.written` into the follower's `applied` table.
struct FollowerHandler: EventHandler {
    let probe: ApplyProbe

    /// The handler's statement (the apply floor runs it too).
    static let insertSQL = "INSERT INTO applied (seq, row, payload) VALUES (?, ?, ?)"

    func apply(_ event: EventEnvelope, in transaction: ServiceTransaction) throws {
        guard event.type == BenchRowWritten.eventType else { return }
        probe.hold.pass()
        let written = try event.decodeData(BenchRowWritten.self)
        try transaction.db.cachedStatement(sql: Self.insertSQL)
            .execute(arguments: [event.seq, written.row, written.payload])
        probe.applied(seq: event.seq ?? 0, emittedNs: written.emittedNs)
    }
}

struct BenchFollowerService: ServiceDefinition {
    let name = "benchfollower"
    let version = "bench"
    let sourceCommands: String
    let sourceEvents: String
    let probe: ApplyProbe
    let pageSize: Int

    var migrations: [ServiceMigration] {
        [
            ServiceMigration("benchfollower-v1") { db in
                try db.execute(sql: "CREATE TABLE applied (seq INTEGER PRIMARY KEY, row INTEGER NOT NULL, payload TEXT NOT NULL)")
            }
        ]
    }

    var follows: [Follow] {
        [Follow("bench", handler: FollowerHandler(probe: probe), replayPageSize: pageSize, replayTimeout: .seconds(10))]
    }

    /// Where the followed `bench` source is reached.
    var peers: [String: PeerEndpoints] { ["bench": PeerEndpoints(commands: sourceCommands, events: sourceEvents)] }

    func registerCommands(in registry: inout CommandRegistry) {}
}

/// A service running in this process (the harness's `InProcessService`: free loopback ports, a
/// scratch data directory), with what the bench needs on top: a blocking `stop()` for its
/// synchronous scenarios, and the subscription cursor read straight from the database.
final class HostedService {
    let service: InProcessService
    var host: ServiceHost { service.host }
    private var stopped = false

    init(
        _ definition: some ServiceDefinition, logLevel: Logger.Level, metrics: Bool = true, peers: [String: PeerEndpoints] = [:],
        security: SecurityConfiguration = SecurityConfiguration()
    ) throws {
        _ = ServiceLauncher.makeLogger(label: "bench.\(definition.name)", level: logLevel)  // one stderr log format
        do {
            let peers = (definition as? BenchFollowerService)?.peers ?? peers
            service = try InProcessService(
                definition, heartbeat: .seconds(1), logLevel: logLevel, peers: peers, metrics: metrics, security: security)
        } catch {
            throw BenchFailure("cannot start \(definition.name): \(error)")
        }
    }

    var commandsEndpoint: String { service.commandsEndpoint }
    var eventsEndpoint: String { service.eventsEndpoint }

    /// The last seq this service's subscription to `source` committed (0 before any).
    func cursor(_ source: String) throws -> Int64 {
        try host.store.lastApplied(from: source)
    }

    /// Polls the cursor every millisecond until it reaches `seq`; returns the monotonic time it
    /// was seen there, or throws after `timeout` seconds.
    func waitForCursor(_ source: String, atLeast seq: Int64, timeout: Double) throws -> UInt64 {
        let deadline = nowNanos() + nanos(seconds: timeout)
        while true {
            let now = nowNanos()
            let reached = try cursor(source)
            if reached >= seq { return now }
            if now > deadline {
                throw BenchFailure("\(host.name) applied \(source) events up to seq \(reached) of \(seq) within \(Int(timeout)) s")
            }
            usleep(1000)
        }
    }

    /// Stops the service and waits until it has; its data directory goes with it. Idempotent.
    func stop() {
        guard !stopped else { return }
        stopped = true
        stopAndRemove(service)
    }

    deinit { stop() }
}

/// Stops a service run in this process (`InProcessService`, a `StubSource`'s too), waits until it
/// has, and removes its scratch data directory. The harness removes that directory when the last
/// reference to the service goes, which the stopping task may hold until after this process has
/// exited; the bench leaves nothing behind.
func stopAndRemove(_ service: InProcessService) {
    waitFor { await service.stop() }
    try? FileManager.default.removeItem(atPath: service.dataDirectory)
}
