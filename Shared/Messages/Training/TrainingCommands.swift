import Foundation

// The training service's commands. These types fix the shapes and the shape rules (required,
// not blank, ranges); the service checks the domain (eligibility, the lifecycle, capacities,
// caps, dates) and answers `invalid_argument` naming the field, `not_found`, or `conflict`
// naming the field whose state refuses the change. A refused command changes nothing and emits
// nothing.
//
// Lists page by a cursor: `after` is the `next` of the previous page (absent for the first);
// `next` is absent on the last page. `limit` defaults to 50 and is at most 1000.

/// The result of every list command: one page and the cursor of the next.
public struct TrainingPage<Item: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var items: [Item]
    public var next: String?
    public init(items: [Item], next: String?) {
        self.items = items
        self.next = next
    }
}

/// The paging arguments every training list shares.
public enum TrainingPaging {
    public static let defaultLimit = 50
    public static let maximumLimit = 1000

    public static func validate(after: String?, limit: Int?) throws(CommandError) {
        try PageArguments.validate(limit: limit, offset: nil, maximum: maximumLimit)
        if let after { try TrainingArgumentRules.notBlank(after, "after") }
    }
}

// MARK: - Schemes

/// `scheme.list {}` → `{items}`: every scheme at its current version, by id.
public enum SchemeList: CommandSchema {
    public static let name = "scheme.list"
    public static let isMutating = false
    public typealias Arguments = NoArguments
    public struct Result: Codable, Sendable, Equatable {
        public var items: [TrainingScheme]
        public init(items: [TrainingScheme]) { self.items = items }
    }
}

/// `scheme.get {schemeId, version?}` → the scheme at `version` (default: current).
public enum SchemeGet: CommandSchema {
    public typealias Result = TrainingScheme
    public static let name = "scheme.get"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var schemeId: String
        public var version: Int?
        public init(schemeId: String, version: Int? = nil) {
            self.schemeId = schemeId
            self.version = version
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(schemeId, "schemeId")
            try TrainingArgumentRules.positive(version, "version")
        }
    }
}

/// `scheme.define {schemeId, parameters}` → the scheme at version 1. `schemeId`: lowercase
/// letters, digits and `-`. An existing id is `conflict`.
public enum SchemeDefine: CommandSchema {
    public typealias Result = TrainingScheme
    public static let name = "scheme.define"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var schemeId: String
        public var parameters: SchemeParameters
        public init(schemeId: String, parameters: SchemeParameters) {
            self.schemeId = schemeId
            self.parameters = parameters
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(schemeId, "schemeId")
        }
    }
}

/// `scheme.update {schemeId, expectedVersion, parameters}` → the scheme's next version, whose
/// parameters replace the current ones. Applications already made keep their version.
public enum SchemeUpdate: CommandSchema {
    public typealias Result = TrainingScheme
    public static let name = "scheme.update"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var schemeId: String
        public var expectedVersion: Int
        public var parameters: SchemeParameters
        public init(schemeId: String, expectedVersion: Int, parameters: SchemeParameters) {
            self.schemeId = schemeId
            self.expectedVersion = expectedVersion
            self.parameters = parameters
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(schemeId, "schemeId")
            try TrainingArgumentRules.positive(expectedVersion, "expectedVersion")
        }
    }
}

// MARK: - Artisans

/// Bank details as given: an account number (9–18 digits) and an IFSC (`SBIN0001234`).
public struct BankDetails: Codable, Sendable, Equatable {
    public var accountNumber: String
    public var ifsc: String
    public init(accountNumber: String, ifsc: String) {
        self.accountNumber = accountNumber
        self.ifsc = ifsc
    }
}

