import CZeroMQ
import Foundation

/// A socket option this binding sets. Durations are in milliseconds, as libzmq takes them.
public enum SocketOption: Sendable {
    /// How long `close` keeps unsent messages: 0 drops them at once, -1 waits forever.
    case linger(milliseconds: Int32)
    /// Outgoing queue limit in messages (`ZMQ_SNDHWM`); 0 means none.
    case sendHighWaterMark(Int32)
    /// Incoming queue limit in messages (`ZMQ_RCVHWM`); 0 means none.
    case receiveHighWaterMark(Int32)
    /// A blocking receive returns a timeout after this long; -1 blocks.
    case receiveTimeout(milliseconds: Int32)
    /// A blocking send returns a timeout after this long; -1 blocks.
    case sendTimeout(milliseconds: Int32)
    /// ROUTER: fail with `EHOSTUNREACH` instead of dropping a reply to an unknown peer.
    case routerMandatory(Bool)
    /// Queue messages only to completed connections.
    case immediate(Bool)
    /// ZMTP heartbeats: send a PING this often.
    case heartbeatInterval(milliseconds: Int32)
    /// ZMTP heartbeats: drop the connection when nothing arrives this long after a PING.
    case heartbeatTimeout(milliseconds: Int32)
    /// ZMTP heartbeats: ask the peer to drop us after this long without traffic.
    case heartbeatTTL(milliseconds: Int32)
    /// Peers that send a larger message are disconnected before it is delivered; -1: no limit.
    case maxMessageSize(Int64)
    /// SUB: receive messages whose first frame starts with this prefix (empty: all).
    case subscribe(Data)
    /// SUB: undo a `subscribe` with the same prefix.
    case unsubscribe(Data)
    /// The identity a ROUTER peer sees for this socket.
    case routingID(Data)
    /// First and maximum delay between reconnection attempts.
    case reconnectInterval(milliseconds: Int32)
    case reconnectIntervalMax(milliseconds: Int32)
    /// Keep only the last message (for state snapshots).
    case conflate(Bool)
    /// CURVE server role; needs `curveSecretKey`.
    case curveServer(Bool)
    /// CURVE keys as 40-character Z85 text.
    case curvePublicKey(String)
    case curveSecretKey(String)
    /// CURVE client: the server's public key (Z85).
    case curveServerKey(String)
    /// The ZAP domain requests from this socket are made in.
    case zapDomain(String)
    /// Time allowed for the security handshake.
    case handshakeInterval(milliseconds: Int32)
    /// Accept IPv6 as well as IPv4.
    case ipv6(Bool)

    var name: Int32 {
        switch self {
        case .linger: ZMQ_LINGER
        case .sendHighWaterMark: ZMQ_SNDHWM
        case .receiveHighWaterMark: ZMQ_RCVHWM
        case .receiveTimeout: ZMQ_RCVTIMEO
        case .sendTimeout: ZMQ_SNDTIMEO
        case .routerMandatory: ZMQ_ROUTER_MANDATORY
        case .immediate: ZMQ_IMMEDIATE
        case .heartbeatInterval: ZMQ_HEARTBEAT_IVL
        case .heartbeatTimeout: ZMQ_HEARTBEAT_TIMEOUT
        case .heartbeatTTL: ZMQ_HEARTBEAT_TTL
        case .maxMessageSize: ZMQ_MAXMSGSIZE
        case .subscribe: ZMQ_SUBSCRIBE
        case .unsubscribe: ZMQ_UNSUBSCRIBE
        case .routingID: ZMQ_ROUTING_ID
        case .reconnectInterval: ZMQ_RECONNECT_IVL
        case .reconnectIntervalMax: ZMQ_RECONNECT_IVL_MAX
        case .conflate: ZMQ_CONFLATE
        case .curveServer: ZMQ_CURVE_SERVER
        case .curvePublicKey: ZMQ_CURVE_PUBLICKEY
        case .curveSecretKey: ZMQ_CURVE_SECRETKEY
        case .curveServerKey: ZMQ_CURVE_SERVERKEY
        case .zapDomain: ZMQ_ZAP_DOMAIN
        case .handshakeInterval: ZMQ_HANDSHAKE_IVL
        case .ipv6: ZMQ_IPV6
        }
    }

    enum Value {
        case int32(Int32)
        case int64(Int64)
        case bytes([UInt8])
    }

    var value: Value {
        switch self {
        case .linger(let v), .sendHighWaterMark(let v), .receiveHighWaterMark(let v),
            .receiveTimeout(let v), .sendTimeout(let v), .heartbeatInterval(let v),
            .heartbeatTimeout(let v), .heartbeatTTL(let v), .reconnectInterval(let v),
            .reconnectIntervalMax(let v), .handshakeInterval(let v):
            .int32(v)
        case .routerMandatory(let b), .immediate(let b), .conflate(let b), .curveServer(let b), .ipv6(let b):
            .int32(b ? 1 : 0)
        case .maxMessageSize(let v):
            .int64(v)
        case .subscribe(let d), .unsubscribe(let d), .routingID(let d):
            .bytes(Array(d))
        case .curvePublicKey(let s), .curveSecretKey(let s), .curveServerKey(let s):
            // Z85 keys are passed as 40 characters plus a terminating NUL, which libzmq reads as text.
            .bytes(Array(s.utf8) + [0])
        case .zapDomain(let s):
            .bytes(Array(s.utf8))
        }
    }

    var label: String { String(describing: self).prefix { $0 != "(" }.description }
}
