/// Why a service could not start, with the exit status that tells an operator what to fix
/// (see `ExitStatus`, the one table).
public enum StartupError: Error, CustomStringConvertible, Sendable {
    case configuration(String)
    case dataDirectory(String, String)
    case storage(String, String)
    case bind(endpoint: String, reason: String)
    case insecureKeyFile(String)
    /// A key file that cannot be read or does not hold a key: the path and why (never the key).
    case keyFile(String, String)
    case internalFailure(String)

    public var exitStatus: ExitStatus {
        switch self {
        case .configuration: .configuration
        case .dataDirectory: .dataDirectory
        case .storage: .storage
        case .bind: .bind
        case .insecureKeyFile, .keyFile: .keyFile
        case .internalFailure: .internalFailure
        }
    }

    public var exitCode: Int32 { exitStatus.rawValue }

    public var description: String {
        switch self {
        case .configuration(let message): "invalid configuration: \(message)"
        case .dataDirectory(let path, let reason): "cannot create data directory \(path): \(reason)"
        case .storage(let path, let reason): "cannot open database \(path): \(reason)"
        case .bind(let endpoint, let reason): "cannot bind \(endpoint): \(reason)"
        case .insecureKeyFile(let path):
            "secret key file \(path) is readable by group or others; run: chmod 600 \(path)"
        case .keyFile(let path, let reason): "key file \(path): \(reason)"
        case .internalFailure(let message): "internal error: \(message)"
        }
    }
}
