import Foundation

// The training service's events. They carry ids, places, schemes, products and amounts — never
// an artisan's personal data (name, phone, date of birth, identity or bank details): events go to
// every subscriber. Batch, enrolment, certificate, toolkit and stipend events carry the whole
// record after the change; application events carry `ApplicationChange`.

/// The data of every `training.application.*` event.
public struct ApplicationChange: Codable, Sendable, Equatable {
    public var applicationId: String
    public var artisanId: String
    public var schemeId: String
    public var schemeVersion: Int
    public var status: ApplicationStatus
    /// `verified`: the stage just approved; `rejected`: the stage that rejected, when one did.
    public var stage: String?
    /// `verified`: how many stages are left (0 when the application is now `verified`).
    public var stagesRemaining: Int?
    public var state: String
    public var stateCode: String
    public var district: String
    public var districtId: String
    public var productId: String?
    public var sector: String?
    public var trade: String

    public init(_ application: TrainingApplication, stage: String? = nil, stagesRemaining: Int? = nil) {
        applicationId = application.applicationId
        artisanId = application.artisanId
        schemeId = application.schemeId
        schemeVersion = application.schemeVersion
        status = application.status
        self.stage = stage
        self.stagesRemaining = stagesRemaining
        state = application.state
        stateCode = application.stateCode
        district = application.district
        districtId = application.districtId
        productId = application.productId
        sector = application.sector
        trade = application.trade
    }
}

/// `training.application.submitted`: a new application, waiting at its first stage.
public struct ApplicationSubmitted: RecordEvent, Equatable {
    public static let eventType = "training.application.submitted"
    public static let schemaVersion = 1
    public var change: ApplicationChange
    public var record: ApplicationChange { change }
    public init(_ change: ApplicationChange) { self.change = change }
}

/// `training.application.verified`: one verification stage approved (`stage`,
/// `stagesRemaining`); status `verified` after the last.
public struct ApplicationVerified: RecordEvent, Equatable {
    public static let eventType = "training.application.verified"
    public static let schemaVersion = 1
    public var change: ApplicationChange
    public var record: ApplicationChange { change }
    public init(_ change: ApplicationChange) { self.change = change }
}

/// `training.application.selected`: a verified application was selected.
public struct ApplicationSelected: RecordEvent, Equatable {
    public static let eventType = "training.application.selected"
    public static let schemaVersion = 1
    public var change: ApplicationChange
    public var record: ApplicationChange { change }
    public init(_ change: ApplicationChange) { self.change = change }
}

/// `training.application.rejected`: rejected at a verification stage (`stage`) or at selection.
public struct ApplicationRejected: RecordEvent, Equatable {
    public static let eventType = "training.application.rejected"
    public static let schemaVersion = 1
    public var change: ApplicationChange
    public var record: ApplicationChange { change }
    public init(_ change: ApplicationChange) { self.change = change }
}

/// `training.batch.scheduled`, `.started`, `.completed`, `.cancelled` (by `batch.cancel`, or
/// because its ODOP product was retired before it started).
public struct BatchScheduled: RecordEvent, Equatable {
    public static let eventType = "training.batch.scheduled"
    public static let schemaVersion = 1
    public var batch: TrainingBatch
    public var record: TrainingBatch { batch }
    public init(_ batch: TrainingBatch) { self.batch = batch }
}

public struct BatchStarted: RecordEvent, Equatable {
    public static let eventType = "training.batch.started"
    public static let schemaVersion = 1
    public var batch: TrainingBatch
    public var record: TrainingBatch { batch }
    public init(_ batch: TrainingBatch) { self.batch = batch }
}

public struct BatchCompleted: RecordEvent, Equatable {
    public static let eventType = "training.batch.completed"
    public static let schemaVersion = 1
    public var batch: TrainingBatch
    public var record: TrainingBatch { batch }
    public init(_ batch: TrainingBatch) { self.batch = batch }
}

public struct BatchCancelled: RecordEvent, Equatable {
    public static let eventType = "training.batch.cancelled"
    public static let schemaVersion = 1
    public var batch: TrainingBatch
    public var record: TrainingBatch { batch }
    public init(_ batch: TrainingBatch) { self.batch = batch }
}

/// `training.enrolment.created`, `.completed`, `.dropped`.
public struct EnrolmentCreated: RecordEvent, Equatable {
    public static let eventType = "training.enrolment.created"
    public static let schemaVersion = 1
    public var enrolment: Enrolment
    public var record: Enrolment { enrolment }
    public init(_ enrolment: Enrolment) { self.enrolment = enrolment }
}

public struct EnrolmentCompleted: RecordEvent, Equatable {
    public static let eventType = "training.enrolment.completed"
    public static let schemaVersion = 1
    public var enrolment: Enrolment
    public var record: Enrolment { enrolment }
    public init(_ enrolment: Enrolment) { self.enrolment = enrolment }
}

public struct EnrolmentDropped: RecordEvent, Equatable {
    public static let eventType = "training.enrolment.dropped"
    public static let schemaVersion = 1
    public var enrolment: Enrolment
    public var record: Enrolment { enrolment }
    public init(_ enrolment: Enrolment) { self.enrolment = enrolment }
}

/// `training.certificate.issued`.
public struct CertificateIssued: RecordEvent, Equatable {
    public static let eventType = "training.certificate.issued"
    public static let schemaVersion = 1
    public var certificate: TrainingCertificate
    public var record: TrainingCertificate { certificate }
    public init(_ certificate: TrainingCertificate) { self.certificate = certificate }
}

/// `training.toolkit.issued`, `.redeemed` (e-voucher), `.delivered` (kit).
public struct ToolkitIssued: RecordEvent, Equatable {
    public static let eventType = "training.toolkit.issued"
    public static let schemaVersion = 1
    public var toolkit: Toolkit
    public var record: Toolkit { toolkit }
    public init(_ toolkit: Toolkit) { self.toolkit = toolkit }
}

public struct ToolkitRedeemed: RecordEvent, Equatable {
    public static let eventType = "training.toolkit.redeemed"
    public static let schemaVersion = 1
    public var toolkit: Toolkit
    public var record: Toolkit { toolkit }
    public init(_ toolkit: Toolkit) { self.toolkit = toolkit }
}

public struct ToolkitDelivered: RecordEvent, Equatable {
    public static let eventType = "training.toolkit.delivered"
    public static let schemaVersion = 1
    public var toolkit: Toolkit
    public var record: Toolkit { toolkit }
    public init(_ toolkit: Toolkit) { self.toolkit = toolkit }
}

/// `training.stipend.paid`: the bank confirmed a stipend's payment (the stipend after it).
public struct StipendPaid: RecordEvent, Equatable {
    public static let eventType = "training.stipend.paid"
    public static let schemaVersion = 1
    public var stipend: Stipend
    public var record: Stipend { stipend }
    public init(_ stipend: Stipend) { self.stipend = stipend }
}

/// `training.artisan.erased`: an artisan's personal data was erased (only the id and places).
public struct ArtisanErased: EventPayload, Equatable {
    public static let eventType = "training.artisan.erased"
    public static let schemaVersion = 1
    public var artisanId: String
    public var state: String
    public var stateCode: String
    public var district: String
    public var districtId: String
    public var erasedAt: String
    public init(artisanId: String, state: String, stateCode: String, district: String, districtId: String, erasedAt: String) {
        self.artisanId = artisanId
        self.state = state
        self.stateCode = stateCode
        self.district = district
        self.districtId = districtId
        self.erasedAt = erasedAt
    }
}