/// `artisan.register {...}` → the artisan, masked. `aadhaar`: 12 digits with a valid Verhoeff
/// check digit (spaces and hyphens allowed); only its keyed hash and last 4 digits are kept, and
/// a number already registered is `conflict` on `aadhaar`. `mobile`: an Indian mobile number (10
/// digits starting 6–9, optionally `+91`/`0`). `dateOfBirth`: `YYYY-MM-DD`. `gender`: `female`,
/// `male` or `other`. `state` any spelling; `district` a catalogue district of that state;
/// `productId`, when given, an active ODOP product of that district. `consentPurpose`: what the
/// artisan consented to (required: no consent, no registration).
public enum ArtisanRegister: CommandSchema {
    public typealias Result = ArtisanView
    public static let name = "artisan.register"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var name: String
        public var gender: String
        public var dateOfBirth: String
        public var mobile: String
        public var aadhaar: String
        public var familyReference: String
        public var state: String
        public var district: String
        public var trade: String
        public var productId: String?
        public var bank: BankDetails?
        public var consentPurpose: String
        public init(
            name: String, gender: String, dateOfBirth: String, mobile: String, aadhaar: String, familyReference: String,
            state: String, district: String, trade: String, productId: String? = nil, bank: BankDetails? = nil,
            consentPurpose: String
        ) {
            self.name = name
            self.gender = gender
            self.dateOfBirth = dateOfBirth
            self.mobile = mobile
            self.aadhaar = aadhaar
            self.familyReference = familyReference
            self.state = state
            self.district = district
            self.trade = trade
            self.productId = productId
            self.bank = bank
            self.consentPurpose = consentPurpose
        }
        public func validate() throws(CommandError) {
            for (value, field) in [
                (name, "name"), (familyReference, "familyReference"), (state, "state"),
                (district, "district"), (trade, "trade"), (consentPurpose, "consentPurpose"),
            ] {
                try TrainingArgumentRules.notBlank(value, field)
            }
        }
    }
}

/// `artisan.get {artisanId, reveal?, purpose?}` → the artisan. Masked unless `reveal` is true,
/// which needs a `purpose` and, with CURVE, the `admin` role; each unmasked read is in the audit
/// trail (`artisan.unmasked-read`: who, which artisan, the purpose).
public enum ArtisanGet: CommandSchema {
    public typealias Result = ArtisanView
    public static let name = "artisan.get"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var artisanId: String
        public var reveal: Bool?
        public var purpose: String?
        public init(artisanId: String, reveal: Bool? = nil, purpose: String? = nil) {
            self.artisanId = artisanId
            self.reveal = reveal
            self.purpose = purpose
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(artisanId, "artisanId")
            if reveal == true {
                guard let purpose, !TrainingArgumentRules.isBlank(purpose) else {
                    throw .invalidArgument("revealing personal data needs a 'purpose'", field: "purpose")
                }
            }
        }
    }
}

/// `artisan.list {state?, district?, after?, limit?}` → a page of artisans, masked, by id. `district`: a name, alias or id, as the catalogue reads it.
public enum ArtisanList: CommandSchema {
    public typealias Result = TrainingPage<ArtisanView>
    public static let name = "artisan.list"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var state: String?
        public var district: String?
        public var after: String?
        public var limit: Int?
        public init(state: String? = nil, district: String? = nil, after: String? = nil, limit: Int? = nil) {
            self.state = state
            self.district = district
            self.after = after
            self.limit = limit
        }
        public func validate() throws(CommandError) {
            try TrainingPaging.validate(after: after, limit: limit)
        }
    }
}

/// `artisan.export {artisanId}` → everything the service holds about the artisan, unmasked (the
/// artisan's right to see their data): the artisan and their applications.
public enum ArtisanExport: CommandSchema {
    public static let name = "artisan.export"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var artisanId: String
        public init(artisanId: String) { self.artisanId = artisanId }
        public func validate() throws(CommandError) { try TrainingArgumentRules.notBlank(artisanId, "artisanId") }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var artisan: ArtisanView
        public var applications: [TrainingApplication]
        public init(artisan: ArtisanView, applications: [TrainingApplication]) {
            self.artisan = artisan
            self.applications = applications
        }
    }
}

