import Foundation
import ODOPMessages
import Testing

/// The training sample values the `training-*` golden fixtures were written from; each is also
/// the expected result of decoding its fixture. Wherever docs/PROTOCOL.md's `### training`
/// section shows a message, the sample is that message, value for value.
///
/// One story: Ramesh Kumar, a glass worker of Firozabad (UP), applies to the UP ODOP scheme, is
/// verified and selected, trained in a 10-day basic batch (8 days attended), certified, given a
/// kit and paid ₹1,600; a Varanasi potter goes through PM Vishwakarma's stages to an e-voucher.
/// Ids and times are examples; the shapes are those of a running odop-training.
enum TrainingSamples {
    // MARK: Ids

    static let glassId = "p-9b334f5c-e331-4e6a-af85-440a26c620ea"
    static let metalId = "p-4d1a7e2c-8f63-4b09-a5de-1c7b3f9e6a21"
    static let artisanId = "art-3f9c2a7d41e84b06"
    static let potterId = "art-8b1e5d0c72a94f3e"
    static let applicationId = "app-15d88f2558e04424"
    static let potterApplicationId = "app-c7e3a9f1d2b84056"
    static let batchId = "bat-777174ff8b8c4572"
    static let cancelledBatchId = "bat-2a6c9e0f4d1b7385"
    static let enrolmentId = "enr-bf3ffdc5d6024ea4"
    static let certificateNumber = "CERT-UOS-2026-7F3K9Q2M4X8B"
    static let kitId = "tk-5d952991095c4da7"
    static let voucherId = "tk-0e8c4a2f6b1d9357"
    static let stipendId = "st-4f55adf0eba34753"
    static let paymentBatchId = "pay-6a0d3f8b2c4e1975"
    static let up = "up-odop-sdtd"
    static let pmv = "pm-vishwakarma"
    static let seededAt = "2026-03-01T04:30:00.000Z"

    // MARK: Schemes

    static let upParameters = SchemeParameters(
        name: "UP ODOP Skill Development and Toolkit Distribution", state: "UP", eligibleTrades: nil,
        requiresOdopProduct: true, minimumAge: 18, benefitUnit: .artisan,
        coolingOff: CoolingOffRule(years: 2, schemes: [up], includesFamily: true),
        verificationStages: ["district_industries_office"],
        trainingKinds: [
            TrainingKindRule(kind: .basic, minimumDays: 10, maximumDays: 10, stipendPerDayRupees: 200),
            TrainingKindRule(kind: .rpl, minimumDays: 1, maximumDays: 3, stipendPerDayRupees: 0),
        ],
        minimumAttendancePercent: 70, assessmentRequired: false, toolkit: ToolkitRule(form: .kit, capRupees: 20_000),
        districtTargets: [DistrictTarget(districtId: "UP-firozabad", financialYear: "2025-26", trainees: 250)])

    static let pmvParameters = SchemeParameters(
        name: "PM Vishwakarma", state: nil,
        eligibleTrades: [
            "carpenter", "boat maker", "armourer", "blacksmith", "hammer and tool kit maker", "locksmith", "sculptor",
            "stone breaker", "goldsmith", "potter", "cobbler", "mason", "basket, mat, broom maker or coir weaver",
            "doll and toy maker", "barber", "garland maker", "washerman", "tailor", "fishing net maker",
        ],
        requiresOdopProduct: false, minimumAge: 18, benefitUnit: .family, coolingOff: nil,
        verificationStages: ["gram_panchayat_or_ulb", "district_implementation_committee", "state_committee"],
        trainingKinds: [
            TrainingKindRule(kind: .basic, minimumDays: 5, maximumDays: 7, stipendPerDayRupees: 500),
            TrainingKindRule(kind: .advanced, minimumDays: 15, maximumDays: 15, stipendPerDayRupees: 500),
        ],
        minimumAttendancePercent: 70, assessmentRequired: true, toolkit: ToolkitRule(form: .eVoucher, capRupees: 15_000),
        districtTargets: [])

