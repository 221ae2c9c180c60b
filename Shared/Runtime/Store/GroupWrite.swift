import Foundation
import GRDB

/// One change of a group commit (`ServiceStore.writeGroup`): the body runs in a savepoint of its
/// own, with a `ServiceTransaction` whose emitted events carry `correlationId` and `traceparent`.
struct GroupWrite<T> {
    let correlationId: String?
    let traceparent: String?
    let body: (ServiceTransaction) throws -> T
}

extension ServiceStore {
    /// Runs `writes` in one write transaction, in order, each in its own savepoint: a body that
    /// throws rolls back its own changes and events only (and so takes no seq), and its error is
    /// its result. `beforeCommit` runs after the last body, before COMMIT. After the commit, the
    /// events of the bodies that succeeded are handed to the publisher in commit order.
    ///
    /// Throws, keeping nothing of the group, when the transaction cannot begin or commit, or when
    /// SQLite itself rolled it back (a full disk inside a body).
    func writeGroup<T>(_ writes: [GroupWrite<T>], beforeCommit: (() -> Void)? = nil) throws -> [Result<T, any Error>] {
        try pool.writeWithoutTransaction { db in
            var results: [Result<T, any Error>] = []
            results.reserveCapacity(writes.count)
            var emitted: [CommittedEvent] = []
            try db.inTransaction(.immediate) {
                for write in writes {
                    let transaction = ServiceTransaction(
                        db: db, correlationId: write.correlationId, traceparent: write.traceparent, eventLog: eventLog)
                    do {
                        let value = try CommandSavepoint.run(in: db) { try write.body(transaction) }
                        results.append(.success(value))
                        emitted.append(contentsOf: transaction.emitted)
                    } catch let error as CommandSavepoint.RollbackFailed {
                        throw error.underlying
                    } catch {
                        guard db.isInsideTransaction else { throw error }
                        results.append(.failure(error))
                    }
                }
                beforeCommit?()
                return .commit
            }
            // Still inside the serialised writer: the publisher receives events in commit order.
            eventLog.didCommit(emitted)
            return results
        }
    }
}

/// One command's savepoint inside a group's transaction, run with cached statements: GRDB's
/// `inSavepoint` compiles `SAVEPOINT` and `RELEASE` from their text for every command (about
/// 28,000 instructions of a `bench.write`'s 343,000 on the writer thread, callgrind).
///
/// Contract: the body's changes are kept (`RELEASE`) when it returns, and undone (`ROLLBACK TO`,
/// then `RELEASE`) when it throws, and its error is rethrown. If SQLite itself ended the whole
/// transaction (a full disk), nothing is left to undo and the error is rethrown as it is. If
/// the undo fails with the transaction still open, the body's changes may still be there, so
/// `RollbackFailed` is thrown: the caller must then give up the whole transaction. The savepoint
/// statements run as GRDB statements, so GRDB keeps track of them as it does of its own.
enum CommandSavepoint {
    struct RollbackFailed: Error {
        let underlying: any Error
    }

    static func run<T>(in db: Database, _ body: () throws -> T) throws -> T {
        try db.cachedStatement(sql: "SAVEPOINT odop_command").execute()
        let value: T
        do {
            value = try body()
        } catch {
            guard db.isInsideTransaction else { throw error }
            do {
                try db.cachedStatement(sql: "ROLLBACK TRANSACTION TO SAVEPOINT odop_command").execute()
                try db.cachedStatement(sql: "RELEASE SAVEPOINT odop_command").execute()
            } catch let undo {
                throw RollbackFailed(underlying: undo)
            }
            throw error
        }
        do {
            try db.cachedStatement(sql: "RELEASE SAVEPOINT odop_command").execute()
        } catch {
            // RELEASE of a savepoint inside a transaction writes nothing; should it fail all the
            // same, the body's changes cannot be told apart from the group's: give it all up.
            throw RollbackFailed(underlying: error)
        }
        return value
    }
}
