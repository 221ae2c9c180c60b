import Foundation
import ODOPRuntime

/// The catalogue: states/UTs, districts and ODOP products, the source of truth every other
/// service follows through its events.
public struct CatalogueService: ServiceDefinition {
    public static let version = "0.1.0"
    public let name = "catalogue"
    public var version: String { Self.version }
    public var migrations: [ServiceMigration] { CatalogueSchema.migrations }
    let gi: GIRegistryLookup

    /// - Parameter giRegistryPath: the GI registry file to reconcile products against; nil for
    ///   none. Throws when the file is given but cannot be read or parsed.
    public init(giRegistryPath: String?) throws {
        gi = try giRegistryPath.map { try GIRegistryLookup.load(path: $0) } ?? .none
    }

    /// How many GIs the registry holds (0 without one).
    public var registeredGIs: Int { gi.registry?.entries.count ?? 0 }

    public func registerCommands(in registry: inout CommandRegistry) {
        DistrictHandlers().register(in: &registry)
        ProductHandlers(gi: gi).register(in: &registry)
        ImportHandler(gi: gi).register(in: &registry)
        ReportHandlers().register(in: &registry)
    }
}
