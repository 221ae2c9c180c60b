import Foundation

// The training service's reports. They are read from aggregates the service keeps up to date in
// the same transactions as the changes they count, so they cost the same with ten applications
// or ten million.

/// The funnel's counts: applications made, verified (passed every stage), selected; enrolments
/// made and completed; certificates; toolkits issued; stipends paid, in rupees (net of returns).
public struct FunnelCounts: Codable, Sendable, Equatable {
    public var applied: Int
    public var verified: Int
    public var selected: Int
    public var enrolled: Int
    public var completed: Int
    public var certified: Int
    public var toolkits: Int
    public var stipendPaidRupees: Int
    public init(
        applied: Int = 0, verified: Int = 0, selected: Int = 0, enrolled: Int = 0, completed: Int = 0,
        certified: Int = 0, toolkits: Int = 0, stipendPaidRupees: Int = 0
    ) {
        self.applied = applied
        self.verified = verified
        self.selected = selected
        self.enrolled = enrolled
        self.completed = completed
        self.certified = certified
        self.toolkits = toolkits
        self.stipendPaidRupees = stipendPaidRupees
    }

    public static func + (lhs: FunnelCounts, rhs: FunnelCounts) -> FunnelCounts {
        FunnelCounts(
            applied: lhs.applied + rhs.applied, verified: lhs.verified + rhs.verified,
            selected: lhs.selected + rhs.selected, enrolled: lhs.enrolled + rhs.enrolled,
            completed: lhs.completed + rhs.completed, certified: lhs.certified + rhs.certified,
            toolkits: lhs.toolkits + rhs.toolkits, stipendPaidRupees: lhs.stipendPaidRupees + rhs.stipendPaidRupees)
    }
}

/// How `report.funnel` groups its rows.
public enum FunnelGrouping: String, Codable, Sendable, CaseIterable {
    case scheme, state, district, product, sector
}

/// One group of the funnel: `key` is the scheme id, state code, district id, product id (`-`
/// for trade batches without a product) or sector; `label` its readable name.
public struct FunnelRow: Codable, Sendable, Equatable {
    public var key: String
    public var label: String
    public var counts: FunnelCounts
    public init(key: String, label: String, counts: FunnelCounts) {
        self.key = key
        self.label = label
        self.counts = counts
    }
}

/// `report.funnel {groupBy?, schemeId?, state?}` → `{groupBy, rows, total}`, rows by key.
/// `groupBy` defaults to `scheme`.
public enum FunnelReport: CommandSchema {
    public static let name = "report.funnel"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable {
        public var groupBy: FunnelGrouping?
        public var schemeId: String?
        public var state: String?
        public init(groupBy: FunnelGrouping? = nil, schemeId: String? = nil, state: String? = nil) {
            self.groupBy = groupBy
            self.schemeId = schemeId
            self.state = state
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var groupBy: FunnelGrouping
        public var rows: [FunnelRow]
        public var total: FunnelCounts
        public init(groupBy: FunnelGrouping, rows: [FunnelRow], total: FunnelCounts) {
            self.groupBy = groupBy
            self.rows = rows
            self.total = total
        }
    }
}

/// A district with an active ODOP product and no batch completed there since `since`.
public struct CoverageGap: Codable, Sendable, Equatable {
    public var districtId: String
    public var district: String
    public var state: String
    public var stateCode: String
    public var activeProducts: Int
    /// The end date of the district's last completed batch, if it ever had one.
    public var lastCompletedOn: String?
    public init(districtId: String, district: String, state: String, stateCode: String, activeProducts: Int, lastCompletedOn: String?) {
        self.districtId = districtId
        self.district = district
        self.state = state
        self.stateCode = stateCode
        self.activeProducts = activeProducts
        self.lastCompletedOn = lastCompletedOn
    }
}

/// `report.coverage {state?, months?}` → `{asOf, since, gaps}`: districts with an active ODOP
/// product and no batch completed in the last `months` (default 12) months, by state and name.
public enum CoverageReport: CommandSchema {
    public static let name = "report.coverage"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var state: String?
        public var months: Int?
        public init(state: String? = nil, months: Int? = nil) {
            self.state = state
            self.months = months
        }
        public func validate() throws(CommandError) {
            if let months, !(1...120).contains(months) {
                throw .invalidArgument("field 'months' must be between 1 and 120, got \(months)", field: "months")
            }
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var asOf: String
        public var since: String
        public var gaps: [CoverageGap]
        public init(asOf: String, since: String, gaps: [CoverageGap]) {
            self.asOf = asOf
            self.since = since
            self.gaps = gaps
        }
    }
}

/// Applications waiting at one verification stage of one scheme.
public struct AgeingRow: Codable, Sendable, Equatable {
    public var schemeId: String
    public var stage: String
    public var waiting: Int
    /// Of those, how many have waited longer than the report's `olderThanDays`.
    public var overdue: Int
    public var oldestWaitingSince: String?
    public init(schemeId: String, stage: String, waiting: Int, overdue: Int, oldestWaitingSince: String?) {
        self.schemeId = schemeId
        self.stage = stage
        self.waiting = waiting
        self.overdue = overdue
        self.oldestWaitingSince = oldestWaitingSince
    }
}

/// `report.ageing {olderThanDays, schemeId?}` → `{asOf, olderThanDays, stages}`: per scheme and
/// verification stage, the applications waiting there and how many longer than N days (IST).
public enum AgeingReport: CommandSchema {
    public static let name = "report.ageing"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var olderThanDays: Int
        public var schemeId: String?
        public init(olderThanDays: Int, schemeId: String? = nil) {
            self.olderThanDays = olderThanDays
            self.schemeId = schemeId
        }
        public func validate() throws(CommandError) {
            guard (0...3650).contains(olderThanDays) else {
                throw .invalidArgument("field 'olderThanDays' must be between 0 and 3650, got \(olderThanDays)", field: "olderThanDays")
            }
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var asOf: String
        public var olderThanDays: Int
        public var stages: [AgeingRow]
        public init(asOf: String, olderThanDays: Int, stages: [AgeingRow]) {
            self.asOf = asOf
            self.olderThanDays = olderThanDays
            self.stages = stages
        }
    }
}

/// A count of stipends and their sum.
public struct StipendAmount: Codable, Sendable, Equatable {
    public var count: Int
    public var rupees: Int
    public init(count: Int = 0, rupees: Int = 0) {
        self.count = count
        self.rupees = rupees
    }
}

/// `report.stipends {schemeId?}` → the reconciliation: stipends due (not yet sent), pending (in
/// a payment batch), paid, failed and returned (both waiting to be sent again).
public enum StipendReconciliation: CommandSchema {
    public static let name = "report.stipends"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable {
        public var schemeId: String?
        public init(schemeId: String? = nil) { self.schemeId = schemeId }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var due: StipendAmount
        public var pending: StipendAmount
        public var paid: StipendAmount
        public var failed: StipendAmount
        public var returned: StipendAmount
        public init(due: StipendAmount, pending: StipendAmount, paid: StipendAmount, failed: StipendAmount, returned: StipendAmount) {
            self.due = due
            self.pending = pending
            self.paid = paid
            self.failed = failed
            self.returned = returned
        }
    }
}
