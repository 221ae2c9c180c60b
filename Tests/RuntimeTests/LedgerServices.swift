import Foundation
import GRDB
import ODOPMessages
import ODOPRuntime
import ODOPTesting

// Two small services that exercise the runtime the way the real ones do: `ledger` publishes an
// event per appended entry; `mirror` follows it and copies entries, refusing "poison" entries
// until they are cured (to make a handler fail on purpose).

struct EntryAppended: EventPayload, Equatable {
    static let eventType = "ledger.entry.appended"
    static let schemaVersion = 1
    var text: String
}

enum LedgerAppend: CommandSchema {
    static let name = "ledger.append"
    static let isMutating = true
    struct Arguments: Codable, Sendable { var texts: [String] }
    struct Result: Codable, Sendable, Equatable {
        var firstSeq: Int64
        var lastSeq: Int64
        var entries: Int
    }
}

enum LedgerCount: CommandSchema {
    typealias Arguments = NoArguments
    static let name = "ledger.count"
    static let isMutating = false
    struct Result: Codable, Sendable { var entries: Int }
}

/// A plain command that changes data (it would run its own transaction); the ledger's handler
/// waits at `LedgerService.hold` first, as such a command waits for the write lock.
enum LedgerHold: CommandSchema {
    typealias Arguments = NoArguments
    static let name = "ledger.hold"
    static let isMutating = true
    struct Result: Codable, Sendable {}
}

struct LedgerService: ServiceDefinition {
    let name = "ledger"
    let version = "test"
    /// Where `ledger.hold` waits (it passes at once without one).
    var hold: Gate? = nil
    var migrations: [ServiceMigration] {
        [
            ServiceMigration("ledger-v1") { db in
                try db.execute(sql: "CREATE TABLE entries (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL)")
            }
        ]
    }

    func registerCommands(in registry: inout CommandRegistry) {
        registry.write(LedgerAppend.self) { args, tx in
            guard !args.texts.isEmpty else { throw CommandError.invalidArgument("texts must not be empty", field: "texts") }
            var first: Int64 = 0
            var last: Int64 = 0
            for text in args.texts {
                try tx.db.execute(sql: "INSERT INTO entries (text) VALUES (?)", arguments: [text])
                let seq = try tx.emit(EntryAppended(text: text)).seq
                if first == 0 { first = seq }
                last = seq
            }
            let count = try Int.fetchOne(tx.db, sql: "SELECT COUNT(*) FROM entries") ?? 0
            return .init(firstSeq: first, lastSeq: last, entries: count)
        }
        registry.read(LedgerCount.self) { _, ctx in
            .init(entries: try Int.fetchOne(ctx.db, sql: "SELECT COUNT(*) FROM entries") ?? 0)
        }
        registry.plain(LedgerHold.self) { [hold] _, _ in
            hold?.pass()
            return .init()
        }
    }
}

enum MirrorContents: CommandSchema {
    typealias Arguments = NoArguments
    static let name = "mirror.contents"
    static let isMutating = false
    struct Result: Codable, Sendable {
        var seqs: [Int64]
        var texts: [String]
    }
}

enum MirrorCure: CommandSchema {
    static let name = "mirror.cure"
    static let isMutating = true
    struct Arguments: Codable, Sendable { var text: String }
    struct Result: Codable, Sendable { var cured: Bool }
}

struct PoisonRefused: Error, CustomStringConvertible {
    let text: String
    var description: String { "refusing poison entry \(text)" }
}

/// Copies ledger entries in the order applied; entries starting with "poison" fail until cured.
struct MirrorHandler: EventHandler {
    func apply(_ event: EventEnvelope, in transaction: ServiceTransaction) throws {
        guard event.type == EntryAppended.eventType else { return }
        let entry = try event.decodeData(EntryAppended.self)
        if entry.text.hasPrefix("poison") {
            let cured = try Bool.fetchOne(transaction.db, sql: "SELECT 1 FROM cures WHERE text = ?", arguments: [entry.text]) ?? false
            if !cured { throw PoisonRefused(text: entry.text) }
        }
        try transaction.db.execute(sql: "INSERT INTO applied (seq, text) VALUES (?, ?)", arguments: [event.seq, entry.text])
    }
}

struct MirrorService: ServiceDefinition {
    let name = "mirror"
    let version = "test"
    let ledgerCommands: String
    let ledgerEvents: String
    var maxAttempts = 3

    var migrations: [ServiceMigration] {
        [
            ServiceMigration("mirror-v1") { db in
                try db.execute(
                    sql: """
                        CREATE TABLE applied (n INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL, text TEXT NOT NULL);
                        CREATE TABLE cures (text TEXT PRIMARY KEY);
                        """)
            }
        ]
    }

    var follows: [Follow] {
        [Follow("ledger", handler: MirrorHandler(), maxAttempts: maxAttempts, replayPageSize: 500, replayTimeout: .seconds(2))]
    }

    /// Where the followed ledger is reached.
    var peers: [String: PeerEndpoints] { ["ledger": PeerEndpoints(commands: ledgerCommands, events: ledgerEvents)] }

    func registerCommands(in registry: inout CommandRegistry) {
        registry.read(MirrorContents.self) { _, ctx in
            let rows = try Row.fetchAll(ctx.db, sql: "SELECT seq, text FROM applied ORDER BY n")
            return .init(seqs: rows.map { $0["seq"] }, texts: rows.map { $0["text"] })
        }
        registry.write(MirrorCure.self) { args, tx in
            try tx.db.execute(sql: "INSERT OR IGNORE INTO cures (text) VALUES (?)", arguments: [args.text])
            return .init(cured: true)
        }
    }
}
