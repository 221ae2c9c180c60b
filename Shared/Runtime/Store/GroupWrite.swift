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
                        var value: T?
                        try db.inSavepoint {
                            value = try write.body(transaction)
                            return .commit
                        }
                        results.append(.success(value!))
                        emitted.append(contentsOf: transaction.emitted)
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
