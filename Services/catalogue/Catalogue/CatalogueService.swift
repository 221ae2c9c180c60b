import ArgumentParser
import Foundation
import ODOPRuntime

/// The catalogue: states/UTs, districts and ODOP products, the source of truth every other
/// service follows through its events.
public struct CatalogueService: ServiceDefinition {
    public static let version = "0.2.0"
    public let name = "catalogue"
    public var version: String { Self.version }
    public let summary = "The ODOP catalogue service: states/UTs, districts and ODOP products."
    public var migrations: [ServiceMigration] { CatalogueSchema.migrations }
    var gi: GIRegistryLookup

    /// - Parameter giRegistryPath: the GI registry file to reconcile products against; nil for
    ///   none. Throws when the file is given but cannot be read or parsed.
    public init(giRegistryPath: String? = nil) throws {
        gi = try giRegistryPath.map { try GIRegistryLookup.load(path: $0) } ?? .none
    }

    /// A catalogue without a GI registry.
    public init() {
        gi = .none
    }

    /// The catalogue's own options.
    public struct Options: ParsableArguments, Sendable {
        @Option(
            name: .customLong("gi-registry"),
            help: "The GI registry CSV to reconcile products against. [env: ODOP_GI_REGISTRY] (default: none)")
        var giRegistry: String?

        public init() {}
    }

    public mutating func configure(_ options: Options) throws(StartupError) {
        guard let path = options.giRegistry ?? ProcessInfo.processInfo.environment["ODOP_GI_REGISTRY"].flatMap({ $0.isEmpty ? nil : $0 })
        else { return }
        do {
            gi = try GIRegistryLookup.load(path: path)
        } catch {
            throw .configuration("cannot read the GI registry \(path): \(error)")
        }
    }

    /// How many GIs the registry holds (0 without one).
    public var registeredGIs: Int { gi.registry?.entries.count ?? 0 }

    public func registerCommands(in registry: inout CommandRegistry) {
        DistrictHandlers().register(in: &registry)
        ProductHandlers(gi: gi).register(in: &registry)
        ImportHandler(gi: gi).register(in: &registry)
        ReportHandlers().register(in: &registry)
        CommandPlaces.register(in: &registry)
    }
}
