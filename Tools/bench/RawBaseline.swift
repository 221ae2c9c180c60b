import CZeroMQ
import Foundation
import Synchronization
import ZeroMQ

/// The raw libzmq baseline, written against the C API as libzmq's own perf tools are
/// (`local_lat`/`remote_lat`, `local_thr`/`remote_thr`): one context per side (as if two
/// processes), each side on its own thread, TCP loopback, fixed-size messages.
enum RawBaseline {
    /// A libzmq socket or context handed to the thread that uses it (libzmq allows moving a
    /// socket to another thread with a full memory barrier, which a thread start gives).
    struct Handle: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
    }

    static func check(_ rc: Int32, _ operation: String) throws {
        if rc == -1 { throw BenchFailure("\(operation): \(String(cString: zmq_strerror(zmq_errno())))") }
    }

    static func setInt(_ socket: UnsafeMutableRawPointer, _ option: Int32, _ value: Int32) throws {
        var v = value
        try check(zmq_setsockopt(socket, option, &v, MemoryLayout<Int32>.size), "zmq_setsockopt \(option)")
    }

    static func newContext() throws -> UnsafeMutableRawPointer {
        guard let context = zmq_ctx_new() else { throw BenchFailure("zmq_ctx_new failed") }
        return context
    }

    static func newSocket(_ context: UnsafeMutableRawPointer, _ type: Int32) throws -> UnsafeMutableRawPointer {
        guard let socket = zmq_socket(context, type) else {
            throw BenchFailure("zmq_socket: \(String(cString: zmq_strerror(zmq_errno())))")
        }
        try setInt(socket, ZMQ_LINGER, 0)
        return socket
    }

    /// Binds to a free loopback port and returns the endpoint.
    static func bindAnyPort(_ socket: UnsafeMutableRawPointer) throws -> String {
        try check(zmq_bind(socket, "tcp://127.0.0.1:*"), "zmq_bind")
        var buffer = [CChar](repeating: 0, count: 256)
        var size = buffer.count
        try check(zmq_getsockopt(socket, ZMQ_LAST_ENDPOINT, &buffer, &size), "zmq_getsockopt LAST_ENDPOINT")
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: REQ/REP round trip

    /// REQ/REP round trips of `size`-byte messages: an echoing REP thread (as `local_lat`) and a
    /// REQ thread timing each round trip (as `remote_lat`). Returns the timed samples (ns),
    /// after `warmup` untimed ones.
    static func requestReplyLatency(roundTrips: Int, warmup: Int, size: Int) throws -> [UInt64] {
        let serverContext = try newContext()
        let clientContext = try newContext()
        defer {
            zmq_ctx_term(serverContext)
            zmq_ctx_term(clientContext)
        }
        let rep = try newSocket(serverContext, ZMQ_REP)
        try setInt(rep, ZMQ_RCVTIMEO, 5000)
        let endpoint: String
        do { endpoint = try bindAnyPort(rep) } catch {
            zmq_close(rep)
            throw error
        }
        let total = roundTrips + warmup
        let serverError = Mutex<String?>(nil)
        let server = WorkerThread(
            name: "raw-rep",
            { [rep = Handle(pointer: rep)] in
                let message = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 1)
                zmq_msg_init(message)
                for _ in 0..<total {
                    if zmq_msg_recv(message, rep.pointer, 0) == -1 || zmq_msg_send(message, rep.pointer, 0) == -1 {
                        serverError.withLock { $0 = String(cString: zmq_strerror(zmq_errno())) }
                        break
                    }
                }
                zmq_msg_close(message)
                message.deallocate()
                zmq_close(rep.pointer)
            })
        let samples = Mutex<Result<[UInt64], BenchFailure>>(.failure(BenchFailure("the client did not run")))
        let client = WorkerThread(
            name: "raw-req",
            { [context = Handle(pointer: clientContext)] in
                let outcome: Result<[UInt64], BenchFailure>
                do {
                    let req = try newSocket(context.pointer, ZMQ_REQ)
                    defer { zmq_close(req) }
                    try setInt(req, ZMQ_RCVTIMEO, 5000)
                    try check(zmq_connect(req, endpoint), "zmq_connect")
                    var timings = [UInt64]()
                    timings.reserveCapacity(roundTrips)
                    var buffer = [UInt8](repeating: 0x5A, count: size)
                    try buffer.withUnsafeMutableBytes { bytes in
                        for i in 0..<total {
                            let t0 = nowNanos()
                            guard zmq_send(req, bytes.baseAddress, size, 0) == Int32(size),
                                zmq_recv(req, bytes.baseAddress, size, 0) == Int32(size)
                            else {
                                throw BenchFailure("raw REQ round trip \(i): \(String(cString: zmq_strerror(zmq_errno())))")
                            }
                            let t1 = nowNanos()
                            if i >= warmup { timings.append(t1 - t0) }
                        }
                    }
                    outcome = .success(timings)
                } catch let error as BenchFailure {
                    outcome = .failure(error)
                } catch {
                    outcome = .failure(BenchFailure("\(error)"))
                }
                samples.withLock { $0 = outcome }
            })
        client.join()
        server.join()
        if let error = serverError.withLock({ $0 }) { throw BenchFailure("raw REP server: \(error)") }
        return try samples.withLock { $0 }.get()
    }

    /// The same REQ/REP round trip through this project's Swift binding (`ZMQSocket.send(Data)`
    /// and `receive()`), to separate the binding's cost from the runtime's.
    static func bindingRequestReplyLatency(roundTrips: Int, warmup: Int, size: Int) throws -> [UInt64] {
        let serverContext = try ZMQContext()
        let clientContext = try ZMQContext()
        defer {
            serverContext.terminate()
            clientContext.terminate()
        }
        let rep = try serverContext.socket(.rep)
        try rep.set(.linger(milliseconds: 0), .receiveTimeout(milliseconds: 5000))
        try rep.bind("tcp://127.0.0.1:*")
        let endpoint = try rep.lastEndpoint
        let total = roundTrips + warmup
        let server = WorkerThread(name: "binding-rep") {
            defer { rep.close() }
            for _ in 0..<total {
                guard let request = try? rep.receive(), (try? rep.send(request)) == true else { return }
            }
        }
        let req = try clientContext.socket(.req)
        defer { req.close() }
        try req.set(.linger(milliseconds: 0), .receiveTimeout(milliseconds: 5000))
        try req.connect(endpoint)
        let payload = Data(repeating: 0x5A, count: size)
        var timings = [UInt64]()
        timings.reserveCapacity(roundTrips)
        for i in 0..<total {
            let t0 = nowNanos()
            guard try req.send(payload), let reply = try req.receive(), reply.count == size else {
                throw BenchFailure("binding REQ round trip \(i) timed out")
            }
            let t1 = nowNanos()
            if i >= warmup { timings.append(t1 - t0) }
        }
        server.join()
        return timings
    }

    // MARK: One-way throughput

    /// PUSH/PULL throughput of `count` messages of `size` bytes (as `local_thr`/`remote_thr`):
    /// the PULL side times from the first message to the last. Returns messages per second.
    static func pushPullThroughput(count: Int, size: Int) throws -> Double {
        let receiverContext = try newContext()
        let senderContext = try newContext()
        defer {
            zmq_ctx_term(receiverContext)
            zmq_ctx_term(senderContext)
        }
        let pull = try newSocket(receiverContext, ZMQ_PULL)
        try setInt(pull, ZMQ_RCVTIMEO, 5000)
        let endpoint: String
        do { endpoint = try bindAnyPort(pull) } catch {
            zmq_close(pull)
            throw error
        }
        let measured = Mutex<Result<UInt64, BenchFailure>>(.failure(BenchFailure("the receiver did not run")))
        let receiver = WorkerThread(
            name: "raw-pull",
            { [pull = Handle(pointer: pull)] in
                let message = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 1)
                zmq_msg_init(message)
                defer {
                    zmq_msg_close(message)
                    message.deallocate()
                    zmq_close(pull.pointer)
                }
                var start: UInt64 = 0
                for i in 0..<count {
                    guard zmq_msg_recv(message, pull.pointer, 0) == Int32(size) else {
                        let reason = String(cString: zmq_strerror(zmq_errno()))
                        measured.withLock { $0 = .failure(BenchFailure("raw PULL message \(i): \(reason)")) }
                        return
                    }
                    if i == 0 { start = nowNanos() }
                }
                let elapsed = nowNanos() - start
                measured.withLock { $0 = .success(elapsed) }
            })
        let senderError = Mutex<String?>(nil)
        let sender = WorkerThread(
            name: "raw-push",
            { [context = Handle(pointer: senderContext)] in
                do {
                    let push = try newSocket(context.pointer, ZMQ_PUSH)
                    defer { zmq_close(push) }
                    // Closing with linger 0 would drop what is still queued: let libzmq deliver it.
                    try setInt(push, ZMQ_LINGER, 10_000)
                    try check(zmq_connect(push, endpoint), "zmq_connect")
                    var buffer = [UInt8](repeating: 0x5A, count: size)
                    try buffer.withUnsafeMutableBytes { bytes in
                        for i in 0..<count where zmq_send(push, bytes.baseAddress, size, 0) != Int32(size) {
                            throw BenchFailure("raw PUSH message \(i): \(String(cString: zmq_strerror(zmq_errno())))")
                        }
                    }
                } catch {
                    senderError.withLock { $0 = "\(error)" }
                }
            })
        receiver.join()
        sender.join()
        if let error = senderError.withLock({ $0 }) { throw BenchFailure(error) }
        let elapsed = try measured.withLock { $0 }.get()
        return Double(count - 1) / seconds(elapsed)
    }

    // MARK: Many clients, one server thread

    /// `clients` REQ threads (sharing one client context, as in-process clients do) against one
    /// ROUTER thread that echoes each request: round trips per second over `duration`, the most
    /// a single-threaded server can answer on this machine before it does any work of its own.
    static func routerEchoThroughput(clients: Int, warmup: Double, duration: Double, size: Int) throws -> LoadOutcome {
        let serverContext = try newContext()
        let clientContext = try newContext()
        defer {
            zmq_ctx_term(serverContext)
            zmq_ctx_term(clientContext)
        }
        let router = try newSocket(serverContext, ZMQ_ROUTER)
        let endpoint: String
        do { endpoint = try bindAnyPort(router) } catch {
            zmq_close(router)
            throw error
        }
        let stop = Atomic<Bool>(false)
        let server = WorkerThread(
            name: "raw-router",
            { [router = Handle(pointer: router)] in
                let frames = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 4)
                for i in 0..<4 { zmq_msg_init(frames + i) }
                defer {
                    for i in 0..<4 { zmq_msg_close(frames + i) }
                    frames.deallocate()
                    zmq_close(router.pointer)
                }
                var item = zmq_pollitem_t(socket: router.pointer, fd: -1, events: Int16(ZMQ_POLLIN), revents: 0)
                while !stop.load(ordering: .relaxed) {
                    item.revents = 0
                    guard zmq_poll(&item, 1, 100) >= 0 else { continue }
                    while true {
                        // [identity, empty, body] from a REQ peer; echo the whole message back.
                        var received = 0
                        var more = true
                        while more && received < 4 {
                            let flags = received == 0 ? ZMQ_DONTWAIT : 0
                            if zmq_msg_recv(frames + received, router.pointer, flags) == -1 { break }
                            more = zmq_msg_more(frames + received) == 1
                            received += 1
                        }
                        if received == 0 { break }
                        for i in 0..<received {
                            _ = zmq_msg_send(frames + i, router.pointer, i < received - 1 ? ZMQ_SNDMORE : 0)
                        }
                    }
                }
            })
        let outcome = runClosedLoop(threads: clients, warmup: warmup, duration: duration, name: "raw-req") {
            [context = Handle(pointer: clientContext)] _ in
            let req = try newSocket(context.pointer, ZMQ_REQ)
            try setInt(req, ZMQ_RCVTIMEO, 5000)
            try check(zmq_connect(req, endpoint), "zmq_connect")
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
            buffer.initializeMemory(as: UInt8.self, repeating: 0x5A, count: size)
            let socket = SocketBox(req, buffer)
            return {
                guard zmq_send(socket.socket, socket.buffer, size, 0) == Int32(size),
                    zmq_recv(socket.socket, socket.buffer, size, 0) == Int32(size)
                else {
                    throw BenchFailure("raw REQ: \(String(cString: zmq_strerror(zmq_errno())))")
                }
            }
        }
        stop.store(true, ordering: .relaxed)
        server.join()
        return outcome
    }

    /// Owns a worker's REQ socket and buffer; closes and frees them when the worker's operation
    /// closure is released at the end of its thread.
    private final class SocketBox {
        let socket: UnsafeMutableRawPointer
        let buffer: UnsafeMutableRawPointer
        init(_ socket: UnsafeMutableRawPointer, _ buffer: UnsafeMutableRawPointer) {
            self.socket = socket
            self.buffer = buffer
        }
        deinit {
            zmq_close(socket)
            buffer.deallocate()
        }
    }
}

