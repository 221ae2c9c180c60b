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
