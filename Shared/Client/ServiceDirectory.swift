import Foundation

/// Where each ODOP service is reached: the default local endpoints of the design brief, and the
/// environment variables that override them (`ODOP_<SERVICE>_COMMANDS`, `ODOP_<SERVICE>_EVENTS`).
public enum ServiceDirectory {
    /// The services, in the order tools list them.
    public static let services = ["catalogue", "exports", "training", "notifications"]

    /// Default ports: commands, events.
    public static let defaultPorts: [String: (commands: Int, events: Int)] = [
        "catalogue": (7101, 7102),
        "exports": (7201, 7202),
        "training": (7301, 7302),
        "notifications": (7401, 7402),
    ]

    public static func defaultCommandsEndpoint(_ service: String) -> String {
        "tcp://127.0.0.1:\(defaultPorts[service]?.commands ?? 0)"
    }

    public static func defaultEventsEndpoint(_ service: String) -> String {
        "tcp://127.0.0.1:\(defaultPorts[service]?.events ?? 0)"
    }

    /// `ODOP_CATALOGUE_COMMANDS` and the like.
    public static func environmentKey(_ service: String, _ suffix: String) -> String {
        "ODOP_\(service.uppercased())_\(suffix)"
    }

    /// The commands endpoint of `service`: the flag value, else the environment, else the default.
    public static func commandsEndpoint(
        _ service: String, flag: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        flag ?? environment[environmentKey(service, "COMMANDS")] ?? defaultCommandsEndpoint(service)
    }

    /// The events endpoint of `service`: the flag value, else the environment, else the default.
    public static func eventsEndpoint(
        _ service: String, flag: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        flag ?? environment[environmentKey(service, "EVENTS")] ?? defaultEventsEndpoint(service)
    }
}

extension ServiceDirectory {
    /// Default ops HTTP ports (`/healthz`, `/readyz`, `/metrics`, `/status`).
    public static let defaultOpsPorts: [String: Int] = [
        "catalogue": 9101, "exports": 9201, "training": 9301, "notifications": 9401,
    ]

    /// `127.0.0.1:<ops port>` for a known service, `none` for any other.
    public static func defaultOpsBind(_ service: String) -> String {
        defaultOpsPorts[service].map { "127.0.0.1:\($0)" } ?? "none"
    }

    /// `ODOP_<SERVICE>_HTTP`, else `http://127.0.0.1:<ops port>`: where tools reach a service's ops endpoint.
    public static func opsURL(_ service: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment[environmentKey(service, "HTTP")] ?? "http://127.0.0.1:\(defaultOpsPorts[service] ?? 0)"
    }
}
