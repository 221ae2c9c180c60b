/// The exit statuses of every service executable: the one table that `--help`, the README and
/// the operators' scripts rely on (sysexits.h numbers).
public enum ExitStatus: Int32, CaseIterable, Sendable {
    case clean = 0
    case usage = 64
    case bind = 69
    case internalFailure = 70
    case dataDirectory = 73
    case storage = 74
    case keyFile = 77
    case configuration = 78

    public var meaning: String {
        switch self {
        case .clean: "stopped cleanly (SIGTERM/SIGINT)"
        case .usage: "bad command-line usage (unknown flag, missing value)"
        case .bind: "an endpoint cannot be bound (port in use, bad address)"
        case .internalFailure: "internal error, or a worker (command loop, publisher, subscription) stopped"
        case .dataDirectory: "the data directory cannot be created"
        case .storage: "the database cannot be opened, read or migrated"
        case .keyFile: "a key file is insecure or malformed"
        case .configuration: "a configuration value is invalid"
        }
    }

    /// The table as text lines, `  <code>  <meaning>`, for `--help` and the README.
    public static var table: String {
        allCases.map { "  \(String($0.rawValue).padding(toLength: 3, withPad: " ", startingAt: 0)) \($0.meaning)" }
            .joined(separator: "\n")
    }
}