    static let upSchemeV2 = TrainingScheme(schemeId: up, version: 2, parameters: upParameters, createdAt: "2026-02-20T06:00:00.000Z")
    static let pmvScheme = TrainingScheme(schemeId: pmv, version: 1, parameters: pmvParameters, createdAt: seededAt)

    // MARK: Artisans

    static let consent = ConsentRecord(purpose: "training and toolkit under ODOP schemes", givenAt: "2026-03-02T04:30:00.000Z")

    static let registration = ArtisanRegister.Arguments(
        name: "Ramesh Kumar", gender: "male", dateOfBirth: "1985-06-15", mobile: "+91 98765 43210", aadhaar: "2345 6789 0124",
        familyReference: "RC-UP-100001", state: "Uttar Pradesh", district: "Firozabad", trade: "glass worker",
        productId: glassId, bank: BankDetails(accountNumber: "400000104729", ifsc: "SBIN0001234"),
        consentPurpose: "training and toolkit under ODOP schemes")

    static let artisanMasked = ArtisanView(
        artisanId: artisanId, version: 1, masked: true, erased: false, name: "R***** K****", gender: "male",
        dateOfBirth: "1985-XX-XX", mobile: "XXXXXX3210", aadhaar: "XXXX-XXXX-0124", familyReference: "XXXXXXXX0001",
        bank: BankView(accountNumber: "XXXXXXXX4729", ifsc: "SBIN0XXXXXX"), state: "Uttar Pradesh", stateCode: "UP",
        district: "Firozabad", districtId: "UP-firozabad", trade: "glass worker", productId: glassId, consents: [consent],
        createdAt: "2026-03-02T04:30:00.000Z", updatedAt: "2026-03-02T04:30:00.000Z")

    static let artisanRevealed = ArtisanView(
        artisanId: artisanId, version: 1, masked: false, erased: false, name: "Ramesh Kumar", gender: "male",
        dateOfBirth: "1985-06-15", mobile: "9876543210", aadhaar: "XXXX-XXXX-0124", familyReference: "RC-UP-100001",
        bank: BankView(accountNumber: "400000104729", ifsc: "SBIN0001234"), state: "Uttar Pradesh", stateCode: "UP",
        district: "Firozabad", districtId: "UP-firozabad", trade: "glass worker", productId: glassId, consents: [consent],
        createdAt: "2026-03-02T04:30:00.000Z", updatedAt: "2026-03-02T04:30:00.000Z")

    static let artisanErasedView = ArtisanView(
        artisanId: artisanId, version: 2, masked: false, erased: true, name: nil, gender: nil, dateOfBirth: nil, mobile: nil,
        aadhaar: "XXXX-XXXX-0124", familyReference: nil, bank: nil, state: "Uttar Pradesh", stateCode: "UP",
        district: "Firozabad", districtId: "UP-firozabad", trade: "glass worker", productId: glassId, consents: [consent],
        createdAt: "2026-03-02T04:30:00.000Z", updatedAt: "2027-01-15T05:00:00.000Z")

    // MARK: Applications

    static func application(
        status: ApplicationStatus, pendingStage: String?, decisions: [VerificationDecision], version: Int,
        selectedBy: String? = nil, rejection: VerificationDecision? = nil, updatedAt: String
    ) -> TrainingApplication {
        TrainingApplication(
            applicationId: applicationId, version: version, artisanId: artisanId, schemeId: up, schemeVersion: 2,
            status: status, pendingStage: pendingStage, decisions: decisions, rejection: rejection, selectedBy: selectedBy,
            state: "Uttar Pradesh", stateCode: "UP", district: "Firozabad", districtId: "UP-firozabad", productId: glassId,
            sector: "handicraft", trade: "glass worker", submittedAt: "2026-03-02T04:30:00.000Z", updatedAt: updatedAt)
    }

    static let dicDecision = VerificationDecision(
        stage: "district_industries_office", outcome: .approved, decidedBy: "Deputy Commissioner of Industries, Firozabad",
        reason: "handicraft card seen", decidedAt: "2026-03-03T06:00:00.000Z")

