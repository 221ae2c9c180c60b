/// Why a service could not start, with the exit code that tells an operator what to fix.
///
/// | exit code | meaning |
/// | --- | --- |
/// | 0 | stopped cleanly (SIGTERM/SIGINT) |
/// | 64 | bad command-line usage (unknown flag, missing value) |
/// | 69 | an endpoint could not be bound (port in use, bad address) |
/// | 70 | internal error while running |
/// | 73 | the data directory cannot be created |
/// | 74 | the database cannot be opened, read or migrated |
/// | 77 | a secret key file is readable by group or others |
/// | 78 | a configuration value is invalid |
public enum StartupError: Error, CustomStringConvertible, Sendable {
    case configuration(String)
    case dataDirectory(String, String)
    case storage(String, String)
    case bind(endpoint: String, reason: String)
    case insecureKeyFile(String)
    case internalFailure(String)

    public var exitCode: Int32 {
        switch self {
        case .configuration: 78
        case .dataDirectory: 73
        case .storage: 74
        case .bind: 69
        case .insecureKeyFile: 77
        case .internalFailure: 70
        }
    }

    public var description: String {
        switch self {
        case .configuration(let message): "invalid configuration: \(message)"
        case .dataDirectory(let path, let reason): "cannot create data directory \(path): \(reason)"
        case .storage(let path, let reason): "cannot open database \(path): \(reason)"
        case .bind(let endpoint, let reason): "cannot bind \(endpoint): \(reason)"
        case .insecureKeyFile(let path):
            "secret key file \(path) is readable by group or others; run: chmod 600 \(path)"
        case .internalFailure(let message): "internal error: \(message)"
        }
    }
}
