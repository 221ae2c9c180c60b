import Foundation
import ODOPMessages
import Synchronization
import ZeroMQ

/// Sends commands to one service's command socket and waits for replies (the ZeroMQ Guide's
/// Lazy Pirate pattern).
///
/// Each attempt waits `timeout` for the reply. A REQ socket that timed out is stuck, so the
/// client closes it, opens a fresh one and sends the same request again (same request id, so a
/// mutating command is applied once by the server), up to `retries` more times. When no attempt
/// gets a reply the call fails with `unavailable`, naming the endpoint, after at most
/// `(retries + 1) * timeout`.
///
/// Calls on one client are serialised; use several clients for parallel calls. The socket is
/// kept between calls, so a connected client costs one round trip per call.
public final class CommandClient: Sendable {
    public struct Options: Sendable {
        /// How long one attempt waits for the reply.
        public var timeout: Duration
        /// How many times a request is re-sent after a timeout.
        public var retries: Int
        /// CURVE keys, when the server requires them.
        public var curve: CurveClientKeys?
        /// A file descriptor that, when readable, abandons the wait for a reply at once (the call
        /// fails with `unavailable`): lets an owner stop a thread blocked in a call.
        public var interruptFileDescriptor: Int32?

        public init(timeout: Duration = .seconds(3), retries: Int = 2, curve: CurveClientKeys? = nil, interruptFileDescriptor: Int32? = nil)
        {
            self.timeout = timeout
            self.retries = retries
            self.curve = curve
            self.interruptFileDescriptor = interruptFileDescriptor
        }
    }

    public let endpoint: String
    public let options: Options
    private let context: ZMQContext
    private let ownsContext: Bool
    private let socket = Mutex<ZMQSocket?>(nil)

    /// A client of the service whose command socket is at `endpoint`, e.g. `tcp://127.0.0.1:7101`.
    public init(endpoint: String, options: Options = Options(), context: ZMQContext? = nil) throws(ZMQError) {
        self.endpoint = endpoint
        self.options = options
        if let context {
            self.context = context
            ownsContext = false
        } else {
            self.context = try ZMQContext()
            ownsContext = true
        }
    }

    deinit {
        close()
        if ownsContext { context.terminate() }
    }

    /// Closes the connection; the next call opens a new one.
    public func close() {
        socket.withLock { socket in
            socket?.close()
            socket = nil
        }
    }

    /// Sends a request and returns the service's reply, which may be a failure reply.
    /// Throws `unavailable` when no reply came after all attempts, and `invalidRequest` when the
    /// request could not be encoded.
    public func send(_ request: CommandRequest) throws(CommandError) -> CommandReply {
        let frame: Data
        do { frame = try request.encoded() } catch {
            throw CommandError.invalidRequest("the request could not be encoded: \(error)", field: nil)
        }
        return try send(frame: frame, requestID: request.id)
    }

    /// Sends one already-encoded request frame (for tests of malformed input and for tools that
    /// pass JSON through) and returns the parsed reply.
    public func send(frame: Data, requestID: String?) throws(CommandError) -> CommandReply {
        try CommandReply.parse(exchange(frame), answering: requestID)
    }

    /// Sends a raw frame and returns the raw reply frame.
    public func exchange(_ frame: Data) throws(CommandError) -> Data {
        let result: Result<Data, CommandError> = socket.withLock { cached in
            let attempts = options.retries + 1
            for attempt in 1...attempts {
                do {
                    let socket = try cached ?? openSocket()
                    cached = socket
                    try socket.send(frame)
                    switch try awaitReply(on: socket) {
                    case .reply(let reply): return .success(reply)
                    case .timedOut: break
                    case .interrupted:
                        socket.close()
                        cached = nil
                        return .failure(.unavailable("\(endpoint): the call was interrupted"))
                    }
                } catch {
                    // A send or receive error leaves the socket unusable, like a timeout.
                    if attempt == attempts {
                        cached?.close()
                        cached = nil
                        return .failure(.unavailable("\(endpoint): \(error)"))
                    }
                }
                cached?.close()
                cached = nil
            }
            let seconds =
                Double(options.timeout.components.seconds)
                + Double(options.timeout.components.attoseconds) / 1e18
            return .failure(
                .unavailable(
                    "no reply from \(endpoint) after \(attempts) attempt(s) of \(String(format: "%.1f", seconds)) s each: is the service running?"
                ))
        }
        return try result.get()
    }

