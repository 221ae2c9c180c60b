import Foundation

// The exports service's records: District Export Action Plans (DEAPs) and export figures.
// Domain rules (the status machine, ISO country codes, financial-year format, calendar dates,
// known products) are the service's; these types fix the shapes.

/// Where a District Export Action Plan stands: `draft` → `prepared` → `adopted` → `archived`.
///
/// A plan is drafted by the exports service when a district gets its first ODOP product,
/// prepared by the district (target markets, bottlenecks, interventions), adopted (notified) by
/// the District Export Promotion Committee (DEPC), and archived by the service when the district
/// has no products left in it. Only one plan per district is open (not archived) at a time.
public enum PlanStatus: String, Codable, Sendable, CaseIterable {
    case draft, prepared, adopted, archived

    public init(from decoder: any Decoder) throws {
        self = try ExportsVocabulary.decode(Self.self, from: decoder)
    }

    /// Every status but `archived`: the plan still follows its district's products.
    public var isOpen: Bool { self != .archived }
}

/// What holds a district's exports back, as the DEAPs tag it. Wire values are snake_case.
public enum BottleneckCategory: String, Codable, Sendable, CaseIterable {
    case awareness
    case infrastructure
    case marketAccess = "market_access"
    case skillsAndQuality = "skills_and_quality"
    case funding
    case sustainability
    case competition

    public init(from decoder: any Decoder) throws {
        self = try ExportsVocabulary.decode(Self.self, from: decoder)
    }
}

/// Progress of one intervention: `planned` → `in_progress` → `done`; `planned` or `in_progress`
/// → `dropped`. `done` and `dropped` are final.
public enum InterventionStatus: String, Codable, Sendable, CaseIterable {
    case planned
    case inProgress = "in_progress"
    case done
    case dropped

    public init(from decoder: any Decoder) throws {
        self = try ExportsVocabulary.decode(Self.self, from: decoder)
    }
}

/// A product of the plan's district, as the catalogue last described it.
public struct PlanProduct: Codable, Sendable, Equatable {
    public var productId: String
    public var name: String
    /// The catalogue's sector (lowercase), e.g. `handicraft`.
    public var sector: String
    /// `active` in an open plan. An archived plan keeps the products it had when it was archived,
    /// as `retired`.
    public var status: ProductStatus

    public init(productId: String, name: String, sector: String, status: ProductStatus) {
        self.productId = productId
        self.name = name
        self.sector = sector
        self.status = status
    }
}

/// One bottleneck the plan identifies.
public struct Bottleneck: Codable, Sendable, Equatable {
    public var category: BottleneckCategory
    public var note: String

    public init(category: BottleneckCategory, note: String) {
        self.category = category
        self.note = note
    }
}

/// One action the plan commits to.
public struct Intervention: Codable, Sendable, Equatable {
    /// Assigned by the service, unique within the plan and never reused: `i1`, `i2`, ...
    public var id: String
    public var title: String
    /// Who carries it out, e.g. `DIC Firozabad` or `EPCH`.
    public var responsibleBody: String
    /// `YYYY-MM-DD`.
    public var dueDate: String
    public var status: InterventionStatus

    public init(id: String, title: String, responsibleBody: String, dueDate: String, status: InterventionStatus) {
        self.id = id
        self.title = title
        self.responsibleBody = responsibleBody
        self.dueDate = dueDate
        self.status = status
    }
}

/// The DEPC's adoption (notification) of a plan.
public struct DEPCAdoption: Codable, Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// The notification's reference, e.g. `DEPC/FZD/2023/14`.
    public var reference: String

    public init(date: String, reference: String) {
        self.date = date
        self.reference = reference
    }
}

/// A State Export Promotion Committee (SEPC) review note.
public struct SEPCReviewNote: Codable, Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var date: String
    public var note: String

    public init(date: String, note: String) {
        self.date = date
        self.note = note
    }
}

