import Foundation
import ODOPMessages
import ODOPRuntime

/// Checks and applies the content `plan.prepare` and `plan.update` bring: target markets,
/// bottlenecks and interventions. Every refusal is `invalid_argument` naming the field (or
/// `conflict` for an intervention status that cannot move).
public enum PlanContent {
    public static let maximumBottlenecks = 50
    public static let maximumInterventions = 200
    public static let maximumNoteLength = 4000
    public static let maximumTitleLength = 300
    public static let maximumNameLength = 200

    /// Applies the lists in `arguments` to `plan` (each list given replaces the plan's).
    /// New interventions take ids `i<n>` from `nextInterventionNumber`, which moves on.
    public static func apply(
        _ arguments: PlanContentArguments, to plan: inout ExportPlan, nextInterventionNumber: inout Int
    ) throws(CommandError) {
        if let markets = arguments.targetMarkets {
            plan.targetMarkets = try CountryCodes.targetMarkets(markets, field: "targetMarkets")
        }
        if let bottlenecks = arguments.bottlenecks {
            plan.bottlenecks = try Self.bottlenecks(bottlenecks)
        }
        if let inputs = arguments.interventions {
            plan.interventions = try interventions(inputs, replacing: plan, nextInterventionNumber: &nextInterventionNumber)
        }
    }

    /// What a prepared plan must have: at least one target market and one intervention.
    public static func requireComplete(_ plan: ExportPlan, for action: String) throws(CommandError) {
        guard !plan.targetMarkets.isEmpty else {
            throw .invalidArgument("\(action): a prepared plan needs at least one target market in 'targetMarkets'", field: "targetMarkets")
        }
        guard !plan.interventions.isEmpty else {
            throw .invalidArgument("\(action): a prepared plan needs at least one intervention in 'interventions'", field: "interventions")
        }
    }

    static func bottlenecks(_ items: [Bottleneck]) throws(CommandError) -> [Bottleneck] {
        guard items.count <= maximumBottlenecks else {
            throw .invalidArgument("field 'bottlenecks' may list at most \(maximumBottlenecks), got \(items.count)", field: "bottlenecks")
        }
        var result: [Bottleneck] = []
        for (index, item) in items.enumerated() {
            let note = try TextArguments.required(item.note, field: "bottlenecks.\(index).note", maximum: maximumNoteLength)
            result.append(Bottleneck(category: item.category, note: note))
        }
        return result
    }

    static func interventions(
        _ inputs: [InterventionInput], replacing plan: ExportPlan, nextInterventionNumber: inout Int
    ) throws(CommandError) -> [Intervention] {
        guard inputs.count <= maximumInterventions else {
            throw .invalidArgument(
                "field 'interventions' may list at most \(maximumInterventions), got \(inputs.count)", field: "interventions")
        }
        var result: [Intervention] = []
        var seen: Set<String> = []
        var next = nextInterventionNumber
        for (index, input) in inputs.enumerated() {
            let path = "interventions.\(index)"
            let title = try TextArguments.required(input.title, field: "\(path).title", maximum: maximumTitleLength)
            let body = try TextArguments.required(input.responsibleBody, field: "\(path).responsibleBody", maximum: maximumNameLength)
            let due = try CalendarDate(parsing: input.dueDate, field: "\(path).dueDate").description
            if let id = input.id {
                guard let existing = plan.interventions.first(where: { $0.id == id }) else {
                    throw .invalidArgument(
                        "field '\(path).id': plan \(plan.planId) has no intervention \"\(id)\" (leave 'id' out for a new one)",
                        field: "\(path).id")
                }
                guard seen.insert(id).inserted else {
                    throw .invalidArgument("field '\(path).id': intervention \"\(id)\" is listed twice", field: "\(path).id")
                }
                let status = input.status ?? existing.status
                try InterventionLifecycle.requireTransition(of: existing, in: plan, to: status, field: "\(path).status")
                result.append(Intervention(id: id, title: title, responsibleBody: body, dueDate: due, status: status))
            } else {
                let id = "i\(next)"
                next += 1
                result.append(Intervention(id: id, title: title, responsibleBody: body, dueDate: due, status: input.status ?? .planned))
            }
        }
        nextInterventionNumber = next
        return result
    }
}
