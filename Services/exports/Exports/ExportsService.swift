import ODOPCatalogueCopy
import ODOPMessages
import ODOPRuntime

/// The exports service (`odop-exports`): District Export Action Plans that follow the
/// catalogue's products, export figures with their corrections, and reports.
///
/// It owns its database; it learns districts and products only from the catalogue's events,
/// through the shared catalogue copy (`CatalogueCopy`), whose changes move the plans
/// (`PlanReactions`). Commands: see `PlanCommands`, `FigureCommands`, `ReportCommands` and
/// docs/PROTOCOL.md.
public struct ExportsService: ServiceDefinition {
    public let name = "exports"
    public let version = "0.2.0"
    public let summary = "The ODOP exports service: District Export Action Plans that follow the catalogue, export figures, reports."

    public init() {}

    public var migrations: [ServiceMigration] { ExportsSchema.migrations }

    public var follows: [Follow] { [CatalogueCopy.follow(PlanReactions())] }

    public func registerCommands(in registry: inout CommandRegistry) {
        PlanCommands.register(in: &registry)
        FigureCommands.register(in: &registry)
        ReportCommands.register(in: &registry)
        CommandPlaces.register(in: &registry)
    }
}