    static let submitted = application(
        status: .submitted, pendingStage: "district_industries_office", decisions: [], version: 1, updatedAt: "2026-03-02T04:30:00.000Z")
    static let verified = application(
        status: .verified, pendingStage: nil, decisions: [dicDecision], version: 2, updatedAt: "2026-03-03T06:00:00.000Z")
    static let selected = application(
        status: .selected, pendingStage: nil, decisions: [dicDecision], version: 3, selectedBy: "DC Industries, Firozabad",
        updatedAt: "2026-03-04T06:00:00.000Z")

    static let potterStage1 = VerificationDecision(
        stage: "gram_panchayat_or_ulb", outcome: .approved, decidedBy: "Gram Pradhan, Sewapuri", reason: "works as a potter in the village",
        decidedAt: "2026-03-03T05:00:00.000Z")
    static let potterRejection = VerificationDecision(
        stage: "district_implementation_committee", outcome: .rejected, decidedBy: "District Implementation Committee, Varanasi",
        reason: "a family member is registered already", decidedAt: "2026-03-10T07:00:00.000Z")

    static let potterAtStage2 = TrainingApplication(
        applicationId: potterApplicationId, version: 2, artisanId: potterId, schemeId: pmv, schemeVersion: 1, status: .submitted,
        pendingStage: "district_implementation_committee", decisions: [potterStage1], rejection: nil, selectedBy: nil,
        state: "Uttar Pradesh", stateCode: "UP", district: "Varanasi", districtId: "UP-varanasi", productId: nil, sector: nil,
        trade: "potter", submittedAt: "2026-03-02T05:00:00.000Z", updatedAt: "2026-03-03T05:00:00.000Z")

    static var potterRejected: TrainingApplication {
        var application = potterAtStage2
        application.version = 3
        application.status = .rejected
        application.pendingStage = nil
        application.decisions.append(potterRejection)
        application.rejection = potterRejection
        application.updatedAt = "2026-03-10T07:00:00.000Z"
        return application
    }

    // MARK: Batches, enrolments

    static func batch(_ status: BatchStatus, version: Int, enrolled: Int = 1, updatedAt: String) -> TrainingBatch {
        TrainingBatch(
            batchId: batchId, version: version, schemeId: up, kind: .basic, productId: glassId, trade: nil, sector: "handicraft",
            state: "Uttar Pradesh", stateCode: "UP", district: "Firozabad", districtId: "UP-firozabad",
            centre: "District Industries Centre, Firozabad", trainer: "Master trainer, glass", startDate: "2026-03-09",
            endDate: "2026-03-18", days: 10, capacity: 30, enrolled: enrolled, status: status, cancelledReason: nil,
            createdAt: "2026-03-04T06:30:00.000Z", updatedAt: updatedAt)
    }

    static let batchScheduled = batch(.scheduled, version: 1, enrolled: 0, updatedAt: "2026-03-04T06:30:00.000Z")
    static let batchStarted = batch(.started, version: 3, updatedAt: "2026-03-09T03:30:00.000Z")
    static let batchCompleted = batch(.completed, version: 4, updatedAt: "2026-03-18T11:30:00.000Z")
    static let batchCancelled = TrainingBatch(
        batchId: cancelledBatchId, version: 2, schemeId: up, kind: .basic, productId: metalId, trade: nil, sector: "handicraft",
        state: "Uttar Pradesh", stateCode: "UP", district: "Moradabad", districtId: "UP-moradabad", centre: "DIC Moradabad",
        trainer: "Master trainer, brass", startDate: "2026-04-06", endDate: "2026-04-15", days: 10, capacity: 25, enrolled: 0,
        status: .cancelled, cancelledReason: "ODOP product \(metalId) (Metal Craft) was retired",
        createdAt: "2026-03-05T06:00:00.000Z", updatedAt: "2026-03-20T09:12:44.120Z")

