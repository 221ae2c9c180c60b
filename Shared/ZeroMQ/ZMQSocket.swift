import CZeroMQ
import Foundation
import Synchronization

/// A libzmq socket.
///
/// Not thread-safe: one thread uses a socket at a time. A socket may move to another thread
/// (libzmq allows it with a full memory barrier, which handing it over through a lock or a
/// thread start gives), which is why the type is `Sendable`. Close it exactly when its owner is
/// done; `close()` is idempotent and `deinit` closes a socket that was forgotten.
///
/// Sends and receives that would block, or whose timeout elapsed, return `false` / `nil`;
/// every other failure throws `ZMQError`.
public final class ZMQSocket: @unchecked Sendable {
    nonisolated(unsafe) let handle: UnsafeMutableRawPointer
    public let type: SocketType
    private let closed = Atomic<Bool>(false)
    private weak var context: ZMQContext?

    init(handle: UnsafeMutableRawPointer, type: SocketType, context: ZMQContext) {
        self.handle = handle
        self.type = type
        self.context = context
    }

    deinit { close() }

    // MARK: Lifecycle

    /// Closes the socket, dropping unsent messages after its linger. Idempotent.
    public func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        zmq_close(handle)
        context?.forget(self)
    }

    /// Whether `close()` has been called.
    public var isClosed: Bool { closed.load(ordering: .acquiring) }

    private func ensureOpen(_ operation: @autoclosure () -> String) throws(ZMQError) {
        if closed.load(ordering: .relaxed) { throw ZMQError(code: ENOTSOCK, operation: operation()) }
    }

    // MARK: Endpoints

    /// Binds to an endpoint such as `tcp://127.0.0.1:7101`, or `tcp://127.0.0.1:*` for a free
    /// port (read it back from `lastEndpoint`).
    public func bind(_ endpoint: String) throws(ZMQError) {
        try ensureOpen("bind \(endpoint)")
        try check(zmq_bind(handle, endpoint), "bind \(endpoint)")
    }

    public func unbind(_ endpoint: String) throws(ZMQError) {
        try ensureOpen("unbind \(endpoint)")
        try check(zmq_unbind(handle, endpoint), "unbind \(endpoint)")
    }

    /// Connects to an endpoint; libzmq connects (and reconnects) in the background.
    public func connect(_ endpoint: String) throws(ZMQError) {
        try ensureOpen("connect \(endpoint)")
        try check(zmq_connect(handle, endpoint), "connect \(endpoint)")
    }

    public func disconnect(_ endpoint: String) throws(ZMQError) {
        try ensureOpen("disconnect \(endpoint)")
        try check(zmq_disconnect(handle, endpoint), "disconnect \(endpoint)")
    }

    /// The endpoint last bound or connected, with a wildcard port resolved.
    public var lastEndpoint: String {
        get throws(ZMQError) {
            var buffer = [CChar](repeating: 0, count: 256)
            var size = buffer.count
            try check(zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size), "getsockopt LAST_ENDPOINT")
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    // MARK: Options

    /// Sets options in order. CURVE options apply only to later `bind`/`connect` calls.
    public func set(_ options: SocketOption...) throws(ZMQError) {
        try ensureOpen("setsockopt")
        for option in options {
            let rc: Int32
            switch option.value {
            case .int32(var v):
                rc = zmq_setsockopt(handle, option.name, &v, MemoryLayout<Int32>.size)
            case .int64(var v):
                rc = zmq_setsockopt(handle, option.name, &v, MemoryLayout<Int64>.size)
            case .bytes(let bytes):
                rc = bytes.withUnsafeBytes { zmq_setsockopt(handle, option.name, $0.baseAddress, $0.count) }
            }
            try check(rc, "setsockopt \(option.label)")
        }
    }

    func int32Option(_ name: Int32, _ label: String) throws(ZMQError) -> Int32 {
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        try check(zmq_getsockopt(handle, name, &value, &size), "getsockopt \(label)")
        return value
    }

    /// The linger in milliseconds (-1: forever).
    public var linger: Int32 { get throws(ZMQError) { try int32Option(ZMQ_LINGER, "LINGER") } }
    /// The receive timeout in milliseconds (-1: none).
    public var receiveTimeout: Int32 { get throws(ZMQError) { try int32Option(ZMQ_RCVTIMEO, "RCVTIMEO") } }
    /// The security mechanism in force: 0 none, 1 PLAIN, 2 CURVE.
    public var mechanism: Int32 { get throws(ZMQError) { try int32Option(ZMQ_MECHANISM, "MECHANISM") } }

    // MARK: Sending

    /// Sends one frame, copying `bytes`. Returns false when the send would block (`dontWait`)
    /// or the send timeout elapsed.
    @discardableResult
    public func send(_ bytes: UnsafeRawBufferPointer, more: Bool = false, dontWait: Bool = false) throws(ZMQError) -> Bool {
        try ensureOpen("send")
        let flags = (more ? ZMQ_SNDMORE : 0) | (dontWait ? ZMQ_DONTWAIT : 0)
        while true {
            if zmq_send(handle, bytes.baseAddress, bytes.count, flags) != -1 { return true }
            if try retries(after: "send on \(type)") { continue }
            return false
        }
    }

    /// Sends one frame. Large values are sent without copying (see `ZMQMessage(noCopy:)`).
    @discardableResult
    public func send(_ data: Data, more: Bool = false, dontWait: Bool = false) throws(ZMQError) -> Bool {
        if data.count >= ZMQMessage.zeroCopyThreshold {
            return try send(ZMQMessage(noCopy: data), more: more, dontWait: dontWait)
        }
        let result: Result<Bool, ZMQError> = data.withUnsafeBytes { buffer in
            do throws(ZMQError) { return .success(try send(buffer, more: more, dontWait: dontWait)) } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Sends one UTF-8 text frame.
    @discardableResult
    public func send(_ text: String, more: Bool = false, dontWait: Bool = false) throws(ZMQError) -> Bool {
        try send(Data(text.utf8), more: more, dontWait: dontWait)
    }

    /// Sends a message; on success libzmq takes its content and `message` is left empty.
    @discardableResult
    public func send(_ message: ZMQMessage, more: Bool = false, dontWait: Bool = false) throws(ZMQError) -> Bool {
        try ensureOpen("send")
        let flags = (more ? ZMQ_SNDMORE : 0) | (dontWait ? ZMQ_DONTWAIT : 0)
        while true {
            if zmq_msg_send(message.pointer, handle, flags) != -1 { return true }
            if try retries(after: "send on \(type)") { continue }
            return false
        }
    }

    /// Sends all frames as one multipart message (delivered whole or not at all). Returns false
    /// when the first frame would block; later frames of an accepted message do not block.
    @discardableResult
    public func send(multipart frames: [Data], dontWait: Bool = false) throws(ZMQError) -> Bool {
        guard let last = frames.last else { return true }
        return try send(frames.dropLast(), then: last, dontWait: dontWait)
    }

    /// Sends `frames`, then `last`, as one multipart message (a reply after the routing
    /// envelope it answers), as `send(multipart: frames + [last])` without building that array.
    @discardableResult
    public func send(multipart frames: [Data], then last: Data, dontWait: Bool = false) throws(ZMQError) -> Bool {
        try send(frames[...], then: last, dontWait: dontWait)
    }

    /// The one loop of both multipart sends: only the first frame may be refused as would-block.
    private func send(_ frames: ArraySlice<Data>, then last: Data, dontWait: Bool) throws(ZMQError) -> Bool {
        for (index, frame) in frames.enumerated() where try !send(frame, more: true, dontWait: dontWait && index == 0) {
            return false
        }
        return try send(last, more: false, dontWait: dontWait && frames.isEmpty)
    }

    // MARK: Receiving

    /// Receives one frame, or nil when none is waiting (`dontWait`) or the receive timeout
    /// elapsed. A signal does not end the wait.
    public func receiveMessage(dontWait: Bool = false) throws(ZMQError) -> ZMQMessage? {
        try ensureOpen("receive")
        let message = ZMQMessage()
        while true {
            if zmq_msg_recv(message.pointer, handle, dontWait ? ZMQ_DONTWAIT : 0) != -1 { return message }
            if try retries(after: "receive on \(type)") { continue }
            return nil
        }
    }

    /// After a failed send or receive: true to try again (a signal interrupted it), false when
    /// it would block or its timeout elapsed; any other failure is thrown. The first two are told
    /// from `errno` alone: building the error (libzmq's text, the operation) for the empty read
    /// that ends every burst of messages cost about 1,500 instructions.
    private func retries(after operation: @autoclosure () -> String) throws(ZMQError) -> Bool {
        let code = zmq_errno()
        if code == EINTR { return true }
        if code == EAGAIN { return false }
        throw ZMQError(code: code, operation: operation())
    }

    /// Receives one frame's bytes (see `receiveMessage`). Large frames are not copied.
    public func receive(dontWait: Bool = false) throws(ZMQError) -> Data? {
        guard let message = try receiveMessage(dontWait: dontWait) else { return nil }
        return message.count >= ZMQMessage.zeroCopyThreshold ? message.bytesNoCopy : message.bytes
    }

    /// Receives every frame of the next multipart message as messages (keeping their metadata,
    /// such as `User-Id`), or nil when none is waiting or the timeout elapsed.
    public func receiveMultipartMessages(dontWait: Bool = false) throws(ZMQError) -> [ZMQMessage]? {
        guard let first = try receiveMessage(dontWait: dontWait) else { return nil }
        // Room for an event's two frames ([topic, envelope]) at once: `[first]` grew on the second.
        var frames: [ZMQMessage] = []
        frames.reserveCapacity(2)
        frames.append(first)
        while frames[frames.count - 1].hasMore {
            // The rest of a multipart message is already queued: it arrives atomically.
            guard let next = try receiveMessage() else { break }
            frames.append(next)
        }
        return frames
    }

    /// Receives every frame of the next multipart message, or nil (see `receiveMessage`).
    public func receiveMultipart(dontWait: Bool = false) throws(ZMQError) -> [Data]? {
        try receiveMultipartMessages(dontWait: dontWait)?.map {
            $0.count >= ZMQMessage.zeroCopyThreshold ? $0.bytesNoCopy : $0.bytes
        }
    }
}
