import Foundation
import GRDB
import ODOPCatalogueCopy
import ODOPMessages
import ODOPRuntime

/// Where each exports command acts, for scoped keys and the audit trail: a plan command acts in
/// its plan's district, a figure command in its product's district (from the local copy of the
/// catalogue), and lists and reports in the state and district they filter by.
enum CommandPlaces {
    static func register(in registry: inout CommandRegistry) {
        registry.place(
            of: PlanGet.self,
            .record { args, db in
                if let planId = args.planId { return try planPlace(planId, db) }
                return try PlaceArguments.state(ifGiven: args.state).map { CommandPlace(state: $0, district: args.district) }
            })
        registry.place(of: PlanList.self, .fields(state: { $0.state }, district: { $0.district }))
        registry.place(of: PlanPrepare.self, .record { args, db in try planPlace(args.planId, db) })
        registry.place(of: PlanUpdate.self, .record { args, db in try planPlace(args.planId, db) })
        registry.place(of: PlanAdopt.self, .record { args, db in try planPlace(args.planId, db) })
        registry.place(of: PlanReview.self, .record { args, db in try planPlace(args.planId, db) })
        registry.place(of: InterventionUpdate.self, .record { args, db in try planPlace(args.planId, db) })
        registry.place(of: FiguresRecord.self, .record { args, db in try productPlace(args.productId, db) })
        registry.place(of: FiguresHistory.self, .record { args, db in try productPlace(args.productId, db) })
        registry.place(
            of: FiguresList.self,
            .record { args, db in
                if let productId = args.productId { return try productPlace(productId, db) }
                return try PlaceArguments.state(ifGiven: args.state).map { CommandPlace(state: $0, district: args.district) }
            })
        registry.place(of: PlansReport.self, .fields(state: { $0.state }))
        registry.place(of: PlanGapsReport.self, .fields(state: { $0.state }))
        registry.place(of: ExportsReport.self, .fields(state: { $0.state }))
    }

    /// The district of plan `planId`; `not_found` naming `planId` when there is none.
    static func planPlace(_ planId: String, _ db: Database) throws -> CommandPlace {
        let plan = try PlanStore(db: db).require(id: planId).plan
        return CommandPlace(stateCode: plan.stateCode, districtID: plan.districtId)
    }

    /// The district of catalogue product `productId` as this service knows it; `not_found`
    /// naming `productId` when it does not.
    static func productPlace(_ productId: String, _ db: Database) throws -> CommandPlace {
        guard let product = try CatalogueCopyReader(db).product(id: productId) else {
            throw CommandError.notFound("no catalogue product \"\(productId)\" is known to exports", field: "productId")
        }
        return CommandPlace(stateCode: product.stateCode, districtID: product.districtId)
    }
}
