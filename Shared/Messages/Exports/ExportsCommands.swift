import Foundation

// The exports service's commands. These types fix the shapes and the shape rules (required,
// not blank, ranges); the service checks the domain (status machine, ISO 3166-1 country codes,
// `YYYY-YY` financial years, `YYYY-MM-DD` dates, known products) and answers `invalid_argument`
// naming the field, `not_found`, or `conflict` naming the current status.

// MARK: - Plans

/// `plan.get {planId}` or `plan.get {state, district}` → the plan. By district it is the
/// district's open plan, or its latest archived one when none is open. `state` is read as the
/// catalogue reads it (LGD name, alias, `TN` or `IN-TN`; an unknown state is `invalid_argument`
/// naming `state`), `district` is the name or the catalogue's district id, matched
/// case-insensitively. No such plan → `not_found`.
public enum PlanGet: CommandSchema {
    public typealias Result = ExportPlan
    public static let name = "plan.get"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var planId: String?
        public var state: String?
        public var district: String?
        public init(planId: String) {
            self.planId = planId
        }
        public init(state: String, district: String) {
            self.state = state
            self.district = district
        }
        public func validate() throws(CommandError) {
            if let planId {
                try ExportsArgumentRules.notBlank(planId, "planId")
                if state != nil || district != nil {
                    throw .invalidArgument("give either 'planId' or 'state' and 'district', not both", field: "planId")
                }
                return
            }
            guard let state else { throw .invalidArgument("missing field 'planId' (or 'state' and 'district')", field: "planId") }
            guard let district else { throw .invalidArgument("missing field 'district' (with 'state')", field: "district") }
            try ExportsArgumentRules.notBlank(state, "state")
            try ExportsArgumentRules.notBlank(district, "district")
        }
    }
}

/// `plan.list {state?, district?, status?, limit?, offset?}` → `{items, total}`, ordered by
/// state, district, planId. All statuses unless `status` says otherwise; `limit` defaults to 50
/// and is at most 1000; `total` counts all matches.
public enum PlanList: CommandSchema {
    public static let name = "plan.list"
    public static let isMutating = false
    public static let defaultLimit = PageArguments.defaultLimit
    public static let maximumLimit = PageArguments.maximumLimit
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var state: String?
        public var district: String?
        public var status: PlanStatus?
        public var limit: Int?
        public var offset: Int?
        public init(state: String? = nil, district: String? = nil, status: PlanStatus? = nil, limit: Int? = nil, offset: Int? = nil) {
            self.state = state
            self.district = district
            self.status = status
            self.limit = limit
            self.offset = offset
        }
        public func validate() throws(CommandError) {
            try PageArguments.validate(limit: limit, offset: offset, maximum: PlanList.maximumLimit)
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var items: [ExportPlan]
        public var total: Int
        public init(items: [ExportPlan], total: Int) {
            self.items = items
            self.total = total
        }
    }
}

/// An intervention as given to `plan.prepare` and `plan.update`. Without `id` it is a new one
/// (the service assigns the id); with the `id` of one of the plan's interventions it replaces
/// that one. `status` defaults to `planned` for a new one and to the current status otherwise.
public struct InterventionInput: Codable, Sendable, Equatable {
    public var id: String?
    public var title: String
    public var responsibleBody: String
    /// `YYYY-MM-DD`.
    public var dueDate: String
    public var status: InterventionStatus?
    public init(id: String? = nil, title: String, responsibleBody: String, dueDate: String, status: InterventionStatus? = nil) {
        self.id = id
        self.title = title
        self.responsibleBody = responsibleBody
        self.dueDate = dueDate
        self.status = status
    }
}

/// The plan content that `plan.prepare` and `plan.update` take. Each list given replaces the
/// plan's list; a list left out keeps the plan's.
public struct PlanContentArguments: Codable, Sendable, Equatable, ValidatableArguments {
    public var planId: String
    /// When given, the plan's current version; otherwise `conflict`.
    public var expectedVersion: Int?
    /// ISO 3166-1 alpha-2 codes; case-insensitive on input, stored uppercase, duplicates dropped.
    public var targetMarkets: [String]?
    public var bottlenecks: [Bottleneck]?
    public var interventions: [InterventionInput]?
    public init(
        planId: String, expectedVersion: Int? = nil, targetMarkets: [String]? = nil, bottlenecks: [Bottleneck]? = nil,
        interventions: [InterventionInput]? = nil
    ) {
        self.planId = planId
        self.expectedVersion = expectedVersion
        self.targetMarkets = targetMarkets
        self.bottlenecks = bottlenecks
        self.interventions = interventions
    }
    public func validate() throws(CommandError) {
        try ExportsArgumentRules.notBlank(planId, "planId")
        try ExportsArgumentRules.version(expectedVersion)
        for (index, bottleneck) in (bottlenecks ?? []).enumerated() {
            try ExportsArgumentRules.notBlank(bottleneck.note, "bottlenecks.\(index).note")
        }
        for (index, intervention) in (interventions ?? []).enumerated() {
            if let id = intervention.id { try ExportsArgumentRules.notBlank(id, "interventions.\(index).id") }
            try ExportsArgumentRules.notBlank(intervention.title, "interventions.\(index).title")
            try ExportsArgumentRules.notBlank(intervention.responsibleBody, "interventions.\(index).responsibleBody")
        }
    }
}

