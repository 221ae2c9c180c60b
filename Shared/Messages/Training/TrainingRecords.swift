import Foundation

// The training service's records as they travel on the wire. Money is integer rupees; dates are
// `YYYY-MM-DD` in India's calendar (IST); times are RFC 3339 UTC. No record that an event carries
// holds an artisan's personal data: only ids, places, schemes, products and amounts.

// MARK: - Vocabulary

/// A kind of training: `basic`, `advanced`, or recognition of prior learning (`rpl`).
public enum TrainingKind: String, Codable, Sendable, CaseIterable {
    case basic, advanced, rpl
}

/// Who a scheme's "one benefit" rule counts: each `artisan`, or each `family`.
public enum BenefitUnit: String, Codable, Sendable, CaseIterable {
    case artisan, family
}

/// How a scheme gives its toolkit: a physical `kit` (issued, then delivered) or an `e_voucher`
/// (issued, then redeemed by the artisan).
public enum ToolkitForm: String, Codable, Sendable, CaseIterable {
    case kit
    case eVoucher = "e_voucher"
}

/// An application's place in the lifecycle. `submitted` covers the verification stages (see
/// `pendingStage`); `verified` has passed every stage; `selected` and `rejected` are decisions.
public enum ApplicationStatus: String, Codable, Sendable, CaseIterable {
    case submitted, verified, selected, rejected
}

/// A verification stage's decision.
public enum VerificationOutcome: String, Codable, Sendable, CaseIterable {
    case approved, rejected
}

public enum BatchStatus: String, Codable, Sendable, CaseIterable {
    case scheduled, started, completed, cancelled
}

public enum EnrolmentStatus: String, Codable, Sendable, CaseIterable {
    case enrolled, completed, dropped
}

public enum AssessmentResult: String, Codable, Sendable, CaseIterable {
    case pass, fail
}

public enum ToolkitStatus: String, Codable, Sendable, CaseIterable {
    case issued, redeemed, delivered
}

/// A stipend's payment state: `due` (not yet in a payment batch), `pending` (in an open payment
/// batch), `paid`, `failed` or `returned` (both can go into a new payment batch).
public enum StipendStatus: String, Codable, Sendable, CaseIterable {
    case due, pending, paid, failed, returned
}

/// What the bank reported for one payment: `paid`, `failed` (never credited) or `returned`
/// (credited, then sent back, e.g. a closed account).
public enum PaymentOutcome: String, Codable, Sendable, CaseIterable {
    case paid, failed, returned
}

// MARK: - Schemes

/// Training days and stipend for one kind of training in a scheme.
public struct TrainingKindRule: Codable, Sendable, Equatable {
    public var kind: TrainingKind
    /// A batch of this kind lasts `minimumDays...maximumDays` calendar days (both ends counted).
    public var minimumDays: Int
    public var maximumDays: Int
    /// Paid per attended day; 0 pays no stipend (RPL).
    public var stipendPerDayRupees: Int
    public init(kind: TrainingKind, minimumDays: Int, maximumDays: Int, stipendPerDayRupees: Int) {
        self.kind = kind
        self.minimumDays = minimumDays
        self.maximumDays = maximumDays
        self.stipendPerDayRupees = stipendPerDayRupees
    }
}

/// No new application while the artisan (or, with `includesFamily`, their family) got a
/// toolkit under any of `schemes` in the last `years` years.
public struct CoolingOffRule: Codable, Sendable, Equatable {
    public var years: Int
    public var schemes: [String]
    public var includesFamily: Bool
    public init(years: Int, schemes: [String], includesFamily: Bool) {
        self.years = years
        self.schemes = schemes
        self.includesFamily = includesFamily
    }
}

/// The scheme's toolkit: its form and its cap.
public struct ToolkitRule: Codable, Sendable, Equatable {
    public var form: ToolkitForm
    public var capRupees: Int
    public init(form: ToolkitForm, capRupees: Int) {
        self.form = form
        self.capRupees = capRupees
    }
}

/// A yearly target of trainees for one district (`financialYear` as `2025-26`).
public struct DistrictTarget: Codable, Sendable, Equatable {
    public var districtId: String
    public var financialYear: String
    public var trainees: Int
    public init(districtId: String, financialYear: String, trainees: Int) {
        self.districtId = districtId
        self.financialYear = financialYear
        self.trainees = trainees
    }
}

