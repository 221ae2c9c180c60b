import Exports
import Foundation
import ODOPClient
import ODOPMessages
import ODOPRuntime
import ODOPTesting
import Testing

/// The fake catalogue and the exports service following it, both in this process on free
/// loopback ports with their own temporary data directories. The exports service can be stopped
/// and started again on the same database, or started late.
final class ExportsCluster: @unchecked Sendable {
    let catalogue: InProcessService
    let exportsDirectory = TemporaryDirectory(prefix: "odop-exports")
    private(set) var exports: InProcessService?
    let catalogueClient: CommandClient

    init(startExports: Bool = true) throws {
        catalogue = try InProcessService(FakeCatalogue())
        catalogueClient = try catalogue.makeClient()
        if startExports { try self.startExports() }
    }

    var definition: ExportsService {
        ExportsService(catalogueCommands: catalogue.commandsEndpoint, catalogueEvents: catalogue.eventsEndpoint)
    }

    func startExports() throws {
        precondition(exports == nil)
        exports = try InProcessService(definition, dataDirectory: exportsDirectory.path)
    }

    func stopExports() async {
        await exports?.stop()
        exports = nil
    }

    func stop() async {
        await stopExports()
        await catalogue.stop()
    }

    /// Runs `body` with a fresh cluster and stops it afterwards, also when `body` throws.
    static func with(startExports: Bool = true, _ body: (ExportsCluster) async throws -> Void) async throws {
        let cluster = try ExportsCluster(startExports: startExports)
        do {
            try await body(cluster)
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }

    // MARK: Talking to the exports service

    func client() throws -> CommandClient {
        guard let exports else { throw CommandError.unavailable("exports is not running") }
        return try exports.makeClient()
    }

    func call<C: CommandSchema>(_ command: C.Type, _ args: C.Arguments) throws -> C.Result {
        try client().call(command, args)
    }

    /// The error `command` fails with; records an issue when it succeeds.
    func failure<C: CommandSchema>(_ command: C.Type, _ args: C.Arguments, sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandError {
        let client = try client()
        do {
            _ = try client.call(command, args)
        } catch {
            return error
        }
        Issue.record("\(C.name) succeeded but should have failed", sourceLocation: sourceLocation)
        return CommandError.internalError("succeeded")
    }

    func plan(_ planId: String) throws -> ExportPlan { try call(PlanGet.self, .init(planId: planId)) }

    func plan(state: String, district: String) throws -> ExportPlan { try call(PlanGet.self, .init(state: state, district: district)) }

    func allPlans() throws -> [ExportPlan] {
        var plans: [ExportPlan] = []
        while true {
            let page = try call(PlanList.self, .init(limit: 1000, offset: plans.count))
            plans += page.items
            if page.items.isEmpty || plans.count >= page.total { return plans }
        }
    }

    /// Every event the exports service has emitted, from its log.
    func exportsEvents() throws -> [EventEnvelope] {
        var events: [EventEnvelope] = []
        while true {
            let page = try call(EventsReplay.self, .init(after: Int64(events.count), limit: 10_000))
            events += page.events
            if page.events.isEmpty || Int64(events.count) >= page.lastSeq { return events }
        }
    }

    func exportsLastSeq() throws -> Int64 { try call(EventsReplay.self, .init(after: 0, limit: 1)).lastSeq }

    /// Waits until the exports service has applied every catalogue event committed so far.
    func waitUntilCaughtUp(timeout: Duration = .seconds(60)) throws {
        let target = try catalogue.host.store.lastSeq()
        guard let exports else { throw CommandError.unavailable("exports is not running") }
        try eventually("exports applied catalogue events up to \(target)", timeout: timeout) {
            let status = try exports.health().subscriptions.first { $0.source == "catalogue" }
            if status?.state == .stalled { throw CommandError.internalError("the catalogue subscription stalled: \(String(describing: status?.stalled))") }
            return (status?.lastAppliedSeq ?? 0) >= target
        }
    }

    // MARK: Changing the catalogue

    @discardableResult
    func register(_ name: String, state: String = "Uttar Pradesh", district: String, sector: String = "handicraft") throws -> ProductRecord {
        try catalogueClient.call(ProductRegister.self, .init(state: state, district: district, name: name, sector: sector))
    }

    @discardableResult
    func update(_ product: ProductRecord, name: String? = nil, sector: String? = nil) throws -> ProductRecord {
        try catalogueClient.call(ProductUpdate.self, .init(id: product.id, expectedVersion: product.version, name: name, sector: sector))
    }

    @discardableResult
    func retire(_ product: ProductRecord) throws -> ProductRecord {
        try catalogueClient.call(ProductRetire.self, .init(id: product.id, reason: "test"))
    }
}

/// Plan content good enough to prepare a plan.
enum SamplePlanContent {
    static let interventions = [
        InterventionInput(title: "Common facility centre for glass furnaces", responsibleBody: "DIC Firozabad", dueDate: "2025-03-31"),
        InterventionInput(title: "Buyer-seller meet in Dubai", responsibleBody: "EPCH", dueDate: "2024-12-15"),
    ]
    static let bottlenecks = [
        Bottleneck(category: .infrastructure, note: "Gas supply to furnaces is irregular"),
        Bottleneck(category: .marketAccess, note: "Few direct buyers abroad"),
    ]

    static func prepare(_ planId: String, expectedVersion: Int? = nil) -> PlanContentArguments {
        PlanContentArguments(
            planId: planId, expectedVersion: expectedVersion, targetMarkets: ["us", "AE", "DE"], bottlenecks: bottlenecks,
            interventions: interventions)
    }
}
