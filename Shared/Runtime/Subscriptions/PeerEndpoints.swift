import ODOPClient

/// Where a followed service is reached: its command endpoint (for `events.replay`), its event
/// endpoint, and the CURVE keys to talk to it when the deployment uses them.
public struct PeerEndpoints: Sendable, Equatable {
    public var commands: String
    public var events: String
    public var curve: CurveClientKeys?

    public init(commands: String, events: String, curve: CurveClientKeys? = nil) {
        self.commands = commands
        self.events = events
        self.curve = curve
    }

    /// The default local endpoints of `service` (its ports in the design brief).
    public static func local(_ service: String) -> PeerEndpoints {
        PeerEndpoints(
            commands: ServiceDirectory.defaultCommandsEndpoint(service), events: ServiceDirectory.defaultEventsEndpoint(service))
    }
}
