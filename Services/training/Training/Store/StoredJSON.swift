import Foundation
import GRDB
import ODOPMessages

/// Records stored as their wire JSON in a `json` column, with the lookup columns beside it.
enum StoredJSON {
    static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try WireFormat.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// The record in `table` whose `key` column is `id`.
    static func fetch<T: Decodable>(_ type: T.Type, _ db: Database, table: String, key: String = "id", id: String) throws -> T? {
        guard let text = try String.fetchOne(db.cachedStatement(sql: "SELECT json FROM \(table) WHERE \(key) = ?"), arguments: [id]) else {
            return nil
        }
        return try decode(type, text)
    }

    /// Inserts a row: `columns` in order, with `json` first.
    static func insert<T: Encodable>(
        _ db: Database, table: String, record: T, columns: KeyValuePairs<String, (any DatabaseValueConvertible)?>
    ) throws {
        let names = ["json"] + columns.map(\.key)
        let marks = Array(repeating: "?", count: names.count).joined(separator: ", ")
        var values: [(any DatabaseValueConvertible)?] = [try text(record)]
        values += columns.map(\.value)
        try db.cachedStatement(sql: "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(marks))")
            .execute(arguments: StatementArguments(values))
    }

    /// Rewrites the row whose `key` is `id` with the record and the given columns.
    static func update<T: Encodable>(
        _ db: Database, table: String, key: String = "id", id: String, record: T,
        columns: KeyValuePairs<String, (any DatabaseValueConvertible)?>
    ) throws {
        let sets = (["json"] + columns.map(\.key)).map { "\($0) = ?" }.joined(separator: ", ")
        var values: [(any DatabaseValueConvertible)?] = [try text(record)]
        values += columns.map(\.value)
        values.append(id)
        try db.cachedStatement(sql: "UPDATE \(table) SET \(sets) WHERE \(key) = ?").execute(arguments: StatementArguments(values))
    }

    /// One page of a table's records by id, after `after`, filtered by equality on columns.
    static func page<T: Decodable & Encodable & Sendable & Equatable>(
        _ type: T.Type, _ db: Database, table: String, filters: [(String, any DatabaseValueConvertible)],
        after: String?, limit: Int
    ) throws -> TrainingPage<T> {
        var conditions = filters.map { "\($0.0) = ?" }
        var values: [any DatabaseValueConvertible] = filters.map(\.1)
        if let after {
            conditions.append("id > ?")
            values.append(after)
        }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        values.append(limit + 1)
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, json FROM \(table) \(clause) ORDER BY id LIMIT ?"),
            arguments: StatementArguments(values))
        let items = try rows.prefix(limit).map { try decode(type, $0["json"]) }
        let next: String? = rows.count > limit ? rows[limit - 1]["id"] : nil
        return TrainingPage(items: items, next: next)
    }
}
