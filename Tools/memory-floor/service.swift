// What a service needs at least: grdb.swift's DatabasePool, a libzmq REP socket bound on
// loopback (a port the kernel picks) served by a Thread of its own, and a second Thread that
// idles; the main thread idles too.
import CZeroMQ
import Foundation
import GRDB

let pool = try DatabasePool(path: CommandLine.arguments[1])
try pool.write { db in
    try db.execute(sql: "CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, v TEXT)")
    try db.execute(sql: "INSERT INTO t(v) VALUES (?)", arguments: ["x"])
}
let count = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM t") ?? 0 }

nonisolated(unsafe) let context = zmq_ctx_new()
nonisolated(unsafe) let socket = zmq_socket(context, ZMQ_REP)
guard zmq_bind(socket, "tcp://127.0.0.1:*") == 0 else { fatalError("zmq_bind: \(errno)") }

let server = Thread {
    var buffer = [UInt8](repeating: 0, count: 256)
    while true {
        let received = zmq_recv(socket, &buffer, buffer.count, 0)
        if received >= 0 { zmq_send(socket, buffer, Int(received), 0) }
    }
}
server.start()
let idler = Thread { while true { sleep(1000) } }
idler.start()
print("ready \(count)")
fflush(stdout)
while true { sleep(1000) }