/// `artisan.correct {artisanId, expectedVersion?, ...fields}` → the artisan, masked. Only the
/// fields given change; each is validated as in `artisan.register`. The Aadhaar number and the
/// family reference are not correctable (they are the identity).
public enum ArtisanCorrect: CommandSchema {
    public typealias Result = ArtisanView
    public static let name = "artisan.correct"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var artisanId: String
        public var expectedVersion: Int?
        public var name: String?
        public var gender: String?
        public var dateOfBirth: String?
        public var mobile: String?
        public var trade: String?
        public var bank: BankDetails?
        public init(
            artisanId: String, expectedVersion: Int? = nil, name: String? = nil, gender: String? = nil,
            dateOfBirth: String? = nil, mobile: String? = nil, trade: String? = nil, bank: BankDetails? = nil
        ) {
            self.artisanId = artisanId
            self.expectedVersion = expectedVersion
            self.name = name
            self.gender = gender
            self.dateOfBirth = dateOfBirth
            self.mobile = mobile
            self.trade = trade
            self.bank = bank
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(artisanId, "artisanId")
            try TrainingArgumentRules.positive(expectedVersion, "expectedVersion")
            if let name { try TrainingArgumentRules.notBlank(name, "name") }
            if let trade { try TrainingArgumentRules.notBlank(trade, "trade") }
        }
    }
}

/// `artisan.consent.give {artisanId, purpose}` and `artisan.consent.withdraw {artisanId, purpose}`
/// → the artisan, masked. Without an active consent an artisan cannot apply.
public struct ConsentArguments: Codable, Sendable, Equatable, ValidatableArguments {
    public var artisanId: String
    public var purpose: String
    public init(artisanId: String, purpose: String) {
        self.artisanId = artisanId
        self.purpose = purpose
    }
    public func validate() throws(CommandError) {
        try TrainingArgumentRules.notBlank(artisanId, "artisanId")
        try TrainingArgumentRules.notBlank(purpose, "purpose")
    }
}

public enum ArtisanConsentGive: CommandSchema {
    public typealias Arguments = ConsentArguments
    public typealias Result = ArtisanView
    public static let name = "artisan.consent.give"
    public static let isMutating = true
}

public enum ArtisanConsentWithdraw: CommandSchema {
    public typealias Arguments = ConsentArguments
    public typealias Result = ArtisanView
    public static let name = "artisan.consent.withdraw"
    public static let isMutating = true
}

/// `artisan.erase {artisanId, reason}` → `{artisanId, erasedAt}`. Removes the artisan's personal
/// data for good (name, gender, date of birth, mobile, family reference, bank details, consents'
/// purposes stay as a record of what was agreed). Kept: the keyed Aadhaar hash and last 4 digits
/// and the keyed family hash (to refuse a second benefit), the places, and every count. Erasing
/// twice is `conflict`.
public enum ArtisanErase: CommandSchema {
    public static let name = "artisan.erase"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var artisanId: String
        public var reason: String
        public init(artisanId: String, reason: String) {
            self.artisanId = artisanId
            self.reason = reason
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(artisanId, "artisanId")
            try TrainingArgumentRules.notBlank(reason, "reason")
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var artisanId: String
        public var erasedAt: String
        public init(artisanId: String, erasedAt: String) {
            self.artisanId = artisanId
            self.erasedAt = erasedAt
        }
    }
}

// MARK: - Applications

/// `application.submit {artisanId, schemeId}` → the application at the scheme's current version,
/// waiting at its first verification stage. The artisan's product and trade are the
/// application's. Refusals: `conflict` on `artisanId` (no active consent, erased, under age, not
/// resident, cooling-off, an open application already) or `familyReference` (one per family),
/// `invalid_argument` on `trade` (not an eligible trade) or `productId` (not an active ODOP
/// product of the artisan's district).
public enum ApplicationSubmit: CommandSchema {
    public typealias Result = TrainingApplication
    public static let name = "application.submit"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var artisanId: String
        public var schemeId: String
        public init(artisanId: String, schemeId: String) {
            self.artisanId = artisanId
            self.schemeId = schemeId
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(artisanId, "artisanId")
            try TrainingArgumentRules.notBlank(schemeId, "schemeId")
        }
    }
}

