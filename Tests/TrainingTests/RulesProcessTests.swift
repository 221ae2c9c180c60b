import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing
import Training

/// Every rule of the issue refused over the wire with its error naming the field, and nothing
/// stored or emitted: the same lastSeq and the same rows (versions included) in every table.
@Suite("odop-training rules, as processes", .serialized, .timeLimit(.minutes(5)))
struct RulesProcessTests {
    typealias C = TrainingCluster

    @Test("eligibility: age, residency, trade, one per family, cooling-off, duplicate identity, consent, field shapes")
    func eligibility() throws {
        try TrainingCluster.with { cluster in
            let glass = try #require(cluster.products["Glass Items"])
            // Age, in IST: 00:30 IST on 2 March 2026 is still 1 March in UTC.
            try cluster.setClock("2026-03-01T19:00:00Z")
            let adult = try cluster.register(Artisans.registration(10, productId: glass, dateOfBirth: "2008-03-02"))
            let minor = try cluster.register(Artisans.registration(11, productId: glass, dateOfBirth: "2008-03-03"))
            _ = try cluster.call(ApplicationSubmit.self, .init(artisanId: adult.artisanId, schemeId: C.up))
            let age = try cluster.expectRefused(
                ApplicationSubmit.self, .init(artisanId: minor.artisanId, schemeId: C.up), .conflict, field: "artisan.dateOfBirth")
            #expect(age.message.contains("17"))
            try cluster.setClock("2026-03-02")

            let bihar = try cluster.register(
                Artisans.registration(12, state: "bihar", district: "madhubani", productId: cluster.products["Madhubani Painting"]))
            try cluster.expectRefused(
                ApplicationSubmit.self, .init(artisanId: bihar.artisanId, schemeId: C.up), .conflict, field: "artisan.state")
            let glassWorker = try cluster.register(Artisans.registration(13, productId: glass))
            try cluster.expectRefused(
                ApplicationSubmit.self, .init(artisanId: glassWorker.artisanId, schemeId: C.pmv), .conflict, field: "artisan.trade")

            let potter = try cluster.register(Artisans.registration(14, district: "Varanasi", trade: "potter", family: "RC-UP-777"))
            _ = try cluster.call(ApplicationSubmit.self, .init(artisanId: potter.artisanId, schemeId: C.pmv))
            let spouse = try cluster.register(Artisans.registration(15, district: "Varanasi", trade: "potter", family: "rc up 777"))
            try cluster.expectRefused(
                ApplicationSubmit.self, .init(artisanId: spouse.artisanId, schemeId: C.pmv), .conflict, field: "artisan.familyReference")
            try cluster.expectRefused(
                ApplicationSubmit.self, .init(artisanId: potter.artisanId, schemeId: C.pmv), .conflict, field: "artisanId")

            // The same Aadhaar number, written with spaces, on a second artisan.
            let number = Artisans.aadhaar(14)
            let spaced = stride(from: 0, to: 12, by: 4).map { String(Array(number)[$0..<$0 + 4]) }.joined(separator: " ")
            let duplicate = try cluster.expectRefused(
                ArtisanRegister.self, Artisans.registration(16, aadhaar: spaced), .conflict, field: "aadhaar")
            #expect(!duplicate.message.contains(String(number.suffix(4))))
            var wrong = Array(number)
            wrong[5] = wrong[5] == "9" ? "0" : Character(String(wrong[5].wholeNumberValue! + 1))
            try cluster.expectRefused(
                ArtisanRegister.self, Artisans.registration(17, aadhaar: String(wrong)), .invalidArgument, field: "aadhaar")
            try cluster.expectRefused(
                ArtisanRegister.self, Artisans.registration(18, mobile: "5123456789"), .invalidArgument, field: "mobile")
            try cluster.expectRefused(
                ArtisanRegister.self, Artisans.registration(19, district: "Gotham"), .invalidArgument, field: "district")
            try cluster.expectRefused(ArtisanRegister.self, Artisans.registration(20, state: "Atlantis"), .invalidArgument, field: "state")
            try cluster.expectRefused(
                ArtisanRegister.self, Artisans.registration(21, bank: BankDetails(accountNumber: "12", ifsc: "SBIN0001234")),
                .invalidArgument, field: "bank.accountNumber")

            let withdrawn = try cluster.register(Artisans.registration(22, productId: glass))
            _ = try cluster.call(
                ArtisanConsentWithdraw.self, .init(artisanId: withdrawn.artisanId, purpose: "training and toolkit under ODOP schemes"))
            try cluster.expectRefused(
                ApplicationSubmit.self, .init(artisanId: withdrawn.artisanId, schemeId: C.up), .conflict, field: "artisan.consent")

            // Cooling-off: a kit to one family member in the last 2 years stops the others.
            try cluster.upThroughToolkit(Artisans.registration(23, productId: glass, family: "RC-UP-500"))
            let brother = try cluster.register(Artisans.registration(24, productId: glass, family: "RC-UP-500"))
            try cluster.expectRefused(
                ApplicationSubmit.self, .init(artisanId: brother.artisanId, schemeId: C.up), .conflict, field: "artisan.familyReference")
            try cluster.setClock("2028-03-10")  // the kit was given on 2026-03-11: two years end on 2028-03-11
            try cluster.expectRefused(
                ApplicationSubmit.self, .init(artisanId: brother.artisanId, schemeId: C.up), .conflict, field: "artisan.familyReference")
            try cluster.setClock("2028-03-11")
            #expect(try cluster.call(ApplicationSubmit.self, .init(artisanId: brother.artisanId, schemeId: C.up)).status == .submitted)
        }
    }

