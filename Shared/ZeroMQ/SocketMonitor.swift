import CZeroMQ
import Foundation

/// A socket event reported by libzmq's socket monitor (`zmq_socket_monitor`).
public struct SocketEvent: Sendable, Equatable {
    /// The events this binding names.
    public struct Kind: OptionSet, Sendable, Hashable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        public static let connected = Kind(rawValue: ZMQ_EVENT_CONNECTED)
        public static let accepted = Kind(rawValue: ZMQ_EVENT_ACCEPTED)
        public static let disconnected = Kind(rawValue: ZMQ_EVENT_DISCONNECTED)
        public static let handshakeSucceeded = Kind(rawValue: ZMQ_EVENT_HANDSHAKE_SUCCEEDED)
        /// The handshake failed before the mechanism said why (e.g. the peer closed it).
        public static let handshakeFailedNoDetail = Kind(rawValue: ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL)
        /// The peer broke the protocol: another mechanism (a plaintext client of a CURVE server),
        /// or a CURVE message that does not decrypt (a wrong server key).
        public static let handshakeFailedProtocol = Kind(rawValue: ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL)
        /// The ZAP handler refused the peer's credentials (`value` is the ZAP status code).
        public static let handshakeFailedAuth = Kind(rawValue: ZMQ_EVENT_HANDSHAKE_FAILED_AUTH)
        public static let handshakeFailed: Kind = [.handshakeFailedNoDetail, .handshakeFailedProtocol, .handshakeFailedAuth]
    }

    public let kind: Kind
    /// The event's value: a ZAP status code, a protocol error code, a file descriptor or errno.
    public let value: UInt32
    /// The endpoint the event is about.
    public let endpoint: String

    /// What a handshake failure's value means, for log lines.
    public var reason: String {
        switch (kind, Int32(bitPattern: value)) {
        case (.handshakeFailedAuth, let status): "the ZAP handler refused the key (status \(status))"
        case (.handshakeFailedProtocol, ZMQ_PROTOCOL_ERROR_ZMTP_MECHANISM_MISMATCH):
            "the peer uses another security mechanism (e.g. a plaintext client of a CURVE server)"
        case (.handshakeFailedProtocol, ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC):
            "the peer's CURVE messages do not decrypt (a wrong server key)"
        case (.handshakeFailedProtocol, let code): "protocol error 0x\(String(UInt32(bitPattern: code), radix: 16))"
        case (.handshakeFailedNoDetail, let code): "handshake failed (errno \(code))"
        default: "event 0x\(String(kind.rawValue, radix: 16)) value \(value)"
        }
    }

    /// Parses a monitor message (a 6-byte event frame and an endpoint frame); nil when malformed.
    public init?(frames: [Data]) {
        guard frames.count == 2, frames[0].count == 6 else { return nil }
        let bytes = [UInt8](frames[0])
        kind = Kind(rawValue: Int32(UInt16(bytes[0]) | UInt16(bytes[1]) << 8))
        value = UInt32(bytes[2]) | UInt32(bytes[3]) << 8 | UInt32(bytes[4]) << 16 | UInt32(bytes[5]) << 24
        endpoint = String(decoding: frames[1], as: UTF8.self)
    }
}

extension ZMQSocket {
    /// Starts reporting `events` of this socket on a PAIR socket bound at `endpoint`
    /// (`inproc://...`); connect a `.pair` socket of the same context there and receive
    /// `SocketEvent(frames:)` from it. Call from the thread that owns this socket.
    public func monitor(_ endpoint: String, events: SocketEvent.Kind) throws(ZMQError) {
        try check(zmq_socket_monitor(handle, endpoint, events.rawValue), "zmq_socket_monitor \(endpoint)")
    }
}
