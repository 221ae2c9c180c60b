/// The one rule every configured endpoint (bound or connected) must pass, so that a typo stops
/// the service at start (exit 78) instead of leaving it unable to serve or follow.
enum EndpointRule {
    /// `tcp://HOST:PORT` (PORT 1–65535, or `*` when binding), `ipc://PATH` or `inproc://NAME`.
    static func validate(_ endpoint: String, name: String, binding: Bool) throws(StartupError) {
        let parts = endpoint.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty else {
            throw .configuration("\(name) endpoint '\(endpoint)' must look like tcp://HOST:PORT")
        }
        switch parts[0] {
        case "ipc", "inproc":
            return
        case "tcp":
            let address = parts[1]
            guard let colon = address.lastIndex(of: ":"), colon != address.startIndex else {
                throw .configuration("\(name) endpoint '\(endpoint)' must look like tcp://HOST:PORT")
            }
            let port = address[address.index(after: colon)...]
            if binding && port == "*" { return }
            guard let number = Int(port), (1...65535).contains(number) else {
                throw .configuration("\(name) endpoint '\(endpoint)' has no valid port (1–65535)")
            }
        default:
            throw .configuration("\(name) endpoint '\(endpoint)' must use tcp://, ipc:// or inproc://")
        }
    }
}
