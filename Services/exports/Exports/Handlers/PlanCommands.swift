import Foundation
import ODOPCatalogueCopy
import ODOPMessages
import ODOPRuntime

/// `plan.get`, `plan.list`, `plan.prepare`, `plan.update`, `plan.adopt`, `plan.review`,
/// `intervention.update`. Plans are created and archived only by the catalogue subscription.
///
/// Every change adds 1 to the plan's version and emits one `exports.plan.*` event in the same
/// transaction; a command that would change nothing returns the plan as it is and emits nothing.
/// Checks run in this order: the plan exists (`not_found`), `expectedVersion` (`conflict`), the
/// status allows the command (`conflict` naming the status), then the arguments
/// (`invalid_argument` naming the field).
enum PlanCommands {
    static func register(in registry: inout CommandRegistry) {
        registry.read(PlanGet.self) { args, context in
            let plans = PlanStore(db: context.db)
            if let planId = args.planId {
                return try plans.require(id: planId).plan
            }
            let state = try PlaceArguments.state(args.state ?? "")
            let district = try CatalogueCopyReader(context.db).districts(argument: args.district ?? "", in: state)[0]
            guard let stored = try plans.plan(districtId: district.id) else {
                throw CommandError.notFound("no export plan for district \"\(district.name)\" in \"\(state.name)\"", field: "district")
            }
            return stored.plan
        }

        registry.read(PlanList.self) { args, context in
            let page = PageArguments.page(limit: args.limit, offset: args.offset)
            let state = try PlaceArguments.state(ifGiven: args.state)
            let districts = try args.district.map { try CatalogueCopyReader(context.db).districts(argument: $0, in: state).map(\.id) }
            let (items, total) = try PlanStore(db: context.db).list(
                state: state, districtIds: districts, status: args.status, limit: page.limit, offset: page.offset)
            return PlanList.Result(items: items, total: total)
        }

        registry.write(PlanPrepare.self) { args, transaction in
            try change(args.planId, expectedVersion: args.expectedVersion, transaction) { stored in
                try PlanLifecycle.requireTransition(of: stored.plan, to: .prepared)
                try PlanContent.apply(args, to: &stored.plan, nextInterventionNumber: &stored.nextIntervention)
                try PlanContent.requireComplete(stored.plan, for: "plan.prepare")
                stored.plan.status = .prepared
                return .prepared
            }
        }

        registry.write(PlanUpdate.self) { args, transaction in
            try change(args.planId, expectedVersion: args.expectedVersion, transaction) { stored in
                try PlanLifecycle.requireEditable(stored.plan)
                guard args.targetMarkets != nil || args.bottlenecks != nil || args.interventions != nil else {
                    throw CommandError.invalidArgument(
                        "nothing to change: give 'targetMarkets', 'bottlenecks' or 'interventions'", field: "targetMarkets")
                }
                try PlanContent.apply(args, to: &stored.plan, nextInterventionNumber: &stored.nextIntervention)
                if stored.plan.status == .prepared {
                    try PlanContent.requireComplete(stored.plan, for: "plan.update")
                }
                return .updated(.contentUpdated)
            }
        }

        registry.write(PlanAdopt.self) { args, transaction in
            try change(args.planId, expectedVersion: args.expectedVersion, transaction) { stored in
                try PlanLifecycle.requireTransition(of: stored.plan, to: .adopted)
                let date = try CalendarDate(parsing: args.date, field: "date")
                let reference = try TextArguments.required(args.reference, field: "reference", maximum: PlanContent.maximumNameLength)
                stored.plan.depcAdoption = DEPCAdoption(date: date.description, reference: reference)
                stored.plan.status = .adopted
                return .adopted
            }
        }

        registry.write(PlanReview.self) { args, transaction in
            try change(args.planId, expectedVersion: args.expectedVersion, transaction) { stored in
                try PlanLifecycle.requireOpen(stored.plan)
                var date = CalendarDate.today()
                if let given = args.date { date = try CalendarDate(parsing: given, field: "date") }
                let note = try TextArguments.required(args.note, field: "note", maximum: PlanContent.maximumNoteLength)
                stored.plan.sepcReviewNotes.append(SEPCReviewNote(date: date.description, note: note))
                return .updated(.reviewNoted)
            }
        }

        registry.write(InterventionUpdate.self) { args, transaction in
            try change(args.planId, expectedVersion: args.expectedVersion, transaction) { stored in
                try PlanLifecycle.requireOpen(stored.plan)
                guard let index = stored.plan.interventions.firstIndex(where: { $0.id == args.interventionId }) else {
                    throw CommandError.notFound(
                        "plan \(stored.plan.planId) has no intervention \"\(args.interventionId)\"", field: "interventionId")
                }
                var intervention = stored.plan.interventions[index]
                if let status = args.status {
                    try InterventionLifecycle.requireTransition(of: intervention, in: stored.plan, to: status, field: "status")
                    intervention.status = status
                }
                if let title = args.title {
                    intervention.title = try TextArguments.required(title, field: "title", maximum: PlanContent.maximumTitleLength)
                }
                if let body = args.responsibleBody {
                    intervention.responsibleBody = try TextArguments.required(
                        body, field: "responsibleBody", maximum: PlanContent.maximumNameLength)
                }
                if let due = args.dueDate {
                    intervention.dueDate = try CalendarDate(parsing: due, field: "dueDate").description
                }
                stored.plan.interventions[index] = intervention
                return .updated(.interventionUpdated)
            }
        }
    }

    /// The event a change emits.
    private enum Emitted {
        case prepared, adopted
        case updated(ExportPlanChange)
    }

    /// Loads the plan, checks `expectedVersion`, lets `body` change it, and — when the plan did
    /// change — stores it with its version and time moved on and emits the event `body` names,
    /// carrying the plan as stored.
    private static func change(
        _ planId: String, expectedVersion: Int?, _ transaction: ServiceTransaction,
        _ body: (inout StoredPlan) throws -> Emitted
    ) throws -> ExportPlan {
        let plans = PlanStore(db: transaction.db)
        let before = try plans.require(id: planId)
        try ExpectedVersion.require(expectedVersion, current: before.plan.version, of: "plan \(planId)")
        var stored = before
        let emitted = try body(&stored)
        let store = { (plan: ExportPlan) throws in
            try plans.update(StoredPlan(plan: plan, number: stored.number, nextIntervention: stored.nextIntervention))
        }
        switch emitted {
        case .prepared: return try transaction.storeChange(stored.plan, from: before.plan, store: store, event: ExportPlanPrepared.init)
        case .adopted: return try transaction.storeChange(stored.plan, from: before.plan, store: store, event: ExportPlanAdopted.init)
        case .updated(let change):
            return try transaction.storeChange(stored.plan, from: before.plan, store: store) { ExportPlanUpdated($0, change: change) }
        }
    }
}
