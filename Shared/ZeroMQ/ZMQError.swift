import CZeroMQ

/// A failed libzmq call, carrying `errno` and libzmq's own text for it.
///
/// Callers distinguish the conditions they handle (`isTimeout`, `isTerminated`, `isInterrupted`)
/// and report the rest as they are: `description` names the operation and the library's message.
public struct ZMQError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `errno` value libzmq reported (`zmq_errno()`).
    public let code: Int32
    /// `zmq_strerror(code)`.
    public let message: String
    /// What was being done, e.g. `bind tcp://127.0.0.1:7101`.
    public let operation: String

    public init(code: Int32, operation: String) {
        self.code = code
        self.message = String(cString: zmq_strerror(code))
        self.operation = operation
    }

    /// Reads `zmq_errno()` right after a failed call.
    static func last(_ operation: @autoclosure () -> String) -> ZMQError {
        ZMQError(code: zmq_errno(), operation: operation())
    }

    /// The call would block, or its timeout (`ZMQ_RCVTIMEO`/`ZMQ_SNDTIMEO`) elapsed.
    public var isTimeout: Bool { code == EAGAIN }
    /// The context was shut down or terminated: the socket's owner should close it.
    public var isTerminated: Bool { code == ETERM }
    /// A signal interrupted a blocking call.
    public var isInterrupted: Bool { code == EINTR }
    /// The endpoint is already bound by someone else.
    public var isAddressInUse: Bool { code == EADDRINUSE }
    /// A ROUTER with `ZMQ_ROUTER_MANDATORY` could not route to the peer.
    public var isHostUnreachable: Bool { code == EHOSTUNREACH }

    public var description: String { "\(operation): \(message) (errno \(code))" }
}

/// Calls a libzmq function that returns -1 on error, turning that into a thrown `ZMQError`.
@inline(__always)
func check(_ rc: Int32, _ operation: @autoclosure () -> String) throws(ZMQError) {
    if rc == -1 { throw ZMQError.last(operation()) }
}
