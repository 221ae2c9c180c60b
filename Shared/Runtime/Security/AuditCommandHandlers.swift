import Foundation
import Logging
import ODOPMessages
import ServiceLifecycle
import UnixSignals

/// `audit.list`, answered by every service from its own audit trail. Needs the admin role; a
/// scoped admin lists only its places (it must name a state or district there).
enum AuditCommandHandlers {
    static func register(in registry: inout CommandRegistry) {
        registry.read(AuditList.self) { args, context in
            let stateCode = try PlaceArguments.state(ifGiven: args.state)?.code
            return try AuditTrail.list(args, stateCode: stateCode, context.db)
        }
        registry.require(.admin, for: AuditList.self)
        registry.place(
            of: AuditList.self,
            .record { args, _ in
                if let district = args.district { return CommandPlace(stateCode: nil, districtID: district) }
                return try PlaceArguments.state(ifGiven: args.state).map { CommandPlace(state: $0, district: nil) }
            })
    }
}

/// Reloads the allowlist on SIGHUP, for as long as the service runs, and records each reload
/// (the names added and removed, or why the old list was kept) in the audit trail.
struct AllowlistReloader: Service {
    let access: AccessControl
    let store: ServiceStore
    let service: String
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            reload(access: access, store: store, service: service, logger: logger)
        }
    }
}

/// Reloads `access` and records the outcome in `store`'s audit trail (who: `-`, the operator
/// who sent the signal is not known to the service).
@discardableResult
func reload(access: AccessControl, store: ServiceStore, service: String, logger: Logger) -> AccessControl.Reload {
    let outcome = access.reload()
    let details: JSONValue
    switch outcome {
    case .replaced(let added, let removed, let count):
        details = .object([
            "added": .array(added.map(JSONValue.string)), "removed": .array(removed.map(JSONValue.string)), "keys": .int(Int64(count)),
        ])
    case .kept(let reason):
        details = .object(["kept": .bool(true), "reason": .string(reason)])
    }
    do {
        try store.write { transaction in
            try AuditTrail.append(
                .init(who: "-", action: "keys.reloaded", subject: access.path, details: try WireFormat.encode(details)), transaction.db)
        }
    } catch {
        logger.error("cannot record the allowlist reload in the audit trail", metadata: ["error": "\(error)"])
    }
    return outcome
}