/// A District Export Action Plan: the exports service's main record, and the `data` of every
/// `exports.plan.*` event (the whole plan after the change).
public struct ExportPlan: Codable, Sendable, Equatable {
    /// `deap-<districtId>-<n>`, n counting the district's plans from 1, e.g. `deap-UP-agra-1`.
    public var planId: String
    /// The state's LGD name, as the catalogue gives it.
    public var state: String
    public var stateCode: String
    /// The district's canonical name.
    public var district: String
    public var districtId: String
    public var status: PlanStatus
    /// The district's products, in the order they joined.
    public var products: [PlanProduct]
    /// ISO 3166-1 alpha-2 codes (uppercase), in the order given.
    public var targetMarkets: [String]
    public var bottlenecks: [Bottleneck]
    public var interventions: [Intervention]
    /// Set when the plan is adopted.
    public var depcAdoption: DEPCAdoption?
    public var sepcReviewNotes: [SEPCReviewNote]
    /// Starts at 1; every change adds 1. Mutating commands may name it as `expectedVersion`.
    public var version: Int
    /// RFC 3339 UTC.
    public var createdAt: String
    public var updatedAt: String

    public init(
        planId: String, state: String, stateCode: String, district: String, districtId: String, status: PlanStatus,
        products: [PlanProduct], targetMarkets: [String], bottlenecks: [Bottleneck], interventions: [Intervention],
        depcAdoption: DEPCAdoption?, sepcReviewNotes: [SEPCReviewNote], version: Int, createdAt: String, updatedAt: String
    ) {
        self.planId = planId
        self.state = state
        self.stateCode = stateCode
        self.district = district
        self.districtId = districtId
        self.status = status
        self.products = products
        self.targetMarkets = targetMarkets
        self.bottlenecks = bottlenecks
        self.interventions = interventions
        self.depcAdoption = depcAdoption
        self.sepcReviewNotes = sepcReviewNotes
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The value of one product's exports in one financial year: one revision of it. Recording a
/// figure for a product and year that already has one is a correction: it becomes the next
/// revision and the earlier ones stay in the history.
public struct ExportFigure: Codable, Sendable, Equatable {
    public var productId: String
    /// The product's name when the figure was recorded.
    public var productName: String
    /// The product's sector when the figure was recorded.
    public var sector: String
    public var state: String
    public var stateCode: String
    public var district: String
    public var districtId: String
    /// `YYYY-YY`, e.g. `2023-24` (April 2023 to March 2024).
    public var financialYear: String
    /// In crore rupees (1 crore = 10 million), at least 0.
    public var valueINRCrore: Double
    /// Where the figure comes from, e.g. `DGCI&S`.
    public var source: String
    /// 1 for the first figure of this product and year; a correction adds 1.
    public var revision: Int
    /// The value this revision corrects (the previous revision's), absent for revision 1.
    public var previousValueINRCrore: Double?
    /// RFC 3339 UTC.
    public var recordedAt: String

    public init(
        productId: String, productName: String, sector: String, state: String, stateCode: String, district: String,
        districtId: String, financialYear: String, valueINRCrore: Double, source: String, revision: Int,
        previousValueINRCrore: Double?, recordedAt: String
    ) {
        self.productId = productId
        self.productName = productName
        self.sector = sector
        self.state = state
        self.stateCode = stateCode
        self.district = district
        self.districtId = districtId
        self.financialYear = financialYear
        self.valueINRCrore = valueINRCrore
        self.source = source
        self.revision = revision
        self.previousValueINRCrore = previousValueINRCrore
        self.recordedAt = recordedAt
    }
}

/// Decoding of the exports vocabularies (closed sets of snake_case strings): an unknown value's
/// error names the field and lists the accepted values.
enum ExportsVocabulary {
    static func decode<T: RawRepresentable & CaseIterable>(_ type: T.Type, from decoder: any Decoder) throws -> T
    where T.RawValue == String {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath, debugDescription: "must be one of \(allowed)"))
        }
        return value
    }
}
