import ODOPClient
import ODOPMessages
import ODOPRuntime

/// The exports service (`odop-exports`): District Export Action Plans that follow the
/// catalogue's products, export figures with their corrections, and reports.
///
/// It owns its database; it learns districts and products only from the catalogue's events,
/// through a durable subscription (see `CatalogueFollower`). Commands: see `PlanCommands`,
/// `FigureCommands`, `ReportCommands` and docs/PROTOCOL.md.
public struct ExportsService: ServiceDefinition {
    public let name = "exports"
    public let version = "0.1.0"
    /// How the service reaches the catalogue.
    public var catalogue: SubscriptionDefinition

    /// - Parameters:
    ///   - catalogueCommands: the catalogue's command endpoint (for `events.replay`).
    ///   - catalogueEvents: the catalogue's event endpoint.
    ///   - curve: CURVE keys for talking to the catalogue, when the deployment uses them.
    public init(catalogueCommands: String, catalogueEvents: String, curve: CurveClientKeys? = nil) {
        catalogue = SubscriptionDefinition(
            source: "catalogue", commandsEndpoint: catalogueCommands, eventsEndpoint: catalogueEvents,
            handler: CatalogueFollower(), curve: curve)
    }

    public var migrations: [ServiceMigration] { ExportsSchema.migrations }

    public var subscriptions: [SubscriptionDefinition] { [catalogue] }

    public func registerCommands(in registry: inout CommandRegistry) {
        PlanCommands.register(in: &registry)
        FigureCommands.register(in: &registry)
        ReportCommands.register(in: &registry)
    }
}