/// `plan.prepare {planId, expectedVersion?, targetMarkets?, bottlenecks?, interventions?}` →
/// the plan, now `prepared` (event `exports.plan.prepared`). Only a `draft` can be prepared
/// (`conflict` naming the current status otherwise). The lists given replace the plan's; after
/// that the plan must have at least one target market and one intervention.
public enum PlanPrepare: CommandSchema {
    public typealias Arguments = PlanContentArguments
    public typealias Result = ExportPlan
    public static let name = "plan.prepare"
    public static let isMutating = true
}

/// `plan.update {planId, expectedVersion?, targetMarkets?, bottlenecks?, interventions?}` → the
/// plan (event `exports.plan.updated`, change `content_updated`). Only while `draft` or
/// `prepared`; at least one list must be given. A prepared plan must keep at least one target
/// market and one intervention.
public enum PlanUpdate: CommandSchema {
    public typealias Arguments = PlanContentArguments
    public typealias Result = ExportPlan
    public static let name = "plan.update"
    public static let isMutating = true
}

/// `plan.adopt {planId, expectedVersion?, date, reference}` → the plan, now `adopted`, with
/// `depcAdoption` (event `exports.plan.adopted`). Only a `prepared` plan can be adopted.
public enum PlanAdopt: CommandSchema {
    public typealias Result = ExportPlan
    public static let name = "plan.adopt"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var planId: String
        public var expectedVersion: Int?
        /// The DEPC's adoption date, `YYYY-MM-DD`.
        public var date: String
        public var reference: String
        public init(planId: String, expectedVersion: Int? = nil, date: String, reference: String) {
            self.planId = planId
            self.expectedVersion = expectedVersion
            self.date = date
            self.reference = reference
        }
        public func validate() throws(CommandError) {
            try ExportsArgumentRules.notBlank(planId, "planId")
            try ExportsArgumentRules.version(expectedVersion)
            try ExportsArgumentRules.notBlank(reference, "reference")
        }
    }
}

/// `plan.review {planId, expectedVersion?, date?, note}` → the plan with the SEPC review note
/// appended (event `exports.plan.updated`, change `review_noted`). `date` (`YYYY-MM-DD`)
/// defaults to today (UTC). Any open plan; an archived one is a `conflict`.
public enum PlanReview: CommandSchema {
    public typealias Result = ExportPlan
    public static let name = "plan.review"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var planId: String
        public var expectedVersion: Int?
        public var date: String?
        public var note: String
        public init(planId: String, expectedVersion: Int? = nil, date: String? = nil, note: String) {
            self.planId = planId
            self.expectedVersion = expectedVersion
            self.date = date
            self.note = note
        }
        public func validate() throws(CommandError) {
            try ExportsArgumentRules.notBlank(planId, "planId")
            try ExportsArgumentRules.version(expectedVersion)
            try ExportsArgumentRules.notBlank(note, "note")
        }
    }
}

/// `intervention.update {planId, interventionId, expectedVersion?, title?, responsibleBody?,
/// dueDate?, status?}` → the plan (event `exports.plan.updated`, change
/// `intervention_updated`). Any open plan (progress is tracked after adoption too). Status moves
/// `planned` → `in_progress` → `done`, or to `dropped` from either; `done` and `dropped` are
/// final (`conflict`). At least one field to change must be given.
public enum InterventionUpdate: CommandSchema {
    public typealias Result = ExportPlan
    public static let name = "intervention.update"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var planId: String
        public var interventionId: String
        public var expectedVersion: Int?
        public var title: String?
        public var responsibleBody: String?
        public var dueDate: String?
        public var status: InterventionStatus?
        public init(
            planId: String, interventionId: String, expectedVersion: Int? = nil, title: String? = nil,
            responsibleBody: String? = nil, dueDate: String? = nil, status: InterventionStatus? = nil
        ) {
            self.planId = planId
            self.interventionId = interventionId
            self.expectedVersion = expectedVersion
            self.title = title
            self.responsibleBody = responsibleBody
            self.dueDate = dueDate
            self.status = status
        }
        public func validate() throws(CommandError) {
            try ExportsArgumentRules.notBlank(planId, "planId")
            try ExportsArgumentRules.notBlank(interventionId, "interventionId")
            try ExportsArgumentRules.version(expectedVersion)
            if let title { try ExportsArgumentRules.notBlank(title, "title") }
            if let responsibleBody { try ExportsArgumentRules.notBlank(responsibleBody, "responsibleBody") }
            if title == nil && responsibleBody == nil && dueDate == nil && status == nil {
                throw .invalidArgument("nothing to change: give 'title', 'responsibleBody', 'dueDate' or 'status'", field: "status")
            }
        }
    }
}

