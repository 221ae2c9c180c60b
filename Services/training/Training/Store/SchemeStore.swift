import GRDB
import ODOPMessages

/// Schemes and their versions. Every version is kept; `scheme_heads` points at the current one.
struct SchemeStore {
    let db: Database

    func insert(_ scheme: TrainingScheme) throws {
        try db.execute(
            sql: "INSERT INTO schemes (scheme_id, version, json) VALUES (?, ?, ?)",
            arguments: [scheme.schemeId, scheme.version, try StoredJSON.text(scheme)])
        try db.execute(
            sql: """
                INSERT INTO scheme_heads (scheme_id, version) VALUES (?, ?)
                ON CONFLICT(scheme_id) DO UPDATE SET version = excluded.version
                """, arguments: [scheme.schemeId, scheme.version])
    }

    /// The scheme at `version`, or its current version.
    func scheme(_ id: String, version: Int? = nil) throws -> TrainingScheme? {
        let sql =
            version == nil
            ? "SELECT s.json FROM schemes s JOIN scheme_heads h ON h.scheme_id = s.scheme_id AND h.version = s.version WHERE s.scheme_id = ?"
            : "SELECT json FROM schemes WHERE scheme_id = ? AND version = ?"
        var arguments: StatementArguments = [id]
        if let version { arguments += [version] }
        guard let text = try String.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) else { return nil }
        return try StoredJSON.decode(TrainingScheme.self, text)
    }

    /// The scheme's current version, or `not_found` naming `field`.
    func require(_ id: String, version: Int? = nil, field: String = "schemeId") throws -> TrainingScheme {
        guard let scheme = try scheme(id, version: version) else {
            if let version, try self.scheme(id) != nil {
                throw CommandError.notFound("scheme \(id) has no version \(version)", field: "version")
            }
            throw CommandError.notFound("no scheme \"\(id)\"", field: field)
        }
        return scheme
    }

    func current() throws -> [TrainingScheme] {
        try String.fetchAll(
            db,
            sql: """
                SELECT s.json FROM schemes s JOIN scheme_heads h ON h.scheme_id = s.scheme_id AND h.version = s.version
                ORDER BY s.scheme_id
                """
        ).map { try StoredJSON.decode(TrainingScheme.self, $0) }
    }
}