/// `applications.import {schemeId, csv}` → the row report. The CSV has a header row naming
/// `name, gender, dateOfBirth, mobile, aadhaar, familyReference, state, district, trade` and
/// optionally `productId, bankAccount, ifsc, consentPurpose` (default purpose: the scheme's
/// name), in any order. Each row registers the artisan and submits the application, or changes
/// nothing and is reported with its line (the header is line 1) and reason. No report ever
/// echoes an Aadhaar number.
public enum ApplicationsImport: CommandSchema {
    public static let name = "applications.import"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var schemeId: String
        public var csv: String
        public init(schemeId: String, csv: String) {
            self.schemeId = schemeId
            self.csv = csv
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(schemeId, "schemeId")
            try TrainingArgumentRules.notBlank(csv, "csv")
        }
    }
    /// A row that was not imported.
    public struct RefusedRow: Codable, Sendable, Equatable {
        public var line: Int
        public var field: String?
        public var reason: String
        public init(line: Int, field: String?, reason: String) {
            self.line = line
            self.field = field
            self.reason = reason
        }
    }
    /// A row that was imported.
    public struct ImportedRow: Codable, Sendable, Equatable {
        public var line: Int
        public var artisanId: String
        public var applicationId: String
        public init(line: Int, artisanId: String, applicationId: String) {
            self.line = line
            self.artisanId = artisanId
            self.applicationId = applicationId
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var rows: Int
        public var imported: [ImportedRow]
        public var refused: [RefusedRow]
        public init(rows: Int, imported: [ImportedRow], refused: [RefusedRow]) {
            self.rows = rows
            self.imported = imported
            self.refused = refused
        }
    }
}

/// `application.get {applicationId}` → the application.
public enum ApplicationGet: CommandSchema {
    public typealias Result = TrainingApplication
    public static let name = "application.get"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var applicationId: String
        public init(applicationId: String) { self.applicationId = applicationId }
        public func validate() throws(CommandError) { try TrainingArgumentRules.notBlank(applicationId, "applicationId") }
    }
}

/// `application.list {schemeId?, state?, district?, status?, after?, limit?}` → a page by id.
public enum ApplicationList: CommandSchema {
    public typealias Result = TrainingPage<TrainingApplication>
    public static let name = "application.list"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var schemeId: String?
        public var state: String?
        public var district: String?
        public var status: ApplicationStatus?
        public var after: String?
        public var limit: Int?
        public init(
            schemeId: String? = nil, state: String? = nil, district: String? = nil, status: ApplicationStatus? = nil,
            after: String? = nil, limit: Int? = nil
        ) {
            self.schemeId = schemeId
            self.state = state
            self.district = district
            self.status = status
            self.after = after
            self.limit = limit
        }
        public func validate() throws(CommandError) { try TrainingPaging.validate(after: after, limit: limit) }
    }
}

/// `application.verify {applicationId, stage, outcome, decidedBy, reason}` → the application.
/// `stage` must be the pending stage. `approved` moves to the next stage, or to `verified` after
/// the last; `rejected` rejects the application.
public enum ApplicationVerify: CommandSchema {
    public typealias Result = TrainingApplication
    public static let name = "application.verify"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var applicationId: String
        public var stage: String
        public var outcome: VerificationOutcome
        public var decidedBy: String
        public var reason: String
        public init(applicationId: String, stage: String, outcome: VerificationOutcome, decidedBy: String, reason: String) {
            self.applicationId = applicationId
            self.stage = stage
            self.outcome = outcome
            self.decidedBy = decidedBy
            self.reason = reason
        }
        public func validate() throws(CommandError) {
            for (value, field) in [(applicationId, "applicationId"), (stage, "stage"), (decidedBy, "decidedBy"), (reason, "reason")] {
                try TrainingArgumentRules.notBlank(value, field)
            }
        }
    }
}

