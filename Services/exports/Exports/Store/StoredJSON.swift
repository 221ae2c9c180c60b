import Foundation
import GRDB
import ODOPMessages

/// The JSON documents kept in the exports tables (plans, figures): written as on the wire.
enum StoredJSON {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        try WireFormat.encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }
}

/// SQL for a `state` filter that accepts the LGD name or the two-letter code, case-insensitively.
enum StateFilter {
    /// `(<name> = ? COLLATE NOCASE OR <code> = ? COLLATE NOCASE)`; bind the value twice.
    static func clause(name: String = "state", code: String = "state_code") -> String {
        "(\(name) = ? COLLATE NOCASE OR \(code) = ? COLLATE NOCASE)"
    }
}

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
