import GRDB

/// Statements run through the connection's statement cache: the subscription applies thousands
/// of events per transaction, and preparing the same few statements for each would dominate.
enum CachedSQL {
    static func execute(_ db: Database, sql: String, arguments: StatementArguments = []) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    static func row(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> Row? {
        try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    static func rows(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Row] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }

    static func value<T: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: T.Type, _ db: Database, sql: String, arguments: StatementArguments = []
    ) throws -> T? {
        try T.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    static func values<T: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: T.Type, _ db: Database, sql: String, arguments: StatementArguments = []
    ) throws -> [T] {
        try T.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }
}
