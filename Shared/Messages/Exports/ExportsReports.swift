import Foundation

// The exports service's reports. Every number is computed from stored plans and figures, never
// typed in.

/// `report.plans {state?}` → plan counts per state and nationally.
///
/// `prepared` counts plans that have been prepared and are still open (status `prepared` or
/// `adopted`), the way DGFT reports "DEAPs prepared in N districts, adopted in M"; `adopted`
/// counts status `adopted`; `byStatus` gives the current status of every plan, archived ones
/// included. `districtsWithProducts` counts districts with at least one active product.
public enum PlansReport: CommandSchema {
    public static let name = "report.plans"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable {
        /// A state as the catalogue takes it (LGD name, alias, `TN`, `IN-TN`). Restricts `states` (and `national`).
        public var state: String?
        public init(state: String? = nil) { self.state = state }
    }
    public struct StatusCounts: Codable, Sendable, Equatable {
        public var draft: Int
        public var prepared: Int
        public var adopted: Int
        public var archived: Int
        public init(draft: Int = 0, prepared: Int = 0, adopted: Int = 0, archived: Int = 0) {
            self.draft = draft
            self.prepared = prepared
            self.adopted = adopted
            self.archived = archived
        }
    }
    public struct Counts: Codable, Sendable, Equatable {
        /// Absent for the national line.
        public var state: String?
        public var stateCode: String?
        public var districtsWithProducts: Int
        /// Open plans in status `prepared` or `adopted`.
        public var prepared: Int
        /// Plans in status `adopted`.
        public var adopted: Int
        public var byStatus: StatusCounts
        public init(state: String?, stateCode: String?, districtsWithProducts: Int, prepared: Int, adopted: Int, byStatus: StatusCounts) {
            self.state = state
            self.stateCode = stateCode
            self.districtsWithProducts = districtsWithProducts
            self.prepared = prepared
            self.adopted = adopted
            self.byStatus = byStatus
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        /// The sum over `states`.
        public var national: Counts
        /// Ordered by state name.
        public var states: [Counts]
        public init(national: Counts, states: [Counts]) {
            self.national = national
            self.states = states
        }
    }
}

/// `report.gaps {state?}` → `{items, total}`: districts with active products but no adopted
/// plan, ordered by state and district, each with its open plan (if any) and its status.
public enum PlanGapsReport: CommandSchema {
    public static let name = "report.gaps"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable {
        /// A state as the catalogue takes it (LGD name, alias, `TN`, `IN-TN`).
        public var state: String?
        public init(state: String? = nil) { self.state = state }
    }
    public struct Gap: Codable, Sendable, Equatable {
        public var state: String
        public var stateCode: String
        public var district: String
        public var districtId: String
        public var activeProducts: Int
        /// The district's open plan, when it has one.
        public var planId: String?
        public var planStatus: PlanStatus?
        public init(
            state: String, stateCode: String, district: String, districtId: String, activeProducts: Int, planId: String?,
            planStatus: PlanStatus?
        ) {
            self.state = state
            self.stateCode = stateCode
            self.district = district
            self.districtId = districtId
            self.activeProducts = activeProducts
            self.planId = planId
            self.planStatus = planStatus
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var items: [Gap]
        public var total: Int
        public init(items: [Gap], total: Int) {
            self.items = items
            self.total = total
        }
    }
}

/// How `report.exports` groups the figures.
public enum ExportsGrouping: String, Codable, Sendable, CaseIterable {
    case state, sector

    public init(from decoder: any Decoder) throws {
        self = try ExportsVocabulary.decode(Self.self, from: decoder)
    }
}

/// `report.exports {groupBy, financialYear?, state?}` → export values per group (state or
/// sector) and financial year, from the current revision of every stored figure, with growth
/// computed:
/// - `growthPercent` of a year: against the financial year just before it, when that year has
///   a value above 0 in the group;
/// - `trend`: from the group's first year with a value to its last (or to `financialYear`):
///   `totalGrowthPercent` = (last / first − 1) × 100 and `cagrPercent` (compound annual growth
///   rate) = ((last / first)^(1 / years) − 1) × 100, `years` being the number of financial
///   years between them. Absent when the group has fewer than two years, or starts at 0.
/// Percentages are rounded to 2 decimals, values to 4 (₹1,000).
///
/// With `financialYear`, each group's `years` holds that year only (its growth still compares
/// with the stored year before it) and `trend` ends at it. `state` restricts the figures to
/// one state.
public enum ExportsReport: CommandSchema {
    public static let name = "report.exports"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable {
        public var groupBy: ExportsGrouping
        public var financialYear: String?
        public var state: String?
        public init(groupBy: ExportsGrouping, financialYear: String? = nil, state: String? = nil) {
            self.groupBy = groupBy
            self.financialYear = financialYear
            self.state = state
        }
    }
    public struct Year: Codable, Sendable, Equatable {
        public var financialYear: String
        public var valueINRCrore: Double
        /// Products with a figure that year.
        public var products: Int
        public var growthPercent: Double?
        public init(financialYear: String, valueINRCrore: Double, products: Int, growthPercent: Double?) {
            self.financialYear = financialYear
            self.valueINRCrore = valueINRCrore
            self.products = products
            self.growthPercent = growthPercent
        }
    }
    public struct Trend: Codable, Sendable, Equatable {
        public var fromYear: String
        public var toYear: String
        public var fromValueINRCrore: Double
        public var toValueINRCrore: Double
        /// Financial years from `fromYear` to `toYear` (6 for 2017-18 → 2023-24).
        public var years: Int
        public var totalGrowthPercent: Double
        public var cagrPercent: Double
        public init(
            fromYear: String, toYear: String, fromValueINRCrore: Double, toValueINRCrore: Double, years: Int, totalGrowthPercent: Double,
            cagrPercent: Double
        ) {
            self.fromYear = fromYear
            self.toYear = toYear
            self.fromValueINRCrore = fromValueINRCrore
            self.toValueINRCrore = toValueINRCrore
            self.years = years
            self.totalGrowthPercent = totalGrowthPercent
            self.cagrPercent = cagrPercent
        }
    }
    public struct Group: Codable, Sendable, Equatable {
        /// The state's LGD name, the sector, or `India` for the total.
        public var key: String
        /// The state's code, when grouping by state.
        public var stateCode: String?
        /// Oldest first.
        public var years: [Year]
        public var trend: Trend?
        public init(key: String, stateCode: String?, years: [Year], trend: Trend?) {
            self.key = key
            self.stateCode = stateCode
            self.years = years
            self.trend = trend
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var groupBy: ExportsGrouping
        public var financialYear: String?
        /// Ordered by key.
        public var groups: [Group]
        /// All the figures reported (key `India`, or the state's name with `state`).
        public var total: Group
        public init(groupBy: ExportsGrouping, financialYear: String?, groups: [Group], total: Group) {
            self.groupBy = groupBy
            self.financialYear = financialYear
            self.groups = groups
            self.total = total
        }
    }
}
