import Foundation
import GRDB
import ODOPMessages

/// A service's own SQLite database (GRDB, WAL mode), one file in its data directory.
///
/// It holds the runtime's tables (the event log, stored replies, subscription cursors) beside
/// the service's domain tables, so that a domain change, its events, its stored reply and a
/// subscriber's cursor all commit in one transaction.
///
/// Writes are serialised; reads run concurrently with them (WAL). `write` publishes the events a
/// transaction emitted only after it committed, in commit order.
public final class ServiceStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    let eventLog: EventLog

    /// Opens (creating if needed) `<directory>/<service>.sqlite` and migrates it: the runtime's
    /// tables first, then `migrations` in order. Throws `StartupError.storage` when the directory
    /// cannot be created or the database cannot be opened or migrated.
    public init(directory: String, service: String, migrations: [ServiceMigration]) throws(StartupError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .dataDirectory(directory, String(describing: error))
        }
        path = (directory as NSString).appendingPathComponent("\(service).sqlite")
        let synchronous = try Self.synchronousMode()
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
            // Each command of a group runs in a savepoint, whose statement journal SQLite
            // otherwise spills to a temporary file once it passes 64 KiB: a file created,
            // written and deleted per group. In memory it costs no system call.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            var migrator = DatabaseMigrator()
            RuntimeSchema.register(in: &migrator)
            for migration in migrations {
                migrator.registerMigration(migration.identifier, migrate: migration.migrate)
            }
            try migrator.migrate(pool)
        } catch {
            throw .storage(path, String(describing: error))
        }
        do {
            epoch = try pool.read { try String.fetchOne($0, sql: "SELECT epoch FROM \(RuntimeSchema.source)") } ?? ""
        } catch {
            throw .storage(path, String(describing: error))
        }
        eventLog = EventLog(source: service, epoch: epoch)
    }

    /// SQLite's `synchronous` setting, from `ODOP_SYNCHRONOUS`: `normal` (the default: a commit is
    /// written to the WAL, which is synced at checkpoints; a power cut can lose the last commits,
    /// never corrupt) or `full` (the WAL is synced at every commit, so an acknowledged change
    /// survives a power cut; each commit, hence each group of writes, waits for an fsync).
    static func synchronousMode(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(StartupError) -> String {
        switch environment["ODOP_SYNCHRONOUS"]?.lowercased() {
        case nil, "", "normal": return "NORMAL"
        case "full": return "FULL"
        case let other?: throw .configuration("ODOP_SYNCHRONOUS must be normal or full, got \(other)")
        }
    }

    /// This database's epoch as an event source (see `RuntimeSchema`).
    public let epoch: String

    /// Opens the database of `definition` in `directory`, migrated as its host migrates it: the
    /// runtime's tables, the tables of the followers it declares, then its own.
    public convenience init(directory: String, definition: some ServiceDefinition) throws(StartupError) {
        var seen = Set<String>()
        let migrations = (definition.follows.flatMap(\.migrations) + definition.migrations).filter { seen.insert($0.identifier).inserted }
        try self.init(directory: directory, service: definition.name, migrations: migrations)
    }

    /// Runs `body` on a read-only snapshot, concurrently with writes.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    /// Runs `body` in one write transaction. Events it emits through the transaction are stored
    /// with it and handed to the publisher after the commit; nothing is published when it throws.
    public func write<T>(correlationId: String? = nil, traceparent: String? = nil, _ body: (ServiceTransaction) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            let transaction = ServiceTransaction(db: db, correlationId: correlationId, traceparent: traceparent, eventLog: eventLog)
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(transaction)
                return .commit
            }
            // Still inside the serialised writer: the publisher receives events in commit order.
            eventLog.didCommit(transaction.emitted)
            return result!
        }
    }

    /// The highest event seq committed so far (0 when there is none).
    public func lastSeq() throws -> Int64 {
        try pool.read { try eventLog.lastSeq(db: $0) }
    }
}

/// One migration of a service's domain schema. Identifiers are permanent: add new migrations,
/// never edit shipped ones.
public struct ServiceMigration: Sendable {
    public let identifier: String
    public let migrate: @Sendable (Database) throws -> Void

    public init(_ identifier: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        self.identifier = identifier
        self.migrate = migrate
    }
}

extension ServiceStore {
    /// The last seq applied from `source` by this service's subscription to it (0 when none).
    public func lastApplied(from source: String) throws -> Int64 {
        try read { try SubscriptionCursor.lastApplied(source: source, $0) }
    }
}
