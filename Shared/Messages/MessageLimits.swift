import Foundation

/// Size limits of the wire protocol.
public enum MessageLimits {
    /// The largest command frame a service accepts unless configured otherwise: 4 MiB, enough
    /// for the whole ODOP CSV in one `products.import`. A larger frame is answered with
    /// `invalid_request` (without an `id`: the frame is not parsed) and changes nothing. Only a
    /// frame more than 16 times the limit is refused by the socket itself (ZMQ_MAXMSGSIZE),
    /// which drops that client's connection, with no reply, without harming the service.
    public static let defaultMaxCommandBytes = 4 * 1024 * 1024
}
