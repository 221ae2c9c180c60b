import Foundation
import GRDB
import ODOPClient
import ODOPMessages
import ODOPRuntime
import Synchronization

/// The pieces of a `bench.read` besides the sockets, each alone on one thread: the point read,
/// the hand-off to a read thread and back, the service's codec and the client's.
enum ReadFloors {
    /// `bench.read`'s statement for random keys in 1...`rows`, the row made into the handler's
    /// result: each on a pool read of its own (`ServiceStore.read`: a reader connection and a read
    /// transaction, as the runtime answers a read) when `poolReadEach`, else all in one pool read
    /// (the statement alone).
    static func pointRead(store: ServiceStore, rows: Int, operations: Int, poolReadEach: Bool) -> FloorWork {
        FloorWork(operations: operations) { run in
            var random = CheapRandom(seed: UInt64(run + 7))
            let keys = (0..<operations).map { _ in Int64(random.next(below: rows) + 1) }
            return {
                func fetch(_ db: Database, _ key: Int64) throws {
                    let statement = try db.cachedStatement(sql: "SELECT id, payload FROM rows WHERE id = ?")
                    let result = try Row.fetchOne(statement, arguments: [key]).map {
                        BenchRead.Result(row: $0["id"], payload: $0["payload"])
                    }
                    guard result != nil else { throw BenchFailure("no row \(key)") }
                }
                if poolReadEach {
                    for key in keys { try store.read { db in try fetch(db, key) } }
                } else {
                    try store.read { db in for key in keys { try fetch(db, key) } }
                }
            }
        }
    }

    /// One request handed to a worker thread and its answer handed back, with the primitives the
    /// runtime's read path uses (see `HandOffPair`). The CPU figure counts both threads. With
    /// `cores`, the caller and the worker are pinned to those cores (sched_setaffinity) while
    /// measured; without, the scheduler places them, as it does the runtime's threads.
    static func handOff(operations: Int, repeats: Int, cores: (caller: Int, worker: Int)? = nil) throws -> FloorMeasure {
        let pair = try HandOffPair(workerCore: cores?.worker)
        defer { pair.close() }
        let saved = cores.flatMap { pinCallingThread(to: $0.caller) }
        defer { restoreCallingThreadAffinity(saved) }
        return try measureFloor(repeats: repeats, operations: operations) { _ in
            {
                for index in 0..<operations where pair.roundTrip(index) != index {
                    throw BenchFailure("the hand-off answered another job")
                }
            }
        }
    }

    /// The service's codec of a `bench.read`, as the runtime runs it: parse the request frame
    /// (`CommandRequest.parse`), decode the arguments (`BenchRead.decodeArguments`), encode the
    /// result (`WireFormat.encode`) and the reply frame (`CommandReply.successFrame`).
    static func serviceCodec(payload: String, operations: Int, repeats: Int) throws -> FloorMeasure {
        let frame = try CommandRequest.make(id: RandomUUID.string(), command: BenchRead.name, args: BenchRead.Arguments(row: 4242))
            .encoded()
        return try measureFloor(repeats: repeats, operations: operations) { _ in
            {
                var bytes = 0
                for _ in 0..<operations {
                    guard case .success(let request) = CommandRequest.parse(frame) else { throw BenchFailure("the request did not parse") }
                    let args = try BenchRead.decodeArguments(request.args)
                    let result = try WireFormat.encode(BenchRead.Result(row: args.row, payload: payload))
                    bytes &+= CommandReply.successFrame(id: request.id, resultJSON: result).count
                }
                if bytes == 0 { throw BenchFailure("no reply was encoded") }
            }
        }
    }

    /// The client's codec of a `bench.read`, as `CommandClient.call` runs it: a fresh request id
    /// (`CommandClient.newRequestID`), the request (`CommandRequest.make`, `encoded()`), and the
    /// reply parsed against its id into the typed result (`CommandReply.parse(_:answering:)`,
    /// `result(as:)`).
    static func clientCodec(payload: String, operations: Int, repeats: Int) throws -> FloorMeasure {
        let replyID = RandomUUID.string()
        let reply = CommandReply.successFrame(
            id: replyID, resultJSON: try WireFormat.encode(BenchRead.Result(row: 4242, payload: payload)))
        return try measureFloor(repeats: repeats, operations: operations) { _ in
            {
                var bytes = 0
                for index in 0..<operations {
                    let request = try CommandRequest.make(
                        id: CommandClient.newRequestID(), command: BenchRead.name, args: BenchRead.Arguments(row: Int64(index)))
                    bytes &+= try request.encoded().count
                    let result = try CommandReply.parse(reply, answering: replyID).result(as: BenchRead.Result.self)
                    bytes &+= result.payload.utf8.count
                }
                if bytes == 0 { throw BenchFailure("nothing was encoded") }
            }
        }
    }
}

