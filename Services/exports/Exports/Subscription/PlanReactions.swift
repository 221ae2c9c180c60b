import Foundation
import ODOPCatalogueCopy
import ODOPMessages
import ODOPRuntime

/// The exports service's reactions to its copy of the catalogue (`CatalogueCopy`): each product
/// change keeps the district plans in step (see `PlanMembership`). The copy's version guard
/// means a reaction runs only for a product state newer than the service knew.
struct PlanReactions: CatalogueReactions {
    func productChanged(
        _ product: CatalogueProduct, previous: CatalogueProduct?, event: EventEnvelope, in transaction: ServiceTransaction
    ) throws {
        try PlanMembership(transaction: transaction, time: event.time).follow(product)
    }
}

/// How district plans follow the catalogue's products:
/// - an active product belongs to its district's open plan: it joins it (`exports.plan.updated`,
///   `product_added`), or, when the district has no open plan (none yet, or only archived ones),
///   a new draft plan is created for it (`exports.plan.drafted`);
/// - a product's new name or sector is copied into the plan (`product_changed`);
/// - a retired product (or one that moved to another district) leaves its open plan
///   (`product_removed`); a plan left without products is archived (`exports.plan.archived`),
///   keeping the product that left, marked with its status.
struct PlanMembership {
    let transaction: ServiceTransaction
    /// The catalogue event's time: plans created or changed by it carry it.
    let time: String

    func follow(_ product: CatalogueProduct) throws {
        let plans = PlanStore(db: transaction.db)

        for stored in try plans.openPlans(listing: product.id)
        where product.status != .active || stored.plan.districtId != product.districtId {
            try leave(product, stored, plans)
        }
        guard product.status == .active else { return }

        let entry = PlanProduct(productId: product.id, name: product.name, sector: product.sector, status: product.status)
        if let stored = try plans.openPlan(districtId: product.districtId) {
            if let index = stored.plan.products.firstIndex(where: { $0.productId == product.id }) {
                try save(stored, plans, .updated(.productChanged)) { $0.products[index] = entry }
            } else {
                try save(stored, plans, .updated(.productAdded)) { $0.products.append(entry) }
            }
        } else {
            let number = try plans.nextNumber(districtId: product.districtId)
            let plan = ExportPlan(
                planId: "deap-\(product.districtId)-\(number)", state: product.state, stateCode: product.stateCode,
                district: product.district, districtId: product.districtId, status: .draft, products: [entry],
                targetMarkets: [], bottlenecks: [], interventions: [], depcAdoption: nil, sepcReviewNotes: [],
                version: 1, createdAt: time, updatedAt: time)
            try plans.insert(StoredPlan(plan: plan, number: number, nextIntervention: 1))
            try transaction.emit(ExportPlanDrafted(plan))
        }
    }

    private func leave(_ product: CatalogueProduct, _ stored: StoredPlan, _ plans: PlanStore) throws {
        guard let index = stored.plan.products.firstIndex(where: { $0.productId == product.id }) else { return }
        if stored.plan.products.count > 1 {
            try save(stored, plans, .updated(.productRemoved)) { $0.products.remove(at: index) }
        } else {
            try save(stored, plans, .archived) { plan in
                plan.products[index] = PlanProduct(
                    productId: product.id, name: product.name, sector: product.sector, status: product.status)
                plan.status = .archived
            }
        }
    }

    private enum Outcome {
        case updated(ExportPlanChange)
        case archived
    }

    /// Applies `edit` to the plan and stores it the way every versioned change is stored
    /// (`storeChange`: a new version, stamped with the catalogue event's time, and its event);
    /// an edit that changes nothing stores and emits nothing.
    private func save(_ stored: StoredPlan, _ plans: PlanStore, _ outcome: Outcome, _ edit: (inout ExportPlan) -> Void) throws {
        var changed = stored.plan
        edit(&changed)
        let store = { (plan: ExportPlan) throws in
            var next = stored
            next.plan = plan
            try plans.update(next)
        }
        switch outcome {
        case .updated(let change):
            try transaction.storeChange(changed, from: stored.plan, at: time, store: store) { ExportPlanUpdated($0, change: change) }
        case .archived:
            try transaction.storeChange(changed, from: stored.plan, at: time, store: store) { ExportPlanArchived($0) }
        }
    }
}
