import ODOPMessages

/// The plan status machine: `draft` → `prepared` → `adopted`, and any open status → `archived`
/// (done only by the catalogue subscription, when the district has no products left). Nothing
/// moves backwards and nothing leaves `archived`: a district whose plan is archived gets a new
/// draft plan when it gets a product again.
public enum PlanLifecycle {
    /// Whether a plan may move from `from` to `to`.
    public static func allows(_ from: PlanStatus, to: PlanStatus) -> Bool {
        switch (from, to) {
        case (.draft, .prepared), (.prepared, .adopted):
            return true
        case (.draft, .archived), (.prepared, .archived), (.adopted, .archived):
            return true
        default:
            return false
        }
    }

    /// Refuses, with `conflict` naming the plan's current status, a move the machine does not
    /// allow.
    public static func requireTransition(of plan: ExportPlan, to target: PlanStatus) throws(CommandError) {
        guard allows(plan.status, to: target) else {
            let rule: String
            switch target {
            case .prepared: rule = "only a draft plan can be prepared"
            case .adopted:
                rule =
                    plan.status == .draft ? "only a prepared plan can be adopted; prepare it first" : "only a prepared plan can be adopted"
            case .archived: rule = "it is archived already"
            case .draft: rule = "a plan never returns to draft"
            }
            throw .conflict("plan \(plan.planId) is \(plan.status.rawValue): \(rule)")
        }
    }

    /// Refuses content changes (`plan.update`) unless the plan is `draft` or `prepared`.
    public static func requireEditable(_ plan: ExportPlan) throws(CommandError) {
        guard plan.status == .draft || plan.status == .prepared else {
            throw .conflict(
                "plan \(plan.planId) is \(plan.status.rawValue): its target markets, bottlenecks and interventions can change only while it is draft or prepared"
            )
        }
    }

    /// Refuses any change to an archived plan (`plan.review`, `intervention.update`).
    public static func requireOpen(_ plan: ExportPlan) throws(CommandError) {
        guard plan.status.isOpen else {
            throw .conflict("plan \(plan.planId) is archived: it no longer changes")
        }
    }
}

/// The intervention status machine: `planned` → `in_progress` → `done`; `planned` → `done`;
/// `planned` or `in_progress` → `dropped`. `done` and `dropped` are final. Staying put is allowed.
public enum InterventionLifecycle {
    public static func allows(_ from: InterventionStatus, to: InterventionStatus) -> Bool {
        if from == to { return true }
        switch (from, to) {
        case (.planned, .inProgress), (.planned, .done), (.inProgress, .done), (.planned, .dropped), (.inProgress, .dropped):
            return true
        default:
            return false
        }
    }

    /// Refuses, with `conflict` naming the current status, a move the machine does not allow.
    public static func requireTransition(
        of intervention: Intervention, in plan: ExportPlan, to target: InterventionStatus, field: String
    ) throws(CommandError) {
        guard allows(intervention.status, to: target) else {
            throw .conflict(
                "intervention \(intervention.id) of plan \(plan.planId) is \(intervention.status.rawValue), which is final; it cannot become \(target.rawValue)",
                field: field)
        }
    }
}
