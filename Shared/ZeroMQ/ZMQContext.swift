import CZeroMQ
import Foundation
import Synchronization

/// A libzmq context: the owner of I/O threads and the factory of sockets.
///
/// The context is thread-safe; the sockets it makes are not (see `ZMQSocket`).
/// New sockets default to a linger of 0 (`ZMQ_BLOCKY` off), so that closing a socket with
/// unsent messages never blocks and `terminate()` never waits for a peer that is gone.
///
/// `terminate()` never deadlocks: it sets a linger of 0 on every socket still open, shuts the
/// context down (any call blocked in another thread returns `ETERM`), closes those sockets,
/// then terminates. Owners
/// should still stop using their sockets before terminating; closing leftovers is a safety net
/// for sockets that were forgotten, not a way to interrupt a thread that is using one.
public final class ZMQContext: Sendable {
    nonisolated(unsafe) let handle: UnsafeMutableRawPointer
    private let state = Mutex(State())

    private struct State {
        var terminated = false
        var sockets: [ObjectIdentifier: WeakSocket] = [:]
    }

    private struct WeakSocket: @unchecked Sendable {
        weak var socket: ZMQSocket?
    }

    /// Creates a context with `ioThreads` background I/O threads.
    public init(ioThreads: Int32 = 1) throws(ZMQError) {
        guard let ctx = zmq_ctx_new() else { throw ZMQError.last("zmq_ctx_new") }
        handle = ctx
        try check(zmq_ctx_set(ctx, ZMQ_IO_THREADS, ioThreads), "zmq_ctx_set IO_THREADS")
        try check(zmq_ctx_set(ctx, ZMQ_BLOCKY, 0), "zmq_ctx_set BLOCKY")
    }

    deinit { terminate() }

    /// Makes a socket of the given type. Its linger is 0 unless set otherwise.
    public func socket(_ type: SocketType) throws(ZMQError) -> ZMQSocket {
        guard let raw = zmq_socket(handle, type.rawValue) else {
            throw ZMQError.last("zmq_socket \(type)")
        }
        let socket = ZMQSocket(handle: raw, type: type, context: self)
        let registered = state.withLock { state -> Bool in
            guard !state.terminated else { return false }
            state.sockets[ObjectIdentifier(socket)] = WeakSocket(socket: socket)
            return true
        }
        if !registered {
            socket.close()
            throw ZMQError(code: ETERM, operation: "zmq_socket \(type)")
        }
        return socket
    }

    func forget(_ socket: ZMQSocket) {
        state.withLock { _ = $0.sockets.removeValue(forKey: ObjectIdentifier(socket)) }
    }

    /// Whether `terminate()` has been called.
    public var isTerminated: Bool { state.withLock { $0.terminated } }

    /// Shuts down and terminates the context. Idempotent; returns promptly (see the type's
    /// documentation).
    public func terminate() {
        let leftovers: [ZMQSocket]? = state.withLock { state in
            guard !state.terminated else { return nil }
            state.terminated = true
            let open = state.sockets.values.compactMap(\.socket)
            state.sockets.removeAll()
            return open
        }
        guard let leftovers else { return }
        // An infinite linger on any open socket would block zmq_ctx_term forever, and linger can
        // no longer be changed once the context is shut down: force 0 first.
        for socket in leftovers where !socket.isClosed {
            try? socket.set(.linger(milliseconds: 0))
        }
        zmq_ctx_shutdown(handle)
        // A thread blocked in a call on one of these sockets now returns ETERM and closes it;
        // give such owners a moment to do so before closing what is left ourselves.
        let deadline = ContinuousClock.now + .milliseconds(200)
        while leftovers.contains(where: { !$0.isClosed }) && ContinuousClock.now < deadline {
            usleep(2_000)
        }
        for socket in leftovers { socket.close() }
        while zmq_ctx_term(handle) == -1 && zmq_errno() == EINTR {}
    }
}
