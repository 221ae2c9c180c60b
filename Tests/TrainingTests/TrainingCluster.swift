import Foundation
import GRDB
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing
import Training

/// `odop-catalogue` and `odop-training` as separate processes on free ports with their own data
/// directories, talking only over the wire. The catalogue holds a few real ODOP products; the
/// training service has its identity key file (mode 0600) and a clock file the test sets.
final class TrainingCluster: @unchecked Sendable {
    let catalogue: ServiceProcess
    let catalogueClient: CommandClient
    let secrets = TemporaryDirectory(prefix: "odop-training-secrets")
    let trainingDirectory = TemporaryDirectory(prefix: "odop-training-data")
    private(set) var training: ServiceProcess!
    private(set) var client: CommandClient!
    /// Product ids by name.
    private(set) var products: [String: String] = [:]

    var keyFile: URL { secrets.file("identity.key") }
    var clockFile: URL { secrets.file("clock") }

    /// The products the catalogue starts with: (state, district, name, sector).
    static let catalogueProducts = [
        ("Uttar Pradesh", "Firozabad", "Glass Items", "handicraft"),
        ("Uttar Pradesh", "Varanasi", "Banarasi Silk Saree", "handloom"),
        ("Uttar Pradesh", "Moradabad", "Metal Craft", "handicraft"),
        ("Uttar Pradesh", "Agra", "Leather Products", "manufacturing"),
        ("Bihar", "Madhubani", "Madhubani Painting", "handicraft"),
    ]

    /// With `keys`, odop-training is a CURVE server (key pair `training`, the allowlist as the
    /// test wrote it) and the cluster's client calls it with the key `client`.
    let keys: SecureDeployment?
    let clientKey: String

    init(today: String = "2026-03-02", keys: SecureDeployment? = nil, client: String = "admin1") throws {
        self.keys = keys
        clientKey = client
        catalogue = try ServiceProcess("catalogue").start()
        catalogueClient = try catalogue.client(timeout: .seconds(30))
        for (state, district, name, sector) in Self.catalogueProducts {
            _ = try catalogueClient.call(DistrictRegister.self, .init(state: state, name: district))
            products[name] = try catalogueClient.call(
                ProductRegister.self, .init(state: state, district: district, name: name, sector: sector)
            ).id
        }
        try Data((0..<48).map { _ in UInt8.random(in: 0...255) }).write(to: keyFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)
        try setClock(today)
        try startTraining()
    }

    func startTraining() throws {
        let process = ServiceProcess(
            "training", dataDirectory: trainingDirectory.path,
            environment: [
                "ODOP_CATALOGUE_COMMANDS": catalogue.commandsEndpoint, "ODOP_CATALOGUE_EVENTS": catalogue.eventsEndpoint,
                "ODOP_IDENTITY_KEY_FILE": keyFile.path, "ODOP_CLOCK_FILE": clockFile.path,
            ].merging(keys?.serverEnvironment("training") ?? [:]) { $1 })
        process.curve = keys?.clientKeys(clientKey, server: "training")
        training = try process.start()
        client = try training.client(timeout: .seconds(30))
        try waitUntilCaughtUp()
    }

    func stop() {
        training?.stop()
        catalogue.stop()
    }

    static func with(_ body: (TrainingCluster) throws -> Void) throws {
        let cluster = try TrainingCluster()
        defer { cluster.stop() }
        try body(cluster)
    }

    /// Sets the training service's "now": an IST date (10:00 IST) or an RFC 3339 instant.
    func setClock(_ text: String) throws {
        try Data(text.utf8).write(to: clockFile)
    }

    func waitUntilCaughtUp() throws {
        let target = try catalogueClient.call(Health.self, NoArguments()).lastSeq
        try eventually("odop-training applied catalogue events up to \(target)", timeout: .seconds(60)) {
            let status = try client.call(Health.self, NoArguments()).subscriptions.first { $0.source == "catalogue" }
            if status?.state == .stalled { throw CommandError.internalError("stalled: \(String(describing: status?.stalled))") }
            return (status?.lastAppliedSeq ?? 0) >= target
        }
    }

    // MARK: Commands

    func call<C: CommandSchema>(_ command: C.Type, _ args: C.Arguments) throws -> C.Result {
        try client.call(command, args)
    }