/// Two threads handing work back and forth as the runtime's read path does (`ReadWorkers` and
/// `ReplyOutbox` with `Wakeup`, all internal to the runtime, rebuilt here from the same
/// primitives): the caller (the command thread) appends a job under a lock and signals a
/// semaphore; the worker wakes, takes the job, appends its answer under a lock and, when the
/// outbox was empty, writes a byte to a pipe; the caller, in poll(2) on the pipe's read end (the
/// command thread polls it beside its socket), drains the pipe and takes the answers.
final class HandOffPair {
    private final class Shared: Sendable {
        let jobs = Mutex<[Int]>([])
        let answers = Mutex<[Int]>([])
        let available = DispatchSemaphore(value: 0)
        let stopping = Atomic<Bool>(false)
        let readEnd: Int32
        let writeEnd: Int32

        init(readEnd: Int32, writeEnd: Int32) {
            self.readEnd = readEnd
            self.writeEnd = writeEnd
        }
    }

    private let shared: Shared
    private let worker: WorkerThread
    private var closed = false

    /// `workerCore`: the core the worker thread pins itself to (nil: not pinned).
    init(workerCore: Int? = nil) throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw BenchFailure("pipe(): \(String(cString: strerror(errno)))") }
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        let shared = Shared(readEnd: fds[0], writeEnd: fds[1])
        self.shared = shared
        worker = WorkerThread(name: "floor-hand-off") {
            if let workerCore { _ = pinCallingThread(to: workerCore) }
            while true {
                shared.available.wait()
                let job = shared.jobs.withLock { $0.isEmpty ? nil : $0.removeFirst() }
                guard let job else {
                    if shared.stopping.load(ordering: .acquiring) { return }
                    continue
                }
                let wasEmpty = shared.answers.withLock { answers in
                    let wasEmpty = answers.isEmpty
                    answers.append(job)
                    return wasEmpty
                }
                if wasEmpty {
                    var byte: UInt8 = 1
                    _ = write(shared.writeEnd, &byte, 1)
                }
            }
        }
    }

    /// Hands `job` to the worker and waits for it to come back.
    func roundTrip(_ job: Int) -> Int {
        shared.jobs.withLock { $0.append(job) }
        shared.available.signal()
        var item = pollfd(fd: shared.readEnd, events: Int16(POLLIN), revents: 0)
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            _ = poll(&item, 1, 1000)
            while read(shared.readEnd, &buffer, buffer.count) > 0 {}
            let taken = shared.answers.withLock { answers in
                let taken = answers
                answers.removeAll(keepingCapacity: true)
                return taken
            }
            if let answer = taken.first { return answer }
        }
    }

    func close() {
        guard !closed else { return }
        closed = true
        shared.stopping.store(true, ordering: .releasing)
        shared.available.signal()
        worker.join()
        Glibc.close(shared.readEnd)
        Glibc.close(shared.writeEnd)
    }

    deinit { close() }
}

/// glibc's `sched_getaffinity` / `sched_setaffinity` (pid 0: the calling thread), looked up at run
/// time: Swift's Glibc module leaves the GNU extensions out.
private typealias AffinityCall = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
private func affinityCall(_ name: String) -> AffinityCall? {
    dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: AffinityCall.self) }
}

/// Pins the calling thread to `core` and returns its affinity before (for
/// `restoreCallingThreadAffinity`); nil when the calls are not there.
func pinCallingThread(to core: Int) -> cpu_set_t? {
    guard let get = affinityCall("sched_getaffinity"), let set = affinityCall("sched_setaffinity") else { return nil }
    var saved = cpu_set_t()
    _ = get(0, MemoryLayout<cpu_set_t>.size, &saved)
    var pinned = cpu_set_t()
    withUnsafeMutableBytes(of: &pinned) { bytes in
        bytes.storeBytes(of: UInt64(1) << UInt64(core % 64), toByteOffset: (core / 64) * 8, as: UInt64.self)
    }
    _ = set(0, MemoryLayout<cpu_set_t>.size, &pinned)
    return saved
}

func restoreCallingThreadAffinity(_ saved: cpu_set_t?) {
    guard var saved, let set = affinityCall("sched_setaffinity") else { return }
    _ = set(0, MemoryLayout<cpu_set_t>.size, &saved)
}
