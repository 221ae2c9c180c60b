import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A minimal HTTP/1.1 client for a service's ops endpoint (`/healthz`, `/readyz`, `/metrics`,
/// `/status`) on loopback or a host given by IPv4 address: one `GET`, `Connection: close`, the
/// whole body read until the server closes. For odopctl and tests; not a general HTTP client
/// (no TLS, no redirects, no chunked encoding, no host names but `localhost`).
public enum OpsHTTPClient {
    public struct Response: Sendable {
        public let status: Int
        public let body: String
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// `GET http://HOST:PORT/PATH` with a timeout for connecting and for each read.
    public static func get(_ url: String, timeout: Duration = .seconds(5)) throws(Failure) -> Response {
        guard let parsed = URLComponents(string: url), parsed.scheme == "http", let host = parsed.host, let port = parsed.port else {
            throw Failure(description: "\(url) is not http://HOST:PORT/PATH")
        }
        let address = host == "localhost" ? "127.0.0.1" : host
        let path = parsed.percentEncodedPath.isEmpty ? "/" : parsed.percentEncodedPath
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var wait = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var sin = sockaddr_in()
        sin.sin_family = sa_family_t(AF_INET)
        sin.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, address, &sin.sin_addr) == 1 else {
            throw Failure(description: "\(host) is not an IPv4 address")
        }
        let connected = withUnsafePointer(to: &sin) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { throw Failure(description: "cannot connect to \(host):\(port): \(String(cString: strerror(errno)))") }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else {
            throw Failure(description: "cannot send to \(host):\(port)")
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else {
                throw Failure(description: "no complete answer from \(host):\(port) (\(String(cString: strerror(errno))))")
            }
            received.append(contentsOf: buffer[0..<count])
        }
        let text = String(decoding: received, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n"),
            let statusLine = text[..<headerEnd.lowerBound].split(separator: "\r\n").first,
            let status = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { throw Failure(description: "not an HTTP answer from \(host):\(port)") }
        return Response(status: status, body: String(text[headerEnd.upperBound...]))
    }
}