/// `application.select {applicationId, decidedBy, reason}` (a `verified` application) and
/// `application.reject {applicationId, decidedBy, reason}` (any not yet selected or rejected)
/// → the application.
public struct ApplicationDecisionArguments: Codable, Sendable, Equatable, ValidatableArguments {
    public var applicationId: String
    public var decidedBy: String
    public var reason: String
    public init(applicationId: String, decidedBy: String, reason: String) {
        self.applicationId = applicationId
        self.decidedBy = decidedBy
        self.reason = reason
    }
    public func validate() throws(CommandError) {
        for (value, field) in [(applicationId, "applicationId"), (decidedBy, "decidedBy"), (reason, "reason")] {
            try TrainingArgumentRules.notBlank(value, field)
        }
    }
}

public enum ApplicationSelect: CommandSchema {
    public typealias Arguments = ApplicationDecisionArguments
    public typealias Result = TrainingApplication
    public static let name = "application.select"
    public static let isMutating = true
}

public enum ApplicationReject: CommandSchema {
    public typealias Arguments = ApplicationDecisionArguments
    public typealias Result = TrainingApplication
    public static let name = "application.reject"
    public static let isMutating = true
}

// MARK: - Batches

/// `batch.schedule {...}` → the batch, `scheduled`. A scheme that requires an ODOP product needs
/// `productId` (an active product; the batch is in its district); otherwise `trade`, `state`
/// and `district`. The dates give the days (both ends counted), which must fit the kind's range.
public enum BatchSchedule: CommandSchema {
    public typealias Result = TrainingBatch
    public static let name = "batch.schedule"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var schemeId: String
        public var kind: TrainingKind
        public var productId: String?
        public var trade: String?
        public var state: String?
        public var district: String?
        public var centre: String
        public var trainer: String
        public var startDate: String
        public var endDate: String
        public var capacity: Int
        public init(
            schemeId: String, kind: TrainingKind, productId: String? = nil, trade: String? = nil, state: String? = nil,
            district: String? = nil, centre: String, trainer: String, startDate: String, endDate: String, capacity: Int
        ) {
            self.schemeId = schemeId
            self.kind = kind
            self.productId = productId
            self.trade = trade
            self.state = state
            self.district = district
            self.centre = centre
            self.trainer = trainer
            self.startDate = startDate
            self.endDate = endDate
            self.capacity = capacity
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(schemeId, "schemeId")
            try TrainingArgumentRules.notBlank(centre, "centre")
            try TrainingArgumentRules.notBlank(trainer, "trainer")
            guard (1...1000).contains(capacity) else {
                throw .invalidArgument("field 'capacity' must be between 1 and 1000, got \(capacity)", field: "capacity")
            }
        }
    }
}

/// A command on one batch: `batch.get`, `batch.start` (on or after its start date),
/// `batch.complete` (on or after its end date).
public struct BatchArguments: Codable, Sendable, Equatable, ValidatableArguments {
    public var batchId: String
    public init(batchId: String) { self.batchId = batchId }
    public func validate() throws(CommandError) { try TrainingArgumentRules.notBlank(batchId, "batchId") }
}

public enum BatchGet: CommandSchema {
    public typealias Arguments = BatchArguments
    public typealias Result = TrainingBatch
    public static let name = "batch.get"
    public static let isMutating = false
}

public enum BatchStart: CommandSchema {
    public typealias Arguments = BatchArguments
    public typealias Result = TrainingBatch
    public static let name = "batch.start"
    public static let isMutating = true
}

