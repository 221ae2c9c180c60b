/// Where a service serves its ops HTTP endpoint (`/healthz`, `/readyz`, `/metrics`, `/status`):
/// `--http-bind` / `ODOP_HTTP_BIND`, `HOST:PORT` (port 0 picks a free one), or `none` for no
/// endpoint. The default is `127.0.0.1:<the service's ops port>` (9101, 9201, 9301, 9401).
public struct OpsBind: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Reads `HOST:PORT`, or `none` (nil). Throws `StartupError.configuration` naming the value.
    public static func parse(_ text: String) throws(StartupError) -> OpsBind? {
        if text.lowercased() == "none" { return nil }
        guard let colon = text.lastIndex(of: ":") else {
            throw .configuration("http bind \(text) is not HOST:PORT or none")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw .configuration("http bind \(text) is not HOST:PORT (port 0 to 65535) or none")
        }
        return OpsBind(host: host, port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

#if canImport(Glibc)
    import Glibc
#endif

extension OpsBind {
    /// Fails now, at startup, when the port is taken (the HTTP server binds later, in `run()`,
    /// where a failure could only stop the service as a worker failure): binds and releases a
    /// socket on an IPv4 host. Other hosts (names, IPv6) are left to the server.
    func checkAvailable() throws(StartupError) {
        guard port != 0 else { return }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else { return }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        if !bound {
            let reason = errno == EADDRINUSE ? "address already in use (is the service already running?)" : String(cString: strerror(errno))
            throw .bind(endpoint: "http://\(description)", reason: reason)
        }
    }
}
