import CZeroMQ

/// Events a poll waits for, or reports.
public struct PollEvents: OptionSet, Sendable {
    public let rawValue: Int16
    public init(rawValue: Int16) { self.rawValue = rawValue }
    public static let readable = PollEvents(rawValue: Int16(ZMQ_POLLIN))
    public static let writable = PollEvents(rawValue: Int16(ZMQ_POLLOUT))
}

/// Waits on several sockets (and plain file descriptors) at once with `zmq_poll`.
///
/// Register the items once, then call `poll(timeout:)` in a loop and ask which items are ready.
/// The poller keeps its sockets alive. Use it on the thread that owns the sockets.
public struct Poller {
    private var items: [zmq_pollitem_t] = []
    private var sockets: [ZMQSocket?] = []

    public init() {}

    /// Adds a socket; returns its index for `isReadable(_:)` / `events(at:)`.
    @discardableResult
    public mutating func register(_ socket: ZMQSocket, for events: PollEvents = .readable) -> Int {
        items.append(zmq_pollitem_t(socket: socket.handle, fd: -1, events: events.rawValue, revents: 0))
        sockets.append(socket)
        return items.count - 1
    }

    /// Adds a plain file descriptor (a pipe, an eventfd); returns its index.
    @discardableResult
    public mutating func register(fileDescriptor: Int32, for events: PollEvents = .readable) -> Int {
        items.append(zmq_pollitem_t(socket: nil, fd: fileDescriptor, events: events.rawValue, revents: 0))
        sockets.append(nil)
        return items.count - 1
    }

    /// Waits until an item is ready or `timeout` passes (nil: wait indefinitely; `.zero`: just
    /// look). Returns how many items are ready; 0 on timeout or when a signal interrupted it.
    @discardableResult
    public mutating func poll(timeout: Duration?) throws(ZMQError) -> Int {
        let ms: Int
        if let timeout {
            let (seconds, attoseconds) = timeout.components
            ms = max(0, Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000))
        } else {
            ms = -1
        }
        for i in items.indices { items[i].revents = 0 }
        let count = items.count
        let rc = items.withUnsafeMutableBufferPointer { zmq_poll($0.baseAddress, Int32(count), ms) }
        if rc == -1 {
            let error = ZMQError.last("zmq_poll")
            if error.isInterrupted { return 0 }
            throw error
        }
        return Int(rc)
    }

    /// What the last `poll` reported for the item at `index`.
    public func events(at index: Int) -> PollEvents { PollEvents(rawValue: items[index].revents) }

    /// Whether the item at `index` had something to read at the last `poll`.
    public func isReadable(_ index: Int) -> Bool { events(at: index).contains(.readable) }
}