public enum BatchComplete: CommandSchema {
    public typealias Arguments = BatchArguments
    public typealias Result = TrainingBatch
    public static let name = "batch.complete"
    public static let isMutating = true
}

/// `batch.cancel {batchId, reason}` → the batch, `cancelled`; only before it started.
public enum BatchCancel: CommandSchema {
    public typealias Result = TrainingBatch
    public static let name = "batch.cancel"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var batchId: String
        public var reason: String
        public init(batchId: String, reason: String) {
            self.batchId = batchId
            self.reason = reason
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(batchId, "batchId")
            try TrainingArgumentRules.notBlank(reason, "reason")
        }
    }
}

/// `batch.list {schemeId?, district?, status?, after?, limit?}` → a page by id.
public enum BatchList: CommandSchema {
    public typealias Result = TrainingPage<TrainingBatch>
    public static let name = "batch.list"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var schemeId: String?
        public var districtId: String?
        public var status: BatchStatus?
        public var after: String?
        public var limit: Int?
        public init(schemeId: String? = nil, districtId: String? = nil, status: BatchStatus? = nil, after: String? = nil, limit: Int? = nil)
        {
            self.schemeId = schemeId
            self.districtId = districtId
            self.status = status
            self.after = after
            self.limit = limit
        }
        public func validate() throws(CommandError) { try TrainingPaging.validate(after: after, limit: limit) }
    }
}

// MARK: - Enrolments and attendance

/// `enrolment.create {applicationId, batchId, districtOverride?}` → the enrolment. The
/// application must be `selected`, for the batch's scheme (and product or trade); the batch not
/// full, not over; no other batch of the artisan's overlapping in dates; the artisan's district
/// the batch's unless `districtOverride` gives who decided and why (kept).
public enum EnrolmentCreate: CommandSchema {
    public typealias Result = Enrolment
    public static let name = "enrolment.create"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var applicationId: String
        public var batchId: String
        public var districtOverride: DistrictOverride?
        public init(applicationId: String, batchId: String, districtOverride: DistrictOverride? = nil) {
            self.applicationId = applicationId
            self.batchId = batchId
            self.districtOverride = districtOverride
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(applicationId, "applicationId")
            try TrainingArgumentRules.notBlank(batchId, "batchId")
            if let districtOverride {
                try TrainingArgumentRules.notBlank(districtOverride.by, "districtOverride.by")
                try TrainingArgumentRules.notBlank(districtOverride.reason, "districtOverride.reason")
            }
        }
    }
}

/// `enrolment.get {enrolmentId}` → the enrolment; `enrolment.complete {enrolmentId}` → completed
/// when attendance reaches the scheme's minimum (its stipend falls due).
public struct EnrolmentArguments: Codable, Sendable, Equatable, ValidatableArguments {
    public var enrolmentId: String
    public init(enrolmentId: String) { self.enrolmentId = enrolmentId }
    public func validate() throws(CommandError) { try TrainingArgumentRules.notBlank(enrolmentId, "enrolmentId") }
}

public enum EnrolmentGet: CommandSchema {
    public typealias Arguments = EnrolmentArguments
    public typealias Result = Enrolment
    public static let name = "enrolment.get"
    public static let isMutating = false
}

public enum EnrolmentComplete: CommandSchema {
    public typealias Arguments = EnrolmentArguments
    public typealias Result = Enrolment
    public static let name = "enrolment.complete"
    public static let isMutating = true
}

/// `enrolment.drop {enrolmentId, reason}` → the enrolment, `dropped` (no stipend).
public enum EnrolmentDrop: CommandSchema {
    public typealias Result = Enrolment
    public static let name = "enrolment.drop"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var enrolmentId: String
        public var reason: String
        public init(enrolmentId: String, reason: String) {
            self.enrolmentId = enrolmentId
            self.reason = reason
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(enrolmentId, "enrolmentId")
            try TrainingArgumentRules.notBlank(reason, "reason")
        }
    }
}