/// A raw libzmq REQ/REP pair that stays up between batches of round trips, so that a scenario
/// can interleave raw batches with its own (the machine's other load then weighs on both alike).
/// The REP side echoes on its own thread and context; the REQ side is used by the caller's thread.
final class RawEchoPair {
    private final class Flag: Sendable {
        let stop = Atomic<Bool>(false)
    }

    private let serverContext: UnsafeMutableRawPointer
    private let clientContext: UnsafeMutableRawPointer
    private let req: UnsafeMutableRawPointer
    private let flag = Flag()
    private let server: WorkerThread
    private var buffer: [UInt8]
    private var closed = false

    init(size: Int) throws {
        serverContext = try RawBaseline.newContext()
        clientContext = try RawBaseline.newContext()
        let rep = try RawBaseline.newSocket(serverContext, ZMQ_REP)
        let endpoint = try RawBaseline.bindAnyPort(rep)
        req = try RawBaseline.newSocket(clientContext, ZMQ_REQ)
        try RawBaseline.setInt(req, ZMQ_RCVTIMEO, 5000)
        try RawBaseline.check(zmq_connect(req, endpoint), "zmq_connect")
        buffer = [UInt8](repeating: 0x5A, count: size)
        server = WorkerThread(
            name: "raw-echo",
            { [rep = RawBaseline.Handle(pointer: rep), flag] in
                let message = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 1)
                zmq_msg_init(message)
                var item = zmq_pollitem_t(socket: rep.pointer, fd: -1, events: Int16(ZMQ_POLLIN), revents: 0)
                while !flag.stop.load(ordering: .relaxed) {
                    item.revents = 0
                    guard zmq_poll(&item, 1, 50) > 0 else { continue }
                    while zmq_msg_recv(message, rep.pointer, ZMQ_DONTWAIT) != -1 {
                        _ = zmq_msg_send(message, rep.pointer, 0)
                    }
                }
                zmq_msg_close(message)
                message.deallocate()
                zmq_close(rep.pointer)
            })
    }

    /// Times `count` round trips, appending each (ns) to `samples`.
    func roundTrips(_ count: Int, into samples: inout [UInt64]) throws {
        let size = buffer.count
        let req = self.req
        try buffer.withUnsafeMutableBytes { bytes in
            for i in 0..<count {
                let t0 = nowNanos()
                guard zmq_send(req, bytes.baseAddress, size, 0) == Int32(size),
                    zmq_recv(req, bytes.baseAddress, size, 0) == Int32(size)
                else {
                    throw BenchFailure("raw REQ round trip \(i): \(String(cString: zmq_strerror(zmq_errno())))")
                }
                samples.append(nowNanos() - t0)
            }
        }
    }

    func close() {
        guard !closed else { return }
        closed = true
        flag.stop.store(true, ordering: .relaxed)
        server.join()
        zmq_close(req)
        zmq_ctx_term(clientContext)
        zmq_ctx_term(serverContext)
    }

    deinit { close() }
}