    /// The error `command` fails with; records an issue when it succeeds.
    func failure<C: CommandSchema>(_ command: C.Type, _ args: C.Arguments, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> CommandError
    {
        do {
            _ = try client.call(command, args)
        } catch {
            if error.code == .internal {
                Issue.record("\(C.name) failed with internal: \(error)\n\(training.logTail())", sourceLocation: sourceLocation)
            }
            return error
        }
        Issue.record("\(C.name) succeeded but should have failed", sourceLocation: sourceLocation)
        return CommandError.internalError("succeeded")
    }

    /// Expects `command` to be refused with `code` naming `field`, with nothing stored or emitted:
    /// the same lastSeq and the same content in every table of the database.
    @discardableResult
    func expectRefused<C: CommandSchema>(
        _ command: C.Type, _ args: C.Arguments, _ code: ErrorCode, field: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CommandError {
        let before = try census()
        let error = try failure(command, args, sourceLocation: sourceLocation)
        #expect(error.code == code, "\(C.name): \(error)", sourceLocation: sourceLocation)
        #expect(error.field == field, "\(C.name): \(error)", sourceLocation: sourceLocation)
        let after = try census()
        #expect(after.lastSeq == before.lastSeq, "\(C.name) refused emitted nothing", sourceLocation: sourceLocation)
        let grown = after.rowCounts.keys.filter { after.rowCounts[$0] != before.rowCounts[$0] }.sorted()
        #expect(grown.isEmpty, "\(C.name) refused stored nothing; rows changed in \(grown)", sourceLocation: sourceLocation)
        let changed = after.digest.keys.filter { after.digest[$0] != before.digest[$0] }.sorted()
        #expect(
            changed.isEmpty, "\(C.name) refused changed no record (versions included); changed: \(changed)", sourceLocation: sourceLocation)
        return error
    }

    func events(after: Int64 = 0) throws -> [EventEnvelope] {
        var events: [EventEnvelope] = []
        var cursor = after
        while true {
            let page = try client.call(EventsReplay.self, .init(after: cursor, limit: 10_000))
            events += page.events
            guard let last = page.events.last?.seq, last < page.lastSeq else { return events }
            cursor = last
        }
    }

    func lastSeq() throws -> Int64 { try client.call(Health.self, NoArguments()).lastSeq }

    // MARK: The database, read from outside

    var databasePath: String { trainingDirectory.file("training.sqlite").path }

    struct Census: Equatable {
        var lastSeq: Int64
        var rowCounts: [String: Int]
        var digest: [String: String]
    }

    /// Every table's row count and content, read directly from the service's database file.
    func census() throws -> Census {
        let queue = try DatabaseQueue(
            path: databasePath,
            configuration: {
                var c = Configuration()
                c.readonly = true
                return c
            }())
        defer { try? queue.close() }
        return try queue.read { db in
            var counts: [String: Int] = [:]
            var digest: [String: String] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1")
                counts[table] = rows.count
                digest[table] = rows.map(\.description).joined(separator: "\n")
            }
            return Census(lastSeq: try lastSeq(), rowCounts: counts, digest: digest)
        }
    }

    /// Copies the write-ahead log into the database file and truncates it (as SQLite does on its own
    /// from time to time).
    func checkpoint() throws {
        let queue = try DatabaseQueue(path: databasePath)
        defer { try? queue.close() }
        try queue.writeWithoutTransaction { db in _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// The stored replies (kept for idempotent retries), as text.
    func storedReplies() throws -> String {
        let queue = try DatabaseQueue(
            path: databasePath,
            configuration: {
                var c = Configuration()
                c.readonly = true
                return c
            }())
        defer { try? queue.close() }
        return try queue.read { db in
            try Data.fetchAll(db, sql: "SELECT reply FROM odop_command_replies").map { String(decoding: $0, as: UTF8.self) }.joined(
                separator: "\n")
        }
    }

    /// Which files of the data directory (database, -wal, -shm, the log) hold `needle`'s bytes.
    func filesHolding(_ needle: String) throws -> [String] {
        let bytes = Data(needle.utf8)
        return try FileManager.default.contentsOfDirectory(atPath: trainingDirectory.path).filter { name in
            guard let data = FileManager.default.contents(atPath: trainingDirectory.file(name).path) else { return false }
            return data.range(of: bytes) != nil
        }
    }
}
