import Foundation
import GRDB

/// Replies to mutating commands kept in the database (`odop_command_replies`) so that a request
/// retried with the same id, even after a restart, is answered instead of applied again.
///
/// A reply is stored in the transaction of the command that produced it, so it exists exactly
/// when the command's change does. Replies older than the retention are pruned.
enum StoredReplies {
    static func reply(requestID: String, _ db: Database) throws -> Data? {
        try Data.fetchOne(
            db.cachedStatement(sql: "SELECT reply FROM \(RuntimeSchema.commandReplies) WHERE request_id = ?"),
            arguments: [requestID])
    }

    static func store(_ reply: Data, requestID: String, command: String, _ db: Database) throws {
        try db.cachedStatement(
            sql: "INSERT INTO \(RuntimeSchema.commandReplies) (request_id, command, reply, created_at) VALUES (?, ?, ?, ?)"
        )
        .execute(arguments: [requestID, command, reply, Date().timeIntervalSince1970])
    }

    /// Removes replies stored before `cutoff` (seconds since 1970).
    static func prune(before cutoff: Double, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM \(RuntimeSchema.commandReplies) WHERE created_at < ?", arguments: [cutoff])
    }
}
