import Foundation
import ODOPMessages
import ODOPRuntime

/// A stand-in for the exports service in these tests: a real `ServiceHost` named `exports`,
/// whose commands emit real `exports.*` events (the wire types from ODOPMessages) through its
/// real outbox, so that notifications follows it as it would follow odop-exports.
struct StubExports: ServiceDefinition {
    let name = "exports"
    let version = "0.0.0-stub"
    var migrations: [ServiceMigration] { [] }

    enum EmitFigures: CommandSchema {
        static let name = "stub.figures"
        static let isMutating = true
        struct Arguments: Codable, Sendable {
            var count: Int
            var valueINRCrore: Double
            var district: String
            var state: String
            var stateCode: String
            var productName: String
            var sector: String
        }
        struct Result: Codable, Sendable { var eventIds: [String] }
    }

    enum EmitPlan: CommandSchema {
        static let name = "stub.plan"
        static let isMutating = true
        struct Arguments: Codable, Sendable {
            var status: String
            var district: String
            var state: String
            var stateCode: String
        }
        struct Result: Codable, Sendable { var eventId: String }
    }

    func registerCommands(in registry: inout CommandRegistry) {
        registry.write(EmitFigures.self) { args, transaction in
            var ids: [String] = []
            for index in 0..<args.count {
                let figure = ExportFigure(
                    productId: "p-\(args.district.lowercased())-\(index)", productName: args.productName, sector: args.sector,
                    state: args.state, stateCode: args.stateCode, district: args.district,
                    districtId: "\(args.stateCode)-\(args.district.lowercased())",
                    financialYear: "2025-26", valueINRCrore: args.valueINRCrore, source: "DGCIS", revision: 1,
                    previousValueINRCrore: nil, recordedAt: RFC3339.string(from: Date()))
                ids.append(try transaction.emit(ExportFiguresRecorded(figure)).id)
            }
            return EmitFigures.Result(eventIds: ids)
        }
        registry.write(EmitPlan.self) { args, transaction in
            let plan = StubExports.plan(
                status: PlanStatus(rawValue: args.status) ?? .draft, district: args.district, state: args.state, stateCode: args.stateCode)
            let envelope: EmittedEvent
            switch plan.status {
            case .draft: envelope = try transaction.emit(ExportPlanDrafted(plan))
            case .prepared: envelope = try transaction.emit(ExportPlanPrepared(plan))
            case .adopted: envelope = try transaction.emit(ExportPlanAdopted(plan))
            case .archived: envelope = try transaction.emit(ExportPlanArchived(plan))
            }
            return EmitPlan.Result(eventId: envelope.id)
        }
    }

    static func plan(status: PlanStatus, district: String, state: String, stateCode: String) -> ExportPlan {
        ExportPlan(
            planId: "deap-\(stateCode)-\(district.lowercased())-1", state: state, stateCode: stateCode, district: district,
            districtId: "\(stateCode)-\(district.lowercased())", status: status,
            products: [PlanProduct(productId: "p-1", name: "Leather footwear", sector: "manufacturing", status: .active)],
            targetMarkets: ["GB"], bottlenecks: [], interventions: [], depcAdoption: nil, sepcReviewNotes: [], version: 1,
            createdAt: "2026-11-23T07:05:01.000Z", updatedAt: "2026-11-23T07:05:01.000Z")
    }
}