    /// Calls a command by name with JSON arguments; returns its result or throws its error.
    public func call(_ command: String, args: JSONValue = .object([:]), id: String = CommandClient.newRequestID()) throws(CommandError)
        -> JSONValue
    {
        let reply = try send(CommandRequest(id: id, command: command, args: args))
        switch reply {
        case .success(_, let result): return result
        case .failure(_, let error): throw error
        }
    }

    /// Calls a typed command; returns its decoded result or throws its error. `traceparent`
    /// (W3C Trace Context) continues the caller's trace in the service and its events.
    public func call<C: CommandSchema>(
        _ command: C.Type, _ args: C.Arguments, id: String = CommandClient.newRequestID(), traceparent: String? = nil
    ) throws(CommandError) -> C.Result {
        try CommandReply.result(
            ofFrame: exchange(makeFrame(command, args, id: id, traceparent: traceparent)), answering: id, as: C.Result.self)
    }

    /// Calls a typed command and hands its reply frame, unparsed, to `read` with the request id;
    /// `read` must check the id and turn a failure reply into its error, as
    /// `CommandReply.parse(_:answering:)` does (for a reader that decodes straight from the
    /// bytes, such as `EventsReplay.page(fromReply:requestID:)`).
    public func call<C: CommandSchema>(
        _ command: C.Type, _ args: C.Arguments, id: String = CommandClient.newRequestID(), traceparent: String? = nil,
        readingReply read: (_ frame: Data, _ requestID: String) throws(CommandError) -> C.Result
    ) throws(CommandError) -> C.Result {
        try read(exchange(makeFrame(command, args, id: id, traceparent: traceparent)), id)
    }

    private func makeFrame<C: CommandSchema>(_ command: C.Type, _ args: C.Arguments, id: String, traceparent: String?)
        throws(CommandError) -> Data
    {
        do { return try CommandRequest.frame(id: id, command: C.name, args: args, traceparent: traceparent) } catch {
            throw CommandError.invalidRequest("the arguments could not be encoded: \(error)", field: nil)
        }
    }

    /// A fresh unique request id: a time-ordered UUID (`TimeOrderedUUID`), since a service keys
    /// its stored replies and its events' correlation ids by request id, and random keys would
    /// put each write's index entries on pages of their own.
    public static func newRequestID() -> String { TimeOrderedUUID.string() }

    private enum Wait {
        case reply(Data)
        case timedOut, interrupted
    }

    private func awaitReply(on socket: ZMQSocket) throws(ZMQError) -> Wait {
        guard let fd = options.interruptFileDescriptor else {
            return try socket.receive().map(Wait.reply) ?? .timedOut
        }
        var poller = Poller()
        let socketIndex = poller.register(socket)
        let interruptIndex = poller.register(fileDescriptor: fd)
        let deadline = ContinuousClock.now + options.timeout
        while ContinuousClock.now < deadline {
            try poller.poll(timeout: deadline - ContinuousClock.now)
            if poller.isReadable(interruptIndex) { return .interrupted }
            if poller.isReadable(socketIndex), let reply = try socket.receive(dontWait: true) { return .reply(reply) }
        }
        return .timedOut
    }

    private func openSocket() throws(ZMQError) -> ZMQSocket {
        let socket = try context.socket(.req)
        let ms = Int32(
            clamping: options.timeout.components.seconds * 1000
                + options.timeout.components.attoseconds / 1_000_000_000_000_000)
        try socket.set(.linger(milliseconds: 0), .receiveTimeout(milliseconds: ms), .sendTimeout(milliseconds: ms))
        if let curve = options.curve { try curve.apply(to: socket) }
        try socket.connect(endpoint)
        return socket
    }
}
