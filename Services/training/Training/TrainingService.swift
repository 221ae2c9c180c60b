import ODOPClient
import ODOPMessages
import ODOPRuntime

/// The training service (`odop-training`): schemes as data, artisans (identity kept only as a
/// keyed hash), applications through the schemes' verification stages, batches, attendance,
/// certificates, toolkits, stipends in payment batches, and reports.
///
/// It follows the catalogue's events for districts and products (`CatalogueFollower`).
/// Commands: see the `Handlers` and docs/PROTOCOL.md (`### training`).
public struct TrainingService: ServiceDefinition {
    public let name = "training"
    public let version = "0.1.0"
    public let context: TrainingContext
    /// How the service reaches the catalogue.
    public var catalogue: SubscriptionDefinition

    public init(context: TrainingContext, catalogueCommands: String, catalogueEvents: String, curve: CurveClientKeys? = nil) {
        self.context = context
        catalogue = SubscriptionDefinition(
            source: "catalogue", commandsEndpoint: catalogueCommands, eventsEndpoint: catalogueEvents,
            handler: CatalogueFollower(context: context), curve: curve)
    }

    public var migrations: [ServiceMigration] { TrainingSchema.migrations }

    public var subscriptions: [SubscriptionDefinition] { [catalogue] }

    public func registerCommands(in registry: inout CommandRegistry) {
        SchemeCommands.register(in: &registry, context)
        ArtisanCommands.register(in: &registry, context)
        ApplicationCommands.register(in: &registry, context)
        ApplicationImport.register(in: &registry, context)
        BatchCommands.register(in: &registry, context)
        EnrolmentCommands.register(in: &registry, context)
        CertificateCommands.register(in: &registry, context)
        ToolkitCommands.register(in: &registry, context)
        PaymentCommands.register(in: &registry, context)
        ReportCommands.register(in: &registry, context)
    }
}