/// A scheme's rules as typed parameters (a new kind of rule is new code, not configuration).
public struct SchemeParameters: Codable, Sendable, Equatable {
    public var name: String
    /// Residency: the state whose residents may apply (two-letter code on the wire; any spelling
    /// accepted on input). Absent: national.
    public var state: String?
    /// The trades that may apply; absent: any trade.
    public var eligibleTrades: [String]?
    /// The artisan must work on an active ODOP product of their own district, and batches are
    /// for an ODOP product (otherwise batches are for a trade).
    public var requiresOdopProduct: Bool
    public var minimumAge: Int
    public var benefitUnit: BenefitUnit
    public var coolingOff: CoolingOffRule?
    /// Stage names in order; an application passes each, recorded with who, when and why.
    public var verificationStages: [String]
    public var trainingKinds: [TrainingKindRule]
    /// Completion needs attended days ≥ this share (percent, rounded up) of the batch's days.
    public var minimumAttendancePercent: Int
    /// A certificate needs a passed assessment.
    public var assessmentRequired: Bool
    public var toolkit: ToolkitRule
    public var districtTargets: [DistrictTarget]

    public init(
        name: String, state: String?, eligibleTrades: [String]?, requiresOdopProduct: Bool, minimumAge: Int,
        benefitUnit: BenefitUnit, coolingOff: CoolingOffRule?, verificationStages: [String],
        trainingKinds: [TrainingKindRule], minimumAttendancePercent: Int, assessmentRequired: Bool,
        toolkit: ToolkitRule, districtTargets: [DistrictTarget]
    ) {
        self.name = name
        self.state = state
        self.eligibleTrades = eligibleTrades
        self.requiresOdopProduct = requiresOdopProduct
        self.minimumAge = minimumAge
        self.benefitUnit = benefitUnit
        self.coolingOff = coolingOff
        self.verificationStages = verificationStages
        self.trainingKinds = trainingKinds
        self.minimumAttendancePercent = minimumAttendancePercent
        self.assessmentRequired = assessmentRequired
        self.toolkit = toolkit
        self.districtTargets = districtTargets
    }

    /// The rule for `kind`, when the scheme runs it.
    public func rule(for kind: TrainingKind) -> TrainingKindRule? {
        trainingKinds.first { $0.kind == kind }
    }
}

/// One version of a scheme. Versions are kept: an application keeps the version it was made
/// under, and its rates and caps come from that version.
public struct TrainingScheme: Codable, Sendable, Equatable {
    public var schemeId: String
    public var version: Int
    public var parameters: SchemeParameters
    public var createdAt: String
    public init(schemeId: String, version: Int, parameters: SchemeParameters, createdAt: String) {
        self.schemeId = schemeId
        self.version = version
        self.parameters = parameters
        self.createdAt = createdAt
    }
}

// MARK: - Artisans

/// Bank details as a reply shows them: masked unless the caller asked for personal data.
public struct BankView: Codable, Sendable, Equatable {
    public var accountNumber: String
    public var ifsc: String
    public init(accountNumber: String, ifsc: String) {
        self.accountNumber = accountNumber
        self.ifsc = ifsc
    }
}

/// A consent the artisan gave: what for, when, and when it was withdrawn.
public struct ConsentRecord: Codable, Sendable, Equatable {
    public var purpose: String
    public var givenAt: String
    public var withdrawnAt: String?
    public init(purpose: String, givenAt: String, withdrawnAt: String? = nil) {
        self.purpose = purpose
        self.givenAt = givenAt
        self.withdrawnAt = withdrawnAt
    }
}

