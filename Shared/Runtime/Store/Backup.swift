import Foundation
import GRDB
import ODOPMessages

extension ServiceStore {
    /// Writes an online copy of the database to `path` (SQLite's backup API: writers go on
    /// meanwhile and the copy is one consistent snapshot) and gives the copy a new epoch, so
    /// that a service restored from it does not pass for the source its subscribers followed.
    /// Refuses (`invalid_argument`, field `path`) a path whose directory does not exist, and
    /// (`conflict`) one that exists already.
    func backup(to path: String) throws -> BackupResult {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw CommandError.invalidArgument("field 'path': the directory of \(path) does not exist on the service's host", field: "path")
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CommandError.conflict("\(path) exists already; a backup never overwrites a file", field: "path")
        }
        let copy = try DatabaseQueue(path: path)
        try pool.backup(to: copy)
        let epoch = RandomUUID.string()
        let lastSeq = try copy.write { db in
            try db.execute(sql: "UPDATE \(RuntimeSchema.source) SET epoch = ?", arguments: [epoch])
            return try eventLog.lastSeq(db: db)
        }
        try copy.close()
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
        return BackupResult(path: path, lastSeq: lastSeq, epoch: epoch, bytes: bytes)
    }
}