// MARK: - Export figures

/// `figures.record {productId, financialYear, valueINRCrore, source}` → the figure as stored
/// (event `exports.figures.recorded`). A second figure for the same product and year is a
/// correction: it becomes the next revision, and the history keeps every revision. Recording
/// exactly the current value and source again changes nothing and emits nothing (it returns the
/// current revision). `productId` must be a product the service has seen in the catalogue's
/// events (`invalid_argument` otherwise); `financialYear` is `YYYY-YY` with the second part the
/// year after the first (`2023-24`); `valueINRCrore` is a number at least 0.
public enum FiguresRecord: CommandSchema {
    public typealias Result = ExportFigure
    public static let name = "figures.record"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var productId: String
        public var financialYear: String
        public var valueINRCrore: Double
        public var source: String
        public init(productId: String, financialYear: String, valueINRCrore: Double, source: String) {
            self.productId = productId
            self.financialYear = financialYear
            self.valueINRCrore = valueINRCrore
            self.source = source
        }
        public func validate() throws(CommandError) {
            try ExportsArgumentRules.notBlank(productId, "productId")
            try ExportsArgumentRules.notBlank(source, "source")
            guard valueINRCrore >= 0 else {
                throw .invalidArgument("field 'valueINRCrore' must be at least 0, got \(valueINRCrore)", field: "valueINRCrore")
            }
            guard valueINRCrore.isFinite else {
                throw .invalidArgument("field 'valueINRCrore' must be a finite number", field: "valueINRCrore")
            }
        }
    }
}

/// `figures.history {productId, financialYear}` → `{current, revisions}`: the current figure and
/// every revision, oldest first. None recorded → `not_found`.
public enum FiguresHistory: CommandSchema {
    public static let name = "figures.history"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var productId: String
        public var financialYear: String
        public init(productId: String, financialYear: String) {
            self.productId = productId
            self.financialYear = financialYear
        }
        public func validate() throws(CommandError) {
            try ExportsArgumentRules.notBlank(productId, "productId")
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var current: ExportFigure
        public var revisions: [ExportFigure]
        public init(current: ExportFigure, revisions: [ExportFigure]) {
            self.current = current
            self.revisions = revisions
        }
    }
}

/// `figures.list {state?, district?, productId?, financialYear?, limit?, offset?}` →
/// `{items, total}`: current figures (latest revision), ordered by state, district, product,
/// year. `limit` defaults to 50 and is at most 1000.
public enum FiguresList: CommandSchema {
    public static let name = "figures.list"
    public static let isMutating = false
    public static let defaultLimit = PageArguments.defaultLimit
    public static let maximumLimit = PageArguments.maximumLimit
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var state: String?
        public var district: String?
        public var productId: String?
        public var financialYear: String?
        public var limit: Int?
        public var offset: Int?
        public init(
            state: String? = nil, district: String? = nil, productId: String? = nil, financialYear: String? = nil,
            limit: Int? = nil, offset: Int? = nil
        ) {
            self.state = state
            self.district = district
            self.productId = productId
            self.financialYear = financialYear
            self.limit = limit
            self.offset = offset
        }
        public func validate() throws(CommandError) {
            try PageArguments.validate(limit: limit, offset: offset, maximum: FiguresList.maximumLimit)
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var items: [ExportFigure]
        public var total: Int
        public init(items: [ExportFigure], total: Int) {
            self.items = items
            self.total = total
        }
    }
}

// MARK: - Shape rules

/// The shape rules shared by the exports arguments.
enum ExportsArgumentRules {
    static func notBlank(_ value: String, _ field: String) throws(CommandError) {
        if value.allSatisfy(\.isWhitespace) {
            throw .invalidArgument("field '\(field)' must not be empty", field: field)
        }
    }

    static func version(_ expectedVersion: Int?) throws(CommandError) {
        if let expectedVersion, expectedVersion < 1 {
            throw .invalidArgument("field 'expectedVersion' must be at least 1, got \(expectedVersion)", field: "expectedVersion")
        }
    }
}