    static func enrolment(_ status: EnrolmentStatus, version: Int, attended: Int, assessment: Assessment? = nil, updatedAt: String)
        -> Enrolment
    {
        Enrolment(
            enrolmentId: enrolmentId, version: version, applicationId: applicationId, artisanId: artisanId, batchId: batchId,
            schemeId: up, schemeVersion: 2, kind: .basic, state: "Uttar Pradesh", stateCode: "UP", district: "Firozabad",
            districtId: "UP-firozabad", productId: glassId, status: status, attendedDays: attended, districtOverride: nil,
            dropReason: nil, assessment: assessment, createdAt: "2026-03-05T06:00:00.000Z", updatedAt: updatedAt)
    }

    static let enrolled = enrolment(.enrolled, version: 1, attended: 0, updatedAt: "2026-03-05T06:00:00.000Z")
    static let completed = enrolment(.completed, version: 10, attended: 8, updatedAt: "2026-03-18T11:00:00.000Z")
    static let assessed = enrolment(
        .completed, version: 11, attended: 8,
        assessment: Assessment(result: .pass, assessedBy: "Sector Skill Council assessor", assessedOn: "2026-03-19"),
        updatedAt: "2026-03-19T06:00:00.000Z")
    static var dropped: Enrolment {
        var enrolment = enrolment(.dropped, version: 2, attended: 0, updatedAt: "2026-03-20T09:12:44.120Z")
        enrolment.enrolmentId = "enr-91c3e5a7b0d24f68"
        enrolment.batchId = cancelledBatchId
        enrolment.productId = metalId
        enrolment.district = "Moradabad"
        enrolment.districtId = "UP-moradabad"
        enrolment.dropReason = "batch cancelled: ODOP product \(metalId) (Metal Craft) was retired"
        return enrolment
    }
    static var overridden: Enrolment {
        var enrolment = enrolled
        enrolment.enrolmentId = "enr-5e7a9c1b3d0f2486"
        enrolment.districtOverride = DistrictOverride(by: "DC Industries, Firozabad", reason: "no glass batch in Agra this quarter")
        return enrolment
    }

    // MARK: Certificates, toolkits, stipends

    static let certificate = TrainingCertificate(
        certificateNumber: certificateNumber, enrolmentId: enrolmentId, artisanId: artisanId, schemeId: up, kind: .basic,
        state: "Uttar Pradesh", stateCode: "UP", district: "Firozabad", districtId: "UP-firozabad", productId: glassId,
        issuedOn: "2026-03-19")

    static let kitIssued = Toolkit(
        toolkitId: kitId, version: 1, applicationId: applicationId, artisanId: artisanId, schemeId: up, form: .kit,
        valueRupees: 18_500, status: .issued, state: "Uttar Pradesh", stateCode: "UP", district: "Firozabad",
        districtId: "UP-firozabad", productId: glassId, issuedOn: "2026-03-19", redeemedOn: nil, deliveredOn: nil)
    static var kitDelivered: Toolkit {
        var toolkit = kitIssued
        toolkit.version = 2
        toolkit.status = .delivered
        toolkit.deliveredOn = "2026-03-25"
        return toolkit
    }
    static let voucherIssued = Toolkit(
        toolkitId: voucherId, version: 1, applicationId: potterApplicationId, artisanId: potterId, schemeId: pmv, form: .eVoucher,
        valueRupees: 15_000, status: .issued, state: "Uttar Pradesh", stateCode: "UP", district: "Varanasi",
        districtId: "UP-varanasi", productId: nil, issuedOn: "2026-04-02", redeemedOn: nil, deliveredOn: nil)
    static var voucherRedeemed: Toolkit {
        var toolkit = voucherIssued
        toolkit.version = 2
        toolkit.status = .redeemed
        toolkit.redeemedOn = "2026-04-20"
        return toolkit
    }

