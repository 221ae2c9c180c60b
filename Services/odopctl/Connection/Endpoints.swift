/// Where one service is reached, and where each address came from (for messages).
struct ServiceEndpoints: Sendable, Equatable {
    var commands: String
    var events: String
    var commandsOrigin: SettingOrigin
    var eventsOrigin: SettingOrigin
}

/// Where a setting's value came from.
enum SettingOrigin: Sendable, Equatable, CustomStringConvertible {
    case flag
    case environment
    case configFile(path: String, line: Int)
    case defaultValue

    var description: String {
        switch self {
        case .flag: "flag"
        case .environment: "environment"
        case .configFile(let path, let line): "\(path):\(line)"
        case .defaultValue: "default"
        }
    }
}

enum EndpointCheck {
    /// Whether `endpoint` looks like a ZeroMQ endpoint (`tcp://host:port`, `ipc://path`, ...).
    /// libzmq has the last word; this catches a missing scheme before it becomes a confusing
    /// connect error.
    static func isPlausible(_ endpoint: String) -> Bool {
        guard let range = endpoint.range(of: "://") else { return false }
        let scheme = endpoint[..<range.lowerBound]
        let rest = endpoint[range.upperBound...]
        return !scheme.isEmpty && scheme.allSatisfy({ $0.isLetter }) && !rest.isEmpty
    }
}
