import Exports
import Foundation
import ODOPClient
import ODOPMessages
import ODOPReference
import ODOPRuntime
import ODOPTesting
import Testing

/// A stand-in catalogue (the harness's generic `StubSource`, publishing the catalogue's real
/// wire events through a real outbox) and the exports service following it, both in this process
/// on free loopback ports with their own temporary data directories. The exports service can be
/// stopped and started again on the same database, or started late.
final class ExportsCluster: @unchecked Sendable {
    let catalogue: StubSource
    let script = CatalogueScript()
    let exportsDirectory = TemporaryDirectory(prefix: "odop-exports")
    private(set) var exports: InProcessService?

    init(startExports: Bool = true) throws {
        catalogue = try StubSource("catalogue")
        if startExports { try self.startExports() }
    }

    func startExports() throws {
        precondition(exports == nil)
        exports = try InProcessService(ExportsService(), dataDirectory: exportsDirectory.path, peers: ["catalogue": catalogue.endpoints])
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
    func failure<C: CommandSchema>(_ command: C.Type, _ args: C.Arguments, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> CommandError
    {
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
        let target = catalogue.lastSeq
        guard let exports else { throw CommandError.unavailable("exports is not running") }
        try eventually("exports applied catalogue events up to \(target)", timeout: timeout) {
            let status = try exports.health().subscriptions.first { $0.source == "catalogue" }
            if status?.state == .stalled {
                throw CommandError.internalError("the catalogue subscription stalled: \(String(describing: status?.stalled))")
            }
            return (status?.lastAppliedSeq ?? 0) >= target
        }
    }

    // MARK: Changing the catalogue (its events, published by the stub)

    @discardableResult
    func register(_ name: String, state: String = "Uttar Pradesh", district: String, sector: String = "handicraft") throws -> ProductRecord
    {
        let product = try script.register(name, state: state, district: district, sector: sector)
        try catalogue.publish(ProductRegistered(product))
        return product
    }

    @discardableResult
    func update(_ product: ProductRecord, name: String? = nil, sector: String? = nil, description: String? = nil) throws -> ProductRecord {
        let updated = try script.update(product.id) { record in
            if let name { record.name = name }
            if let sector { record.sector = sector }
            if let description { record.description = description }
        }
        try catalogue.publish(ProductUpdated(updated))
        return updated
    }

    @discardableResult
    func retire(_ product: ProductRecord) throws -> ProductRecord {
        let retired = try script.update(product.id) { record in
            record.status = .retired
            record.retiredReason = "test"
        }
        try catalogue.publish(ProductRetired(retired))
        return retired
    }

    func registerDistrict(state: String, name: String) throws {
        try catalogue.publish(DistrictRegistered(try script.district(state: state, name: name)))
    }
}

/// The catalogue's records as the tests change them: the state a real catalogue would publish
/// (whole records, versions going up by one per change, state names and codes from the shared
/// reference data).
final class CatalogueScript: @unchecked Sendable {
    private var products: [String: ProductRecord] = [:]

    func district(state: String, name: String) throws -> DistrictRecord {
        guard let place = StateDirectory.resolve(state) else {
            throw CommandError.invalidArgument("unknown state \(state)", field: "state")
        }
        return DistrictRecord(
            id: Self.districtId(place, name), state: place.name, stateCode: place.code, name: name, lgdCode: nil, aliases: [])
    }

    func register(_ name: String, state: String, district: String, sector: String) throws -> ProductRecord {
        let place = try self.district(state: state, name: district)
        let now = RFC3339.string(from: Date())
        let product = ProductRecord(
            id: "p-" + UUID().uuidString.lowercased(), version: 1, state: place.state, stateCode: place.stateCode,
            district: district, districtId: place.id, lgdCode: nil, name: name, sector: sector.lowercased(), category: nil,
            description: nil, giStatus: false, giRegistry: nil, ministry: nil, status: .active, retiredReason: nil,
            createdAt: now, updatedAt: now)
        products[product.id] = product
        return product
    }

    func update(_ id: String, _ change: (inout ProductRecord) -> Void) throws -> ProductRecord {
        guard var product = products[id] else { throw CommandError.notFound("no product \(id)", field: "id") }
        change(&product)
        product.version += 1
        product.updatedAt = RFC3339.string(from: Date())
        products[id] = product
        return product
    }

    static func districtId(_ state: StateUT, _ district: String) -> String {
        "\(state.code)-" + district.lowercased().replacingOccurrences(of: " ", with: "-")
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
