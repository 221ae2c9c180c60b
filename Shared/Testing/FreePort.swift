import Foundation
import Synchronization

/// Loopback TCP ports nobody listens on now, for the services and sockets a test binds. Tests
/// never use fixed ports.
///
/// The ports come from below the kernel's ephemeral range (`ip_local_port_range`), each checked
/// free by binding it, and none is handed out twice by one test process. Asking the kernel for
/// port 0 gave a port of the ephemeral range, the one outgoing connections take their local
/// ports from: between the release and a child service's own bind, a test's client connecting
/// anywhere could take it (a full run failed once with "address already in use"). Below the
/// range, only a listener can hold a port, and the bind check skips those. Each test process
/// starts at a place of its own in the range (from its pid), so two running at once rarely meet.
public enum FreePort {
    public static func next() -> Int {
        for _ in 0..<candidates.count {
            let port = nextCandidate.withLock { next in
                defer { next = next + 1 == candidates.upperBound ? candidates.lowerBound : next + 1 }
                return next
            }
            if isFree(port) { return port }
        }
        preconditionFailure("no free loopback port in \(candidates)")
    }

    /// `tcp://127.0.0.1:<free port>`.
    public static func endpoint() -> String { "tcp://127.0.0.1:\(next())" }

    /// The ports handed out: from 10000 to the start of the ephemeral range.
    private static let candidates: Range<Int> = 10_000..<ephemeralRangeStart()

    private static let nextCandidate = Mutex(
        candidates.lowerBound + Int(getpid()) * 97 % candidates.count)

    /// The first port of `ip_local_port_range` (32768 when it cannot be read).
    private static func ephemeralRangeStart() -> Int {
        let text = try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)
        let first = text?.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.flatMap { Int($0) }
        return max(first ?? 32_768, 10_100)
    }

    /// Whether `port` on 127.0.0.1 can be bound now.
    private static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        precondition(fd >= 0, "socket() failed")
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
