import Foundation
import GRDB
import ODOPClient
import ODOPMessages
import ODOPRuntime
import Synchronization

/// The statements one `bench.write` ran on the writer's connection, captured with SQLite's trace
/// (`Database.trace`) around a real `bench.write` of a `bench` service run in this process, and
/// the row it left in each table it inserted into (the templates of the replay's arguments).
struct CapturedWrite {
    /// Every statement the write ran, in order, as SQLite saw it (placeholders not expanded),
    /// transaction control included.
    var statements: [String]
    /// The newest row of each table the write inserted into, after it.
    var templates: [String: Row]

    /// The statements without BEGIN, COMMIT, SAVEPOINT and RELEASE (the replay runs its own).
    var work: [String] { statements.filter { !Self.isTransactionControl($0) } }

    static func isTransactionControl(_ sql: String) -> Bool {
        ["BEGIN", "COMMIT", "SAVEPOINT", "RELEASE", "ROLLBACK", "END"].contains { sql.uppercased().hasPrefix($0) }
    }
}

/// Statements seen by a trace while `recording`.
final class StatementLog: Sendable {
    private struct State {
        var recording = false
        var statements: [String] = []
    }
    private let state = Mutex(State())

    func record(_ sql: String) { state.withLock { if $0.recording { $0.statements.append(sql) } } }
    func start() { state.withLock { $0.recording = true } }
    func stop() { state.withLock { $0.recording = false } }
    var statements: [String] { state.withLock { $0.statements } }
}

extension BenchSession {
    /// Runs a `bench` service in this process, makes one untimed `bench.write`, then traces the
    /// writer's connection around a second one (a group of one: the command alone).
    func captureBenchWrite(payload: String) throws -> CapturedWrite {
        let service = try HostedService(BenchService(), logLevel: settings.serviceLogLevel, metrics: settings.metrics)
        defer { service.stop() }
        let client = try CommandClient(endpoint: service.commandsEndpoint, options: .init(timeout: .seconds(5), retries: 0))
        defer { client.close() }
        _ = try client.call(BenchWrite.self, .init(payload: payload, count: nil))
        let log = StatementLog()
        let store = service.host.store
        // ServiceStore.write runs on the pool's one writer connection, the one the writer uses.
        try store.write { transaction in
            transaction.db.trace(options: .statement) { event in
                if case .statement(let statement) = event { log.record(statement.sql) }
            }
        }
        log.start()
        _ = try client.call(BenchWrite.self, .init(payload: payload, count: nil))
        log.stop()
        try store.write { transaction in transaction.db.trace() }
        let statements = log.statements
        var templates: [String: Row] = [:]
        for sql in statements {
            guard let insert = InsertShape(sql), templates[insert.table] == nil else { continue }
            templates[insert.table] = try store.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM \(insert.table) ORDER BY rowid DESC LIMIT 1")
            }
        }
        return CapturedWrite(statements: statements, templates: templates)
    }
}

/// `INSERT INTO <table> (<columns>) VALUES (...)`: the table and the columns, in order.
struct InsertShape {
    let table: String
    let columns: [String]

