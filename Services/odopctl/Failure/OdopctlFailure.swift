import ODOPMessages

/// A failure that ends odopctl: the lines to print on stderr and the exit status.
///
/// The first line is `error: <code>: <message> (field: <field>)` for a service's error, or
/// `error: <message>` otherwise; further lines are hints.
struct OdopctlFailure: Error, Sendable {
    var status: ExitStatus
    var lines: [String]

    init(_ status: ExitStatus, _ lines: [String]) {
        self.status = status
        self.lines = lines
    }

    /// A usage failure: `error: <message>`, and a pointer to the command's help.
    static func usage(_ message: String, help command: String? = nil) -> OdopctlFailure {
        var lines = ["error: \(message)"]
        if let command { lines.append("see 'odopctl \(command) --help'") }
        return OdopctlFailure(.usage, lines)
    }

    /// An error reply from `service`: printed as the service wrote it, with a hint for the
    /// classes an operator can act on.
    static func refusal(_ error: CommandError, service: ServiceName, endpoint: String) -> OdopctlFailure {
        var lines = ["error: \(error)"]
        switch error.code {
        case .unauthorized, .forbidden:
            lines.append(
                "hint: \(service.rawValue) at \(endpoint) does not admit odopctl's key for this command; "
                    + "check ODOP_CURVE_PUBLIC_KEY_FILE / ODOP_CURVE_SECRET_KEY_FILE and the service's allowlist")
        case .unavailable:
            lines.append("hint: \(service.rawValue) at \(endpoint) cannot do this now; try again later")
        case .unknownCommand:
            lines.append("hint: see docs/PROTOCOL.md for the commands \(service.rawValue) answers")
        default:
            break
        }
        return OdopctlFailure(ExitStatus(for: error.code), lines)
    }

    /// No usable reply from `service`: it is down, at another endpoint, or sent garbage.
    static func transport(_ error: CommandError, service: ServiceName, endpoint: String) -> OdopctlFailure {
        guard error.code == .unavailable else {
            return OdopctlFailure(
                ExitStatus(for: error.code), ["error: \(error) (from \(service.rawValue) at \(endpoint))"])
        }
        return OdopctlFailure(.unavailable, ["error: \(error)", unreachableHint(service: service, endpoint: endpoint)])
    }

    /// What to check when a service does not answer.
    static func unreachableHint(service: ServiceName, endpoint: String) -> String {
        "hint: check that \(service.executable) is running and listening on \(endpoint) "
            + "(set with --\(service.rawValue)-commands, \(service.commandsKey) or the config file)"
    }
}
