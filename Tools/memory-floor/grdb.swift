// Swift + GRDB: a DatabasePool (WAL) opened on the path given, a table created, one row written
// and read back, then idles.
import Foundation
import GRDB

let pool = try DatabasePool(path: CommandLine.arguments[1])
try pool.write { db in
    try db.execute(sql: "CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, v TEXT)")
    try db.execute(sql: "INSERT INTO t(v) VALUES (?)", arguments: ["x"])
}
let count = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM t") ?? 0 }
print("ready \(count)")
fflush(stdout)
while true { sleep(1000) }