    init?(_ sql: String) {
        guard sql.uppercased().hasPrefix("INSERT INTO ") else { return nil }
        let rest = sql.dropFirst("INSERT INTO ".count)
        guard let open = rest.firstIndex(of: "("), let close = rest.firstIndex(of: ")"), open < close else { return nil }
        table = rest[..<open].trimmingCharacters(in: .whitespaces)
        columns = rest[rest.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// Replays a captured `bench.write`: the same SQL strings, as cached statements, in the same
/// order, with equivalent arguments: each INSERT binds the values of the row the real write left
/// (same types and sizes: the envelope, the stored reply, the audit entry), except the keys that
/// must be new for every write (`request_id` and `correlation_id`: a fresh request id; the
/// event's text `id`: a fresh id; `seq`: the `MAX(seq)` just read + 1, as the event log does).
struct WriteReplay {
    private enum Step {
        case maxSeq(sql: String)
        case select(sql: String, bindsRequestID: Bool)
        case insert(sql: String, values: [(any DatabaseValueConvertible)?], requestID: [Int], eventID: [Int], seq: [Int])
    }

    private let steps: [Step]

    /// Throws when a captured statement is not one it knows how to give arguments to (then the
    /// floor would not be the same work: the runtime changed, and this replay must learn it).
    init(_ captured: CapturedWrite) throws {
        var steps: [Step] = []
        for sql in captured.work {
            let placeholders = sql.filter { $0 == "?" }.count
            if let insert = InsertShape(sql) {
                guard let template = captured.templates[insert.table], placeholders == insert.columns.count else {
                    throw BenchFailure("cannot replay \(sql): no row it wrote, or not one placeholder per column")
                }
                var values: [(any DatabaseValueConvertible)?] = []
                var requestID: [Int] = []
                var eventID: [Int] = []
                var seq: [Int] = []
                for (index, column) in insert.columns.enumerated() {
                    let value: DatabaseValue = template[column] ?? .null
                    values.append(value)
                    switch column {
                    case "request_id", "correlation_id": requestID.append(index)
                    case "id" where String.fromDatabaseValue(value) != nil: eventID.append(index)
                    case "seq": seq.append(index)
                    default: break
                    }
                }
                steps.append(.insert(sql: sql, values: values, requestID: requestID, eventID: eventID, seq: seq))
            } else if sql.uppercased().hasPrefix("SELECT") && sql.contains("MAX(seq)") && placeholders == 0 {
                steps.append(.maxSeq(sql: sql))
            } else if sql.uppercased().hasPrefix("SELECT") && (placeholders == 0 || (placeholders == 1 && sql.contains("request_id = ?"))) {
                steps.append(.select(sql: sql, bindsRequestID: placeholders == 1))
            } else {
                throw BenchFailure("cannot replay \(sql): a statement this floor does not know")
            }
        }
        self.steps = steps
    }

    /// Runs one write's statements in `db` (inside the caller's transaction or savepoint).
    func run(_ db: Database, requestID: String, eventID: String) throws {
        var maxSeq: Int64 = 0
        for step in steps {
            switch step {
            case .maxSeq(let sql):
                maxSeq = try Int64.fetchOne(db.cachedStatement(sql: sql)) ?? 0
            case .select(let sql, let bindsRequestID):
                _ = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: bindsRequestID ? [requestID] : [])
            case .insert(let sql, var values, let requestIDs, let eventIDs, let seqs):
                for index in requestIDs { values[index] = requestID }
                for index in eventIDs { values[index] = eventID }
                for index in seqs { values[index] = maxSeq + 1 }
                try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(values))
            }
        }
    }
}

/// How a write floor brackets each write inside its transaction.
enum WriteBracket: Equatable {
    /// Nothing: the writes of a transaction share it.
    case none
    /// GRDB's `Database.inSavepoint`, as `ServiceStore.writeGroup` did before the ninth pass.
    case grdbSavepoint
    /// `SAVEPOINT w` and `RELEASE SAVEPOINT w` run as cached statements, as
    /// `ServiceStore.writeGroup` does since the ninth pass (`CommandSavepoint`; no rollback path
    /// here: the replay does not fail).
    case cachedSavepoint
}

/// A bench database for the write floor: made and migrated by a real `ServiceStore` of the
/// `bench` service (the runtime's schema and the bench's table), and written through a second GRDB
/// `DatabasePool` on the same file opened as `ServiceStore` opens its own (WAL, busy timeout 10 s,
/// `synchronous` from `ODOP_SYNCHRONOUS`, default NORMAL) plus `temp_store = MEMORY` when asked
/// (where savepoints keep their sub-journals). The pragma can only be set outside a transaction,
/// which `ServiceStore`'s public API never is: hence the second pool.
final class FloorDatabase {
    let store: ServiceStore
    let pool: DatabasePool

    init(directory: String, memoryTempStore: Bool) throws {
        store = try ServiceStore(directory: directory, definition: BenchService())
        let synchronous = ProcessInfo.processInfo.environment["ODOP_SYNCHRONOUS"]?.lowercased() == "full" ? "FULL" : "NORMAL"
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
            if memoryTempStore { try db.execute(sql: "PRAGMA temp_store = MEMORY") }
        }
        pool = try DatabasePool(path: store.path, configuration: config)
    }

    /// `body` in one `BEGIN IMMEDIATE` … `COMMIT` on the writer connection, as
    /// `ServiceStore.writeGroup` runs a group.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }
}

/// Fresh floor databases in numbered directories under `root`, one at a time: `next()` closes
/// and removes the previous one and makes a new one, so that every run of a write floor starts
/// from an empty database, as the `writes` scenario's service does (a database grown over many
/// runs would make the floor slower than the figure it bounds).
final class FreshStores {
    private let root: String
    private let memoryTempStore: Bool
    private let setup: (FloorDatabase) throws -> Void
    private var counter = 0
    private var current: (database: FloorDatabase, path: String)?