    static func stipend(_ status: StipendStatus, batch: String?, attempts: Int, paidOn: String?) -> Stipend {
        Stipend(
            stipendId: stipendId, enrolmentId: enrolmentId, artisanId: artisanId, schemeId: up, kind: .basic, state: "Uttar Pradesh",
            stateCode: "UP", district: "Firozabad", districtId: "UP-firozabad", attendedDays: 8, ratePerDayRupees: 200,
            amountRupees: 1_600, status: status, paymentBatchId: batch, attempts: attempts, paidOn: paidOn)
    }
    static let stipendDue = stipend(.due, batch: nil, attempts: 0, paidOn: nil)
    static let stipendPaid = stipend(.paid, batch: paymentBatchId, attempts: 2, paidOn: "2026-04-10")

    static let paymentBatch = PaymentBatch(
        paymentBatchId: paymentBatchId, createdOn: "2026-04-08",
        items: [
            PaymentItem(stipendId: stipendId, amountRupees: 1_600, accountNumber: "XXXXXXXX4729", outcome: nil, reference: nil, reason: nil)
        ],
        totalRupees: 1_600)

    // MARK: Reports

    static let funnel = FunnelReport.Result(
        groupBy: .district,
        rows: [
            FunnelRow(
                key: "UP-firozabad", label: "Firozabad",
                counts: FunnelCounts(
                    applied: 412, verified: 380, selected: 250, enrolled: 250, completed: 236, certified: 236, toolkits: 230,
                    stipendPaidRupees: 4_57_600)),
            FunnelRow(
                key: "UP-varanasi", label: "Varanasi",
                counts: FunnelCounts(
                    applied: 1_130, verified: 910, selected: 640, enrolled: 640, completed: 601, certified: 590, toolkits: 577,
                    stipendPaidRupees: 15_02_500)),
        ],
        total: FunnelCounts(
            applied: 1_542, verified: 1_290, selected: 890, enrolled: 890, completed: 837, certified: 826, toolkits: 807,
            stipendPaidRupees: 19_60_100))

    static let coverage = CoverageReport.Result(
        asOf: "2026-03-20", since: "2025-03-21",
        gaps: [
            CoverageGap(
                districtId: "UP-agra", district: "Agra", state: "Uttar Pradesh", stateCode: "UP", activeProducts: 1, lastCompletedOn: nil),
            CoverageGap(
                districtId: "UP-moradabad", district: "Moradabad", state: "Uttar Pradesh", stateCode: "UP", activeProducts: 2,
                lastCompletedOn: "2024-12-20"),
        ])

    static let ageing = AgeingReport.Result(
        asOf: "2026-03-20", olderThanDays: 15,
        stages: [
            AgeingRow(schemeId: pmv, stage: "gram_panchayat_or_ulb", waiting: 120, overdue: 31, oldestWaitingSince: "2026-01-12"),
            AgeingRow(schemeId: pmv, stage: "district_implementation_committee", waiting: 45, overdue: 9, oldestWaitingSince: "2026-02-02"),
            AgeingRow(schemeId: pmv, stage: "state_committee", waiting: 12, overdue: 0, oldestWaitingSince: "2026-03-11"),
        ])

    static let reconciliation = StipendReconciliation.Result(
        due: StipendAmount(count: 14, rupees: 22_400), pending: StipendAmount(count: 30, rupees: 48_000),
        paid: StipendAmount(count: 230, rupees: 4_57_600), failed: StipendAmount(count: 2, rupees: 3_200),
        returned: StipendAmount(count: 1, rupees: 1_600))

    static let importResult = ApplicationsImport.Result(
        rows: 4,
        imported: [
            .init(line: 2, artisanId: artisanId, applicationId: applicationId),
            .init(line: 5, artisanId: "art-6c2d8e4f0a1b3957", applicationId: "app-2f4a6c8e0b1d3579"),
        ],
        refused: [
            .init(line: 3, field: "aadhaar", reason: "field 'aadhaar' is not a valid Aadhaar number: its check digit is wrong"),
            .init(
                line: 4, field: "artisan.dateOfBirth",
                reason: "up-odop-sdtd needs applicants aged 18 or more; the artisan is 16 on 2026-03-02"),
        ])
}