    @Test(
        "enrolment: selection first, capacity, no overlapping batches, the district unless overridden, attendance within dates, minimum attendance"
    )
    func enrolment() throws {
        try TrainingCluster.with { cluster in
            let glass = try #require(cluster.products["Glass Items"])
            let batch = try cluster.upBatch(product: "Glass Items", start: "2026-03-02", end: "2026-03-11", capacity: 1)

            let waiting = try cluster.register(Artisans.registration(30, productId: glass))
            let submitted = try cluster.call(ApplicationSubmit.self, .init(artisanId: waiting.artisanId, schemeId: C.up))
            try cluster.expectRefused(
                EnrolmentCreate.self, .init(applicationId: submitted.applicationId, batchId: batch.batchId), .conflict,
                field: "applicationId")

            // An artisan of glass who is also a potter: selected by both schemes.
            let (_, first) = try cluster.selected(Artisans.registration(31, trade: "potter", productId: glass), scheme: C.up)
            let pmvApplication = try cluster.call(ApplicationList.self, .init(schemeId: C.pmv)).items.first
            #expect(pmvApplication == nil)
            let enrolment = try cluster.call(EnrolmentCreate.self, .init(applicationId: first.applicationId, batchId: batch.batchId))
            let (_, second) = try cluster.selected(Artisans.registration(32, productId: glass), scheme: C.up)
            try cluster.expectRefused(
                EnrolmentCreate.self, .init(applicationId: second.applicationId, batchId: batch.batchId), .conflict, field: "batchId")

            let potterApplication = try cluster.call(ApplicationSubmit.self, .init(artisanId: first.artisanId, schemeId: C.pmv))
            var application = potterApplication
            while let stage = application.pendingStage {
                application = try cluster.call(
                    ApplicationVerify.self,
                    .init(applicationId: application.applicationId, stage: stage, outcome: .approved, decidedBy: "officer", reason: "ok"))
            }
            application = try cluster.call(
                ApplicationSelect.self, .init(applicationId: application.applicationId, decidedBy: "DPMU", reason: "ok"))
            let overlapping = try cluster.tradeBatch(trade: "potter", district: "Firozabad", start: "2026-03-05", end: "2026-03-09")
            try cluster.expectRefused(
                EnrolmentCreate.self, .init(applicationId: application.applicationId, batchId: overlapping.batchId), .conflict,
                field: "batchId")

            // The district: a Varanasi potter in a Firozabad batch needs an officer's override.
            let (_, varanasi) = try cluster.selected(Artisans.registration(33, district: "Varanasi", trade: "potter"), scheme: C.pmv)
            let later = try cluster.tradeBatch(trade: "potter", district: "Firozabad", start: "2026-04-06", end: "2026-04-10")
            try cluster.expectRefused(
                EnrolmentCreate.self, .init(applicationId: varanasi.applicationId, batchId: later.batchId), .conflict,
                field: "districtOverride")
            let overridden = try cluster.call(
                EnrolmentCreate.self,
                .init(
                    applicationId: varanasi.applicationId, batchId: later.batchId,
                    districtOverride: DistrictOverride(by: "DC Industries, Firozabad", reason: "no potter batch in Varanasi this quarter")))
            #expect(overridden.districtOverride?.by == "DC Industries, Firozabad")
            #expect(
                try cluster.call(EnrolmentGet.self, .init(enrolmentId: overridden.enrolmentId)).districtOverride?.reason
                    == "no potter batch in Varanasi this quarter")
            // The override is in the audit trail: the officer named in it, the reason, both districts.
            let overrides = try cluster.call(AuditList.self, .init(action: "eligibility.override"))
            #expect(overrides.items.count == 1 && overrides.items.first?.subject == overridden.enrolmentId, "\(overrides)")
            #expect(overrides.items.first?.details?["by"]?.stringValue == "DC Industries, Firozabad")
            #expect(overrides.items.first?.details?["artisanDistrict"]?.stringValue == "UP-varanasi")
            #expect(overrides.items.first?.details?["batchDistrict"]?.stringValue == "UP-firozabad")
            #expect(overrides.items.first?.requestId != nil && overrides.items.first?.command == "enrolment.create")

            // Attendance: within the batch's dates and not after today; completion needs 70 % (7 of 10 days).
            try cluster.run(batch, present: [enrolment.enrolmentId], days: 6)
            try cluster.expectRefused(
                AttendanceRecord.self, .init(batchId: batch.batchId, date: "2026-03-12", present: [enrolment.enrolmentId]),
                .invalidArgument, field: "date")
            try cluster.expectRefused(
                AttendanceRecord.self, .init(batchId: batch.batchId, date: "2026-03-01", present: [enrolment.enrolmentId]),
                .invalidArgument, field: "date")
            try cluster.expectRefused(
                AttendanceRecord.self, .init(batchId: batch.batchId, date: "2026-03-05", present: ["enr-nobody"]), .invalidArgument,
                field: "present.0")
            try cluster.setClock("2026-03-09")
            try cluster.expectRefused(
                AttendanceRecord.self, .init(batchId: batch.batchId, date: "2026-03-10", present: [enrolment.enrolmentId]),
                .invalidArgument, field: "date")
            let short = try cluster.expectRefused(
                EnrolmentComplete.self, .init(enrolmentId: enrolment.enrolmentId), .conflict, field: "enrolmentId")
            #expect(short.message.contains("6 of 10") && short.message.contains("needs 7"))
            try cluster.setClock("2026-03-11")
            _ = try cluster.call(AttendanceRecord.self, .init(batchId: batch.batchId, date: "2026-03-10", present: [enrolment.enrolmentId]))
            #expect(try cluster.call(EnrolmentComplete.self, .init(enrolmentId: enrolment.enrolmentId)).attendedDays == 7)
        }
    }

    @Test(
        "benefits: no toolkit before completion, the cap of the application's scheme version, once per artisan per scheme, no certificate without a pass, no stipend paid twice"
    )
    func benefits() throws {
        try TrainingCluster.with { cluster in
            let (_, application) = try cluster.selected(Artisans.registration(40, district: "Varanasi", trade: "potter"), scheme: C.pmv)
            // The scheme changes after the application: its rates and cap stay those of version 1.
            var parameters = try cluster.call(SchemeGet.self, .init(schemeId: C.pmv)).parameters
            parameters.toolkit.capRupees = 20_000
            parameters.trainingKinds[0].stipendPerDayRupees = 600
            let v2 = try cluster.call(SchemeUpdate.self, .init(schemeId: C.pmv, expectedVersion: 1, parameters: parameters))
            #expect(v2.version == 2)
            try cluster.expectRefused(
                SchemeUpdate.self, .init(schemeId: C.pmv, expectedVersion: 1, parameters: parameters), .conflict, field: "expectedVersion")
            #expect(try cluster.call(SchemeGet.self, .init(schemeId: C.pmv, version: 1)).parameters.toolkit.capRupees == 15_000)

            try cluster.expectRefused(
                ToolkitIssue.self, .init(applicationId: application.applicationId, valueRupees: 10_000), .conflict, field: "applicationId")
            let batch = try cluster.tradeBatch(trade: "potter", district: "Varanasi", start: "2026-03-09", end: "2026-03-15")
            let enrolment = try cluster.call(EnrolmentCreate.self, .init(applicationId: application.applicationId, batchId: batch.batchId))
            try cluster.run(batch, present: [enrolment.enrolmentId], days: 6)
            _ = try cluster.call(EnrolmentComplete.self, .init(enrolmentId: enrolment.enrolmentId))
            try cluster.expectRefused(CertificateIssue.self, .init(enrolmentId: enrolment.enrolmentId), .conflict, field: "enrolmentId")
            _ = try cluster.call(AssessmentRecord.self, .init(enrolmentId: enrolment.enrolmentId, result: .fail, assessedBy: "assessor"))
            try cluster.expectRefused(CertificateIssue.self, .init(enrolmentId: enrolment.enrolmentId), .conflict, field: "enrolmentId")
            _ = try cluster.call(AssessmentRecord.self, .init(enrolmentId: enrolment.enrolmentId, result: .pass, assessedBy: "assessor"))
            _ = try cluster.call(CertificateIssue.self, .init(enrolmentId: enrolment.enrolmentId))
            try cluster.expectRefused(CertificateIssue.self, .init(enrolmentId: enrolment.enrolmentId), .conflict, field: "enrolmentId")

            let cap = try cluster.expectRefused(
                ToolkitIssue.self, .init(applicationId: application.applicationId, valueRupees: 15_001), .invalidArgument,
                field: "valueRupees")
            #expect(cap.message.contains("15000") || cap.message.contains("15,000"))
            _ = try cluster.call(ToolkitIssue.self, .init(applicationId: application.applicationId, valueRupees: 15_000))
            try cluster.expectRefused(
                ToolkitIssue.self, .init(applicationId: application.applicationId, valueRupees: 1_000), .conflict, field: "applicationId")

            // The stipend: 6 days × ₹500 (version 1), failed, paid, returned, paid again — never twice at once.
            let stipend = try #require(try cluster.call(StipendList.self, .init(schemeId: C.pmv)).items.first)
            #expect(stipend.amountRupees == 3_000 && stipend.ratePerDayRupees == 500)
            let first = try cluster.call(PaymentBatchCreate.self, .init(stipendIds: [stipend.stipendId]))
            try cluster.expectRefused(PaymentBatchCreate.self, .init(stipendIds: [stipend.stipendId]), .conflict, field: "stipendIds.0")
            _ = try cluster.call(
                PaymentRecord.self,
                .init(paymentBatchId: first.paymentBatchId, stipendId: stipend.stipendId, outcome: .failed, reason: "account frozen"))
            #expect(try cluster.call(StipendReconciliation.self, .init()).failed == StipendAmount(count: 1, rupees: 3_000))
            let second = try cluster.call(PaymentBatchCreate.self, .init(stipendIds: [stipend.stipendId]))
            _ = try cluster.call(
                PaymentRecord.self,
                .init(paymentBatchId: second.paymentBatchId, stipendId: stipend.stipendId, outcome: .paid, reference: "PFMS-2"))
            try cluster.expectRefused(PaymentBatchCreate.self, .init(stipendIds: [stipend.stipendId]), .conflict, field: "stipendIds.0")
            try cluster.expectRefused(
                PaymentRecord.self, .init(paymentBatchId: second.paymentBatchId, stipendId: stipend.stipendId, outcome: .paid), .conflict,
                field: "outcome")
            try cluster.expectRefused(
                PaymentRecord.self, .init(paymentBatchId: first.paymentBatchId, stipendId: stipend.stipendId, outcome: .paid), .conflict,
                field: "outcome")
            _ = try cluster.call(
                PaymentRecord.self,
                .init(paymentBatchId: second.paymentBatchId, stipendId: stipend.stipendId, outcome: .returned, reason: "account closed"))
            #expect(try cluster.funnel(C.pmv).total.stipendPaidRupees == 0)
            let third = try cluster.call(PaymentBatchCreate.self, .init(stipendIds: [stipend.stipendId]))
            let paid = try cluster.call(
                PaymentRecord.self,
                .init(paymentBatchId: third.paymentBatchId, stipendId: stipend.stipendId, outcome: .paid, reference: "PFMS-3"))
            #expect(paid.attempts == 3)
            let money = try cluster.call(StipendReconciliation.self, .init(schemeId: C.pmv))
            #expect(money.paid == StipendAmount(count: 1, rupees: 3_000))
            #expect(money.failed == StipendAmount() && money.returned == StipendAmount() && money.pending == StipendAmount())
            #expect(try cluster.funnel(C.pmv).total.stipendPaidRupees == 3_000)
            #expect(try cluster.events().filter { $0.type == "training.stipend.paid" }.count == 2)

            // A new application is made under version 2.
            let (_, newer) = try cluster.selected(Artisans.registration(41, district: "Varanasi", trade: "tailor"), scheme: C.pmv)
            #expect(newer.schemeVersion == 2)
        }
    }
}