    init(root: String, memoryTempStore: Bool = true, setup: @escaping (FloorDatabase) throws -> Void = { _ in }) {
        self.root = root
        self.memoryTempStore = memoryTempStore
        self.setup = setup
    }

    func next() throws -> FloorDatabase {
        removeCurrent()
        counter += 1
        let path = (root as NSString).appendingPathComponent("store-\(counter)")
        let database = try FloorDatabase(directory: path, memoryTempStore: memoryTempStore)
        try setup(database)
        current = (database, path)
        return database
    }

    private func removeCurrent() {
        guard let path = current?.path else { return }
        current = nil
        try? FileManager.default.removeItem(atPath: path)
    }

    deinit { removeCurrent() }
}

/// The write storage floor: `writes` replayed writes in transactions of `perTransaction`, each
/// bracketed as `bracket` says, with fresh request and event ids (time-ordered unless
/// `randomIDs`), on the calling thread, through `ServiceStore.write` (the pool's
/// writer connection, `BEGIN IMMEDIATE` … `COMMIT`), on the database `store()` gives for each run.
func writeFloorWork(
    _ replay: WriteReplay, store makeStore: @escaping () throws -> FloorDatabase, writes: Int, perTransaction: Int, bracket: WriteBracket,
    randomIDs: Bool = false
) -> FloorWork {
    FloorWork(operations: writes) { run in
        let store = try makeStore()
        // Time-ordered UUIDs, as CommandClient's request ids and the event log's event ids are
        // since the ninth pass; `randomIDs`: version 4 ones, as before it, each key on a page of
        // its own in its index.
        let newID = randomIDs ? RandomUUID.string : { TimeOrderedUUID.string() }
        let requestIDs = (0..<writes).map { _ in newID() }
        let eventIDs = (0..<writes).map { _ in newID() }
        return {
            var done = 0
            while done < writes {
                let count = min(perTransaction, writes - done)
                try store.write { db in
                    for index in done..<(done + count) {
                        switch bracket {
                        case .none:
                            try replay.run(db, requestID: requestIDs[index], eventID: eventIDs[index])
                        case .grdbSavepoint:
                            try db.inSavepoint {
                                try replay.run(db, requestID: requestIDs[index], eventID: eventIDs[index])
                                return .commit
                            }
                        case .cachedSavepoint:
                            try db.cachedStatement(sql: "SAVEPOINT w").execute()
                            try replay.run(db, requestID: requestIDs[index], eventID: eventIDs[index])
                            try db.cachedStatement(sql: "RELEASE SAVEPOINT w").execute()
                        }
                    }
                }
                done += count
            }
        }
    }
}

/// SQLite's own timing of each statement (`Database.trace(options: .profile)`) over one run of
/// `work` on `store`'s writer connection: microseconds per operation by SQL, largest first.
func profileStatements(store: FloorDatabase, _ work: FloorWork) throws -> [(sql: String, micros: Double)] {
    let totals = Mutex<[String: Double]>([:])
    store.pool.writeWithoutTransaction { db in
        db.trace(options: .profile) { event in
            if case .profile(let statement, let duration) = event {
                let sql = statement.sql
                totals.withLock { $0[sql, default: 0] += duration }
            }
        }
    }
    try work.prepare(1_000)()
    store.pool.writeWithoutTransaction { db in db.trace() }
    return totals.withLock { $0 }.map { (sql: $0.key, micros: $0.value * 1e6 / Double(work.operations)) }.sorted { $0.micros > $1.micros }
}

/// The source's side of a catch-up page: the stored envelopes after a seq, `pageSize` at a time,
/// each page one pool read (the SQL of the event log's `forEachEnvelope(after:limit:)`, copied).
func pageReadFloor(store: ServiceStore, events: Int, pageSize: Int, repeats: Int) throws -> FloorMeasure {
    let sql = "SELECT envelope FROM odop_events WHERE seq > ? ORDER BY seq LIMIT ?"
    return try measureFloor(repeats: repeats, operations: events) { _ in
        {
            var after: Int64 = 0
            while after < Int64(events) {
                let page = try store.read { db in
                    try Data.fetchAll(db.cachedStatement(sql: sql), arguments: [after, min(pageSize, events - Int(after))])
                }
                guard !page.isEmpty else { throw BenchFailure("the page after seq \(after) is empty") }
                after += Int64(page.count)
            }
        }
    }
}