/// `attendance.record {batchId, date, present}` → `{batchId, date, present, absent}`. Records one
/// day of a started batch: `present` lists enrolment ids; the batch's other enrolled artisans
/// are absent that day. Recording a day again replaces it. `date` must be within the batch's
/// dates and not after today (IST).
public enum AttendanceRecord: CommandSchema {
    public static let name = "attendance.record"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var batchId: String
        public var date: String
        public var present: [String]
        public init(batchId: String, date: String, present: [String]) {
            self.batchId = batchId
            self.date = date
            self.present = present
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(batchId, "batchId")
            try TrainingArgumentRules.notBlank(date, "date")
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var batchId: String
        public var date: String
        public var present: Int
        public var absent: Int
        public init(batchId: String, date: String, present: Int, absent: Int) {
            self.batchId = batchId
            self.date = date
            self.present = present
            self.absent = absent
        }
    }
}

/// `assessment.record {enrolmentId, result, assessedBy}` → the enrolment; only once completed.
public enum AssessmentRecord: CommandSchema {
    public typealias Result = Enrolment
    public static let name = "assessment.record"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var enrolmentId: String
        public var result: AssessmentResult
        public var assessedBy: String
        public init(enrolmentId: String, result: AssessmentResult, assessedBy: String) {
            self.enrolmentId = enrolmentId
            self.result = result
            self.assessedBy = assessedBy
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(enrolmentId, "enrolmentId")
            try TrainingArgumentRules.notBlank(assessedBy, "assessedBy")
        }
    }
}

// MARK: - Certificates

/// `certificate.issue {enrolmentId}` → the certificate: a completed enrolment, with a passed
/// assessment where the scheme needs one; one per enrolment.
public enum CertificateIssue: CommandSchema {
    public typealias Arguments = EnrolmentArguments
    public typealias Result = TrainingCertificate
    public static let name = "certificate.issue"
    public static let isMutating = true
}

/// `certificate.verify {certificateNumber}` → `{valid, certificate?}`: whether the number was
/// issued by this service, and what it certifies (no personal data).
public enum CertificateVerify: CommandSchema {
    public static let name = "certificate.verify"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var certificateNumber: String
        public init(certificateNumber: String) { self.certificateNumber = certificateNumber }
        public func validate() throws(CommandError) { try TrainingArgumentRules.notBlank(certificateNumber, "certificateNumber") }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var valid: Bool
        public var certificate: TrainingCertificate?
        public init(valid: Bool, certificate: TrainingCertificate?) {
            self.valid = valid
            self.certificate = certificate
        }
    }
}

// MARK: - Toolkits

/// `toolkit.issue {applicationId, valueRupees}` → the toolkit, `issued`, in the scheme's form.
/// Needs a completed enrolment of the application; `valueRupees` 1…the cap of the application's
/// scheme version; one toolkit per artisan per scheme.
public enum ToolkitIssue: CommandSchema {
    public typealias Result = Toolkit
    public static let name = "toolkit.issue"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var applicationId: String
        public var valueRupees: Int
        public init(applicationId: String, valueRupees: Int) {
            self.applicationId = applicationId
            self.valueRupees = valueRupees
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(applicationId, "applicationId")
            guard valueRupees >= 1 else {
                throw .invalidArgument("field 'valueRupees' must be at least 1, got \(valueRupees)", field: "valueRupees")
            }
        }
    }
}

/// `toolkit.get`, `toolkit.redeem` (an issued e-voucher) and `toolkit.deliver` (an issued kit)
/// `{toolkitId}` → the toolkit.
public struct ToolkitArguments: Codable, Sendable, Equatable, ValidatableArguments {
    public var toolkitId: String
    public init(toolkitId: String) { self.toolkitId = toolkitId }
    public func validate() throws(CommandError) { try TrainingArgumentRules.notBlank(toolkitId, "toolkitId") }
}

