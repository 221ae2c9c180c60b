import Foundation

// The exports service's events. A plan event's data is the whole plan after the change (so it
// carries `planId`, `state`, `district` and `status`, as the design requires); a figure event's
// data is the recorded figure.

/// `exports.plan.drafted`: a district got a new plan (its first product, or a product after its
/// previous plan was archived). Status `draft`.
public struct ExportPlanDrafted: RecordEvent, Equatable {
    public static let eventType = "exports.plan.drafted"
    public static let schemaVersion = 1
    public var plan: ExportPlan
    public var record: ExportPlan { plan }
    public init(_ plan: ExportPlan) { self.plan = plan }
}

/// `exports.plan.prepared`: a draft plan was prepared (`plan.prepare`). Status `prepared`.
public struct ExportPlanPrepared: RecordEvent, Equatable {
    public static let eventType = "exports.plan.prepared"
    public static let schemaVersion = 1
    public var plan: ExportPlan
    public var record: ExportPlan { plan }
    public init(_ plan: ExportPlan) { self.plan = plan }
}

/// `exports.plan.adopted`: the DEPC adopted a prepared plan (`plan.adopt`). Status `adopted`,
/// with `depcAdoption`.
public struct ExportPlanAdopted: RecordEvent, Equatable {
    public static let eventType = "exports.plan.adopted"
    public static let schemaVersion = 1
    public var plan: ExportPlan
    public var record: ExportPlan { plan }
    public init(_ plan: ExportPlan) { self.plan = plan }
}

/// `exports.plan.archived`: the plan's district has no active products left in it (its last
/// product was retired). Status `archived`; `products` lists what it had, as `retired`.
public struct ExportPlanArchived: RecordEvent, Equatable {
    public static let eventType = "exports.plan.archived"
    public static let schemaVersion = 1
    public var plan: ExportPlan
    public var record: ExportPlan { plan }
    public init(_ plan: ExportPlan) { self.plan = plan }
}

/// What an `exports.plan.updated` event changed.
public enum ExportPlanChange: String, Codable, Sendable, CaseIterable {
    /// A product registered in the district joined the plan.
    case productAdded = "product_added"
    /// A product's name or sector changed in the catalogue.
    case productChanged = "product_changed"
    /// A product was retired (or moved away) and left the plan; others remain.
    case productRemoved = "product_removed"
    /// `plan.update` (target markets, bottlenecks, interventions).
    case contentUpdated = "content_updated"
    /// `intervention.update`.
    case interventionUpdated = "intervention_updated"
    /// `plan.review` (an SEPC review note).
    case reviewNoted = "review_noted"

    public init(from decoder: any Decoder) throws {
        self = try ExportsVocabulary.decode(Self.self, from: decoder)
    }
}

/// `exports.plan.updated`: an open plan changed without changing status. Data: the whole plan
/// plus `change` (what changed, see `ExportPlanChange`).
public struct ExportPlanUpdated: EventPayload, Equatable {
    public static let eventType = "exports.plan.updated"
    public static let schemaVersion = 1
    public var plan: ExportPlan
    public var change: ExportPlanChange
    public init(_ plan: ExportPlan, change: ExportPlanChange) {
        self.plan = plan
        self.change = change
    }

    private enum CodingKeys: String, CodingKey { case change }

    public init(from decoder: any Decoder) throws {
        plan = try ExportPlan(from: decoder)
        change = try decoder.container(keyedBy: CodingKeys.self).decode(ExportPlanChange.self, forKey: .change)
    }

    public func encode(to encoder: any Encoder) throws {
        try plan.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(change, forKey: .change)
    }
}

/// `exports.figures.recorded`: an export figure was recorded, or corrected (`revision` > 1,
/// with `previousValueINRCrore`). Data: the figure.
public struct ExportFiguresRecorded: RecordEvent, Equatable {
    public static let eventType = "exports.figures.recorded"
    public static let schemaVersion = 1
    public var figure: ExportFigure
    public var record: ExportFigure { figure }
    public init(_ figure: ExportFigure) { self.figure = figure }
}
