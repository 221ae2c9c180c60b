import ArgumentParser
import Foundation
import GRDB
import ODOPCatalogueCopy
import ODOPMessages
import ODOPRuntime

/// The training service (`odop-training`): schemes as data, artisans (identity kept only as a
/// keyed hash), applications through the schemes' verification stages, batches, attendance,
/// certificates, toolkits, stipends in payment batches, and reports.
///
/// It follows the catalogue through the shared copy (`CatalogueCopy`); a retired product
/// cancels its batches that have not started (`ProductRetirement`). Commands: see the
/// `Handlers` and docs/PROTOCOL.md (`### training`).
public struct TrainingService: ServiceDefinition {
    public let name = "training"
    public let version = "0.1.0"
    public let summary =
        "The ODOP training service: schemes, artisans, applications, batches, attendance, certificates, toolkits, stipends."
    /// The identity key and the clock. `init()` starts with a throwaway key that `configure`
    /// replaces with the deployment's (the launcher always calls it; it refuses to start
    /// without the key file).
    public private(set) var context: TrainingContext

    /// A service configured by `configure` from its options (the executable).
    public init() {
        context = TrainingContext(identityKey: IdentityKey(bytes: (0..<32).map { _ in UInt8.random(in: 0...255) }), clock: .system)
    }

    /// A service with a given key and clock (tests that run it in process).
    public init(context: TrainingContext) {
        self.context = context
    }

    /// The training service's own options.
    public struct Options: ParsableArguments, Sendable {
        @Option(
            name: .customLong("identity-key-file"),
            help: """
                The deployment secret that keys the hashes of Aadhaar numbers and family references: 32 or more random \
                bytes, mode 0600. It cannot be rotated without re-hashing every artisan. [env: ODOP_IDENTITY_KEY_FILE] (required)
                """)
        var identityKeyFile: String?

        @Option(
            name: .customLong("clock-file"),
            help: """
                Read "now" from this file (RFC 3339, or YYYY-MM-DD meaning 10:00 IST) instead of the system clock, at every \
                use; for tests and rehearsals. [env: ODOP_CLOCK_FILE] (default: the system clock)
                """)
        var clockFile: String?

        public init() {}
    }

    /// Reads the identity key file (missing → exit 78, readable by group or others → 77) and
    /// sets the clock.
    public mutating func configure(_ options: Options) throws(StartupError) {
        let environment = ProcessInfo.processInfo.environment.filter { !$0.value.isEmpty }
        guard let keyPath = options.identityKeyFile.flatMap({ $0.isEmpty ? nil : $0 }) ?? environment["ODOP_IDENTITY_KEY_FILE"] else {
            throw .configuration("no identity key file: give --identity-key-file or ODOP_IDENTITY_KEY_FILE (32+ random bytes, mode 0600)")
        }
        let clock = TrainingClock(file: options.clockFile.flatMap { $0.isEmpty ? nil : $0 } ?? environment["ODOP_CLOCK_FILE"])
        context = TrainingContext(identityKey: try IdentityKey(file: keyPath), clock: clock)
    }

    public var migrations: [ServiceMigration] { TrainingSchema.migrations }

    public func gauges(_ db: Database) throws -> [DomainGauge] { try TrainingGauges.read(db) }

    public var follows: [Follow] { [CatalogueCopy.follow(ProductRetirement(context: context))] }

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
        CommandPlaces.register(in: &registry)
    }
}