public enum ToolkitGet: CommandSchema {
    public typealias Arguments = ToolkitArguments
    public typealias Result = Toolkit
    public static let name = "toolkit.get"
    public static let isMutating = false
}

public enum ToolkitRedeem: CommandSchema {
    public typealias Arguments = ToolkitArguments
    public typealias Result = Toolkit
    public static let name = "toolkit.redeem"
    public static let isMutating = true
}

public enum ToolkitDeliver: CommandSchema {
    public typealias Arguments = ToolkitArguments
    public typealias Result = Toolkit
    public static let name = "toolkit.deliver"
    public static let isMutating = true
}

// MARK: - Stipends and payments

/// `stipend.list {schemeId?, status?, after?, limit?}` → a page of stipends by id.
public enum StipendList: CommandSchema {
    public typealias Result = TrainingPage<Stipend>
    public static let name = "stipend.list"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var schemeId: String?
        public var status: StipendStatus?
        public var after: String?
        public var limit: Int?
        public init(schemeId: String? = nil, status: StipendStatus? = nil, after: String? = nil, limit: Int? = nil) {
            self.schemeId = schemeId
            self.status = status
            self.after = after
            self.limit = limit
        }
        public func validate() throws(CommandError) { try TrainingPaging.validate(after: after, limit: limit) }
    }
}

/// `payment.batch.create {stipendIds}` → the payment batch. Each stipend must be `due`, `failed`
/// or `returned` (a paid or pending one is `conflict`: never paid twice) and its artisan must
/// have bank details.
public enum PaymentBatchCreate: CommandSchema {
    public typealias Result = PaymentBatch
    public static let name = "payment.batch.create"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var stipendIds: [String]
        public init(stipendIds: [String]) { self.stipendIds = stipendIds }
        public func validate() throws(CommandError) {
            guard !stipendIds.isEmpty else { throw .invalidArgument("field 'stipendIds' must not be empty", field: "stipendIds") }
            guard Set(stipendIds).count == stipendIds.count else {
                throw .invalidArgument("field 'stipendIds' lists a stipend twice", field: "stipendIds")
            }
        }
    }
}

/// `payment.record {paymentBatchId, stipendId, outcome, reference?, reason?}` → the stipend.
/// `paid` and `failed` settle a pending item; `returned` follows `paid`. A paid stipend emits
/// `training.stipend.paid`; a failed or returned one can go into a new payment batch.
public enum PaymentRecord: CommandSchema {
    public typealias Result = Stipend
    public static let name = "payment.record"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var paymentBatchId: String
        public var stipendId: String
        public var outcome: PaymentOutcome
        public var reference: String?
        public var reason: String?
        public init(paymentBatchId: String, stipendId: String, outcome: PaymentOutcome, reference: String? = nil, reason: String? = nil) {
            self.paymentBatchId = paymentBatchId
            self.stipendId = stipendId
            self.outcome = outcome
            self.reference = reference
            self.reason = reason
        }
        public func validate() throws(CommandError) {
            try TrainingArgumentRules.notBlank(paymentBatchId, "paymentBatchId")
            try TrainingArgumentRules.notBlank(stipendId, "stipendId")
            if outcome != .paid, reason.map(TrainingArgumentRules.isBlank) ?? true {
                throw .invalidArgument("a \(outcome.rawValue) payment needs a 'reason'", field: "reason")
            }
        }
    }
}

// MARK: - Shape rules

enum TrainingArgumentRules {
    static func isBlank(_ value: String) -> Bool { value.allSatisfy(\.isWhitespace) }

    static func notBlank(_ value: String, _ field: String) throws(CommandError) {
        if isBlank(value) {
            throw .invalidArgument("field '\(field)' must not be empty", field: field)
        }
    }

    static func positive(_ value: Int?, _ field: String) throws(CommandError) {
        if let value, value < 1 {
            throw .invalidArgument("field '\(field)' must be at least 1, got \(value)", field: field)
        }
    }
}