/// An artisan as a reply shows them.
///
/// `masked` says how personal fields are shown. Masked (the default, and always in the replies
/// of mutating commands, which are stored for idempotency): `name` as initials with stars,
/// `dateOfBirth` as `YYYY-XX-XX`, `mobile` and `bank.accountNumber` as their last 4 digits,
/// `familyReference` as its last 4 characters. Unmasked only from `artisan.get` with `reveal`
/// and a `purpose`, and from `artisan.export`. The Aadhaar number is never kept: `aadhaar` is
/// always `XXXX-XXXX-` and its last 4 digits. After `artisan.erase` every personal field is
/// absent and `erased` is true.
public struct ArtisanView: Codable, Sendable, Equatable {
    public var artisanId: String
    public var version: Int
    public var masked: Bool
    public var erased: Bool
    public var name: String?
    public var gender: String?
    public var dateOfBirth: String?
    public var mobile: String?
    public var aadhaar: String?
    public var familyReference: String?
    public var bank: BankView?
    public var state: String
    public var stateCode: String
    public var district: String
    public var districtId: String
    public var trade: String
    public var productId: String?
    public var consents: [ConsentRecord]
    public var createdAt: String
    public var updatedAt: String

    public init(
        artisanId: String, version: Int, masked: Bool, erased: Bool, name: String?, gender: String?,
        dateOfBirth: String?, mobile: String?, aadhaar: String?, familyReference: String?, bank: BankView?,
        state: String, stateCode: String, district: String, districtId: String, trade: String, productId: String?,
        consents: [ConsentRecord], createdAt: String, updatedAt: String
    ) {
        self.artisanId = artisanId
        self.version = version
        self.masked = masked
        self.erased = erased
        self.name = name
        self.gender = gender
        self.dateOfBirth = dateOfBirth
        self.mobile = mobile
        self.aadhaar = aadhaar
        self.familyReference = familyReference
        self.bank = bank
        self.state = state
        self.stateCode = stateCode
        self.district = district
        self.districtId = districtId
        self.trade = trade
        self.productId = productId
        self.consents = consents
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

// MARK: - Applications

/// One verification stage's decision: which stage, what, who decided, when and why.
public struct VerificationDecision: Codable, Sendable, Equatable {
    public var stage: String
    public var outcome: VerificationOutcome
    public var decidedBy: String
    public var reason: String
    public var decidedAt: String
    public init(stage: String, outcome: VerificationOutcome, decidedBy: String, reason: String, decidedAt: String) {
        self.stage = stage
        self.outcome = outcome
        self.decidedBy = decidedBy
        self.reason = reason
        self.decidedAt = decidedAt
    }
}

/// An artisan's application to a scheme, under the scheme version it was made under.
public struct TrainingApplication: Codable, Sendable, Equatable {
    public var applicationId: String
    public var version: Int
    public var artisanId: String
    public var schemeId: String
    public var schemeVersion: Int
    public var status: ApplicationStatus
    /// The stage waiting for a decision while `submitted`.
    public var pendingStage: String?
    public var decisions: [VerificationDecision]
    /// Why it was rejected, and by whom.
    public var rejection: VerificationDecision?
    public var selectedBy: String?
    public var state: String
    public var stateCode: String
    public var district: String
    public var districtId: String
    public var productId: String?
    public var sector: String?
    public var trade: String
    public var submittedAt: String
    public var updatedAt: String

    public init(
        applicationId: String, version: Int, artisanId: String, schemeId: String, schemeVersion: Int,
        status: ApplicationStatus, pendingStage: String?, decisions: [VerificationDecision],
        rejection: VerificationDecision?, selectedBy: String?, state: String, stateCode: String, district: String,
        districtId: String, productId: String?, sector: String?, trade: String, submittedAt: String, updatedAt: String
    ) {
        self.applicationId = applicationId
        self.version = version
        self.artisanId = artisanId
        self.schemeId = schemeId
        self.schemeVersion = schemeVersion
        self.status = status
        self.pendingStage = pendingStage
        self.decisions = decisions
        self.rejection = rejection
        self.selectedBy = selectedBy
        self.state = state
        self.stateCode = stateCode
        self.district = district
        self.districtId = districtId
        self.productId = productId
        self.sector = sector
        self.trade = trade
        self.submittedAt = submittedAt
        self.updatedAt = updatedAt
    }
}

// MARK: - Batches and enrolments

/// A training batch: for an ODOP product (and so its district) or, in a trade-based scheme,
/// for a trade in a district.
public struct TrainingBatch: Codable, Sendable, Equatable {
    public var batchId: String
    public var version: Int
    public var schemeId: String
    public var kind: TrainingKind
    public var productId: String?
    public var trade: String?
    public var sector: String?
    public var state: String
    public var stateCode: String
    public var district: String
    public var districtId: String
    public var centre: String
    public var trainer: String
    public var startDate: String
    public var endDate: String
    public var days: Int
    public var capacity: Int
    public var enrolled: Int
    public var status: BatchStatus
    public var cancelledReason: String?
    public var createdAt: String
    public var updatedAt: String

    public init(
        batchId: String, version: Int, schemeId: String, kind: TrainingKind, productId: String?, trade: String?,
        sector: String?, state: String, stateCode: String, district: String, districtId: String, centre: String,
        trainer: String, startDate: String, endDate: String, days: Int, capacity: Int, enrolled: Int,
        status: BatchStatus, cancelledReason: String?, createdAt: String, updatedAt: String
    ) {
        self.batchId = batchId
        self.version = version
        self.schemeId = schemeId
        self.kind = kind
        self.productId = productId
        self.trade = trade
        self.sector = sector
        self.state = state
        self.stateCode = stateCode
        self.district = district
        self.districtId = districtId
        self.centre = centre
        self.trainer = trainer
        self.startDate = startDate
        self.endDate = endDate
        self.days = days
        self.capacity = capacity
        self.enrolled = enrolled
        self.status = status
        self.cancelledReason = cancelledReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// An officer's decision to enrol an artisan in a batch outside their district.
public struct DistrictOverride: Codable, Sendable, Equatable {
    public var by: String
    public var reason: String
    public init(by: String, reason: String) {
        self.by = by
        self.reason = reason
    }
}

/// An assessment's result.
public struct Assessment: Codable, Sendable, Equatable {
    public var result: AssessmentResult
    public var assessedBy: String
    public var assessedOn: String
    public init(result: AssessmentResult, assessedBy: String, assessedOn: String) {
        self.result = result
        self.assessedBy = assessedBy
        self.assessedOn = assessedOn
    }
}

/// One artisan's place in one batch.
public struct Enrolment: Codable, Sendable, Equatable {
    public var enrolmentId: String
    public var version: Int
    public var applicationId: String
    public var artisanId: String
    public var batchId: String
    public var schemeId: String
    public var schemeVersion: Int
    public var kind: TrainingKind
    public var state: String
    public var stateCode: String
    public var district: String
    public var districtId: String
    public var productId: String?
    public var status: EnrolmentStatus
    public var attendedDays: Int
    public var districtOverride: DistrictOverride?
    public var dropReason: String?
    public var assessment: Assessment?
    public var createdAt: String
    public var updatedAt: String

    public init(
        enrolmentId: String, version: Int, applicationId: String, artisanId: String, batchId: String,
        schemeId: String, schemeVersion: Int, kind: TrainingKind, state: String, stateCode: String, district: String,
        districtId: String, productId: String?, status: EnrolmentStatus, attendedDays: Int,
        districtOverride: DistrictOverride?, dropReason: String?, assessment: Assessment?, createdAt: String,
        updatedAt: String
    ) {
        self.enrolmentId = enrolmentId
        self.version = version
        self.applicationId = applicationId
        self.artisanId = artisanId
        self.batchId = batchId
        self.schemeId = schemeId
        self.schemeVersion = schemeVersion
        self.kind = kind
        self.state = state
        self.stateCode = stateCode
        self.district = district
        self.districtId = districtId
        self.productId = productId
        self.status = status
        self.attendedDays = attendedDays
        self.districtOverride = districtOverride
        self.dropReason = dropReason
        self.assessment = assessment
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

// MARK: - Certificates, toolkits, stipends

/// A certificate for one completed enrolment; `certificateNumber` is verifiable by
/// `certificate.verify`.
public struct TrainingCertificate: Codable, Sendable, Equatable {
    public var certificateNumber: String
    public var enrolmentId: String
    public var artisanId: String
    public var schemeId: String
    public var kind: TrainingKind
    public var state: String
    public var stateCode: String
    public var district: String
    public var districtId: String
    public var productId: String?
    public var issuedOn: String
    public init(
        certificateNumber: String, enrolmentId: String, artisanId: String, schemeId: String, kind: TrainingKind,
        state: String, stateCode: String, district: String, districtId: String, productId: String?, issuedOn: String
    ) {
        self.certificateNumber = certificateNumber
        self.enrolmentId = enrolmentId
        self.artisanId = artisanId
        self.schemeId = schemeId
        self.kind = kind
        self.state = state
        self.stateCode = stateCode
        self.district = district
        self.districtId = districtId
        self.productId = productId
        self.issuedOn = issuedOn
    }
}

/// A toolkit: a kit (issued, delivered) or an e-voucher (issued, redeemed).
public struct Toolkit: Codable, Sendable, Equatable {
    public var toolkitId: String
    public var version: Int
    public var applicationId: String
    public var artisanId: String
    public var schemeId: String
    public var form: ToolkitForm
    public var valueRupees: Int
    public var status: ToolkitStatus
    public var state: String
    public var stateCode: String
    public var district: String
    public var districtId: String
    public var productId: String?
    public var issuedOn: String
    public var redeemedOn: String?
    public var deliveredOn: String?
    public init(
        toolkitId: String, version: Int, applicationId: String, artisanId: String, schemeId: String, form: ToolkitForm,
        valueRupees: Int, status: ToolkitStatus, state: String, stateCode: String, district: String,
        districtId: String, productId: String?, issuedOn: String, redeemedOn: String?, deliveredOn: String?
    ) {
        self.toolkitId = toolkitId
        self.version = version
        self.applicationId = applicationId
        self.artisanId = artisanId
        self.schemeId = schemeId
        self.form = form
        self.valueRupees = valueRupees
        self.status = status
        self.state = state
        self.stateCode = stateCode
        self.district = district
        self.districtId = districtId
        self.productId = productId
        self.issuedOn = issuedOn
        self.redeemedOn = redeemedOn
        self.deliveredOn = deliveredOn
    }
}

/// The stipend of one completed enrolment: attended days × the rate of the scheme version the
/// application was made under. `attempts` counts the payment batches it has been in.
public struct Stipend: Codable, Sendable, Equatable {
    public var stipendId: String
    public var enrolmentId: String
    public var artisanId: String
    public var schemeId: String
    public var kind: TrainingKind
    public var state: String
    public var stateCode: String
    public var district: String
    public var districtId: String
    public var attendedDays: Int
    public var ratePerDayRupees: Int
    public var amountRupees: Int
    public var status: StipendStatus
    public var paymentBatchId: String?
    public var attempts: Int
    public var paidOn: String?
    public init(
        stipendId: String, enrolmentId: String, artisanId: String, schemeId: String, kind: TrainingKind, state: String,
        stateCode: String, district: String, districtId: String, attendedDays: Int, ratePerDayRupees: Int,
        amountRupees: Int, status: StipendStatus, paymentBatchId: String?, attempts: Int, paidOn: String?
    ) {
        self.stipendId = stipendId
        self.enrolmentId = enrolmentId
        self.artisanId = artisanId
        self.schemeId = schemeId
        self.kind = kind
        self.state = state
        self.stateCode = stateCode
        self.district = district
        self.districtId = districtId
        self.attendedDays = attendedDays
        self.ratePerDayRupees = ratePerDayRupees
        self.amountRupees = amountRupees
        self.status = status
        self.paymentBatchId = paymentBatchId
        self.attempts = attempts
        self.paidOn = paidOn
    }
}

/// One stipend in a payment batch, with the bank's outcome once known. The account is masked.
public struct PaymentItem: Codable, Sendable, Equatable {
    public var stipendId: String
    public var amountRupees: Int
    public var accountNumber: String
    public var outcome: PaymentOutcome?
    public var reference: String?
    public var reason: String?
    public init(stipendId: String, amountRupees: Int, accountNumber: String, outcome: PaymentOutcome?, reference: String?, reason: String?)
    {
        self.stipendId = stipendId
        self.amountRupees = amountRupees
        self.accountNumber = accountNumber
        self.outcome = outcome
        self.reference = reference
        self.reason = reason
    }
}

/// A DBT payment batch: the stipends sent to the bank together.
public struct PaymentBatch: Codable, Sendable, Equatable {
    public var paymentBatchId: String
    public var createdOn: String
    public var items: [PaymentItem]
    public var totalRupees: Int
    public init(paymentBatchId: String, createdOn: String, items: [PaymentItem], totalRupees: Int) {
        self.paymentBatchId = paymentBatchId
        self.createdOn = createdOn
        self.items = items
        self.totalRupees = totalRupees
    }
}
