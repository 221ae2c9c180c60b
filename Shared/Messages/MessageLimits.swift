import Foundation

/// Size limits of the wire protocol.
public enum MessageLimits {
    /// The largest command frame a service accepts unless configured otherwise: 4 MiB, enough
    /// for the whole ODOP CSV in one `products.import`. A larger frame is refused by the socket
    /// (ZMQ_MAXMSGSIZE), which drops that client's connection without harming the service.
    public static let defaultMaxCommandBytes = 4 * 1024 * 1024
}
