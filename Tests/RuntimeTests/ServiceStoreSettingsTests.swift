import Foundation
import GRDB
import ODOPTesting
import Testing

@testable import ODOPRuntime

@Suite("a service store's SQLite settings")
struct ServiceStoreSettingsTests {
    @Test("writer and readers keep statement journals in memory (no temporary file per group) and sync as configured")
    func connectionSettings() throws {
        let directory = TemporaryDirectory()
        let store = try ServiceStore(directory: directory.path, service: "settings", migrations: [])
        let onReader = try store.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA temp_store"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        let onWriter = try store.write { transaction in
            (try Int.fetchOne(transaction.db, sql: "PRAGMA temp_store"), try Int.fetchOne(transaction.db, sql: "PRAGMA synchronous"))
        }
        // temp_store 2 = MEMORY; synchronous 1 = NORMAL (the default mode).
        #expect(onReader.0 == 2 && onWriter.0 == 2)
        #expect(onReader.1 == 1 && onWriter.1 == 1)
        #expect(try store.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test("ODOP_SYNCHRONOUS chooses normal or full; anything else stops the service at start")
    func synchronousSetting() throws {
        #expect(try ServiceStore.synchronousMode([:]) == "NORMAL")
        #expect(try ServiceStore.synchronousMode(["ODOP_SYNCHRONOUS": "Full"]) == "FULL")
        #expect(try ServiceStore.synchronousMode(["ODOP_SYNCHRONOUS": ""]) == "NORMAL")
        #expect(throws: StartupError.self) { try ServiceStore.synchronousMode(["ODOP_SYNCHRONOUS": "off"]) }
    }
}
