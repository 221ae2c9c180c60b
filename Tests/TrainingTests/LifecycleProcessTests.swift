import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing
import Training

/// The two schemes' lifecycles over the wire against the real `odop-catalogue` and
/// `odop-training` executables.
@Suite("odop-training lifecycles, as processes", .serialized, .timeLimit(.minutes(5)))
struct LifecycleProcessTests {
    typealias C = TrainingCluster

    @Test(
        "a UP artisan from application to a delivered toolkit kit and a paid stipend, by an officer's CURVE key; decisions, the payment and the erasure are in the audit trail with who acted"
    )
    func upArtisan() throws {
        let keys = try SecureDeployment(keys: ["training", "officer-up"])
        try keys.writeAllowlist([("officer-up", "admin", nil)])
        let cluster = try TrainingCluster(keys: keys, client: "officer-up")
        defer { cluster.stop() }
        do {
            let glass = try #require(cluster.products["Glass Items"])
            let artisan = try cluster.register(Artisans.registration(1, productId: glass, name: "Ramesh Kumar"))
            #expect(artisan.masked && artisan.name == "R***** K****" && artisan.aadhaar?.hasPrefix("XXXX-XXXX-") == true)
            #expect(artisan.mobile?.hasPrefix("XXXXXX") == true && artisan.dateOfBirth == "1985-XX-XX")
            #expect(artisan.bank?.accountNumber.hasPrefix("XXXXXXXX") == true)

            var application = try cluster.call(ApplicationSubmit.self, .init(artisanId: artisan.artisanId, schemeId: C.up))
            #expect(application.status == .submitted && application.pendingStage == "district_industries_office")
            #expect(application.schemeVersion == 1 && application.productId == glass && application.sector == "handicraft")
            application = try cluster.call(
                ApplicationVerify.self,
                .init(
                    applicationId: application.applicationId, stage: "district_industries_office", outcome: .approved,
                    decidedBy: "Deputy Commissioner of Industries, Firozabad", reason: "handicraft card seen"))
            #expect(application.status == .verified && application.decisions.count == 1)
            #expect(application.decisions[0].decidedBy == "Deputy Commissioner of Industries, Firozabad")
            application = try cluster.call(
                ApplicationSelect.self,
                .init(
                    applicationId: application.applicationId, decidedBy: "DC Industries", reason: "interview on 2026-03-02"))
            #expect(application.status == .selected)

            let batch = try cluster.upBatch(product: "Glass Items", start: "2026-03-02", end: "2026-03-11")
            #expect(batch.days == 10 && batch.district == "Firozabad" && batch.status == .scheduled)
            let enrolment = try cluster.call(EnrolmentCreate.self, .init(applicationId: application.applicationId, batchId: batch.batchId))
            try cluster.run(batch, present: [enrolment.enrolmentId], days: 8)
            let completed = try cluster.call(EnrolmentComplete.self, .init(enrolmentId: enrolment.enrolmentId))
            #expect(completed.status == .completed && completed.attendedDays == 8)
            #expect(try cluster.call(BatchComplete.self, .init(batchId: batch.batchId)).status == .completed)

            let certificate = try cluster.call(CertificateIssue.self, .init(enrolmentId: enrolment.enrolmentId))
            let verified = try cluster.call(CertificateVerify.self, .init(certificateNumber: certificate.certificateNumber))
            #expect(verified.valid && verified.certificate == certificate)
            #expect(try cluster.call(CertificateVerify.self, .init(certificateNumber: "CERT-UOS-2026-000000000000")).valid == false)

            let toolkit = try cluster.call(ToolkitIssue.self, .init(applicationId: application.applicationId, valueRupees: 18_500))
            #expect(toolkit.form == .kit && toolkit.status == .issued && toolkit.valueRupees == 18_500)
            let delivered = try cluster.call(ToolkitDeliver.self, .init(toolkitId: toolkit.toolkitId))
            #expect(delivered.status == .delivered && delivered.deliveredOn == "2026-03-11")

            let due = try cluster.call(StipendList.self, .init(status: .due)).items
            #expect(due.count == 1 && due[0].amountRupees == 1_600 && due[0].ratePerDayRupees == 200)
            let payment = try cluster.call(PaymentBatchCreate.self, .init(stipendIds: [due[0].stipendId]))
            #expect(payment.totalRupees == 1_600 && payment.items[0].accountNumber.hasPrefix("XXXX"))
            let paid = try cluster.call(
                PaymentRecord.self,
                .init(paymentBatchId: payment.paymentBatchId, stipendId: due[0].stipendId, outcome: .paid, reference: "PFMS-1"))
            #expect(paid.status == .paid && paid.paidOn == "2026-03-11")

            let funnel = try cluster.funnel(C.up)
            #expect(
                funnel.total
                    == FunnelCounts(
                        applied: 1, verified: 1, selected: 1, enrolled: 1, completed: 1, certified: 1, toolkits: 1, stipendPaidRupees: 1_600
                    ))
            #expect(try cluster.funnel(groupBy: .district).rows.map(\.label) == ["Firozabad"])
            #expect(try cluster.funnel(groupBy: .product).rows.map(\.label) == ["Glass Items"])
            #expect(try cluster.funnel(groupBy: .sector).rows.map(\.key) == ["handicraft"])
            let money = try cluster.call(StipendReconciliation.self, .init())
            #expect(money.paid == StipendAmount(count: 1, rupees: 1_600) && money.due == StipendAmount())

            let types = try cluster.events().map(\.type)
            #expect(
                types == [
                    "training.application.submitted", "training.application.verified", "training.application.selected",
                    "training.batch.scheduled", "training.enrolment.created", "training.batch.started",
                    "training.enrolment.completed", "training.batch.completed", "training.certificate.issued",
                    "training.toolkit.issued", "training.toolkit.delivered", "training.stipend.paid",
                ])

            // The audit trail: each decision, the payment and the erasure, with the key that acted.
            _ = try cluster.call(ArtisanErase.self, .init(artisanId: artisan.artisanId, reason: "the artisan asked (request 7)"))
            let decisions = try cluster.call(AuditList.self, .init(action: "verification.decided", subject: application.applicationId))
            #expect(decisions.items.map { $0.details?["outcome"]?.stringValue } == ["approved", "selected"], "\(decisions)")
            #expect(decisions.items.allSatisfy { $0.who == "officer-up" && $0.role == "admin" && $0.district == "UP-firozabad" })
            #expect(decisions.items.first?.details?["decidedBy"]?.stringValue == "Deputy Commissioner of Industries, Firozabad")
            let payments = try cluster.call(AuditList.self, .init(action: "stipend.paid"))
            #expect(payments.items.count == 1 && payments.items[0].subject == due[0].stipendId, "\(payments)")
            #expect(payments.items[0].who == "officer-up" && payments.items[0].details?["amountRupees"] == .int(1_600))
            #expect(payments.items[0].details?["reference"]?.stringValue == "PFMS-1")
            let erasures = try cluster.call(AuditList.self, .init(action: "artisan.erased"))
            #expect(erasures.items.count == 1 && erasures.items[0].subject == artisan.artisanId && erasures.items[0].who == "officer-up")
            let trail = String(decoding: try WireFormat.encode(try cluster.call(AuditList.self, .init(limit: 1000))), as: UTF8.self)
            let registration = Artisans.registration(1, productId: glass, name: "Ramesh Kumar")
            for personal in ["Ramesh", registration.mobile, String(registration.aadhaar.suffix(8))] {
                #expect(!trail.contains(personal), "personal data in the audit trail: \(personal)")
            }
        }
    }

    @Test("a PM Vishwakarma artisan through three verification stages to an e-voucher issued and redeemed")
    func vishwakarmaArtisan() throws {
        try TrainingCluster.with { cluster in
            let artisan = try cluster.register(Artisans.registration(2, district: "Varanasi", trade: "Potter"))
            var application = try cluster.call(ApplicationSubmit.self, .init(artisanId: artisan.artisanId, schemeId: C.pmv))
            #expect(application.pendingStage == "gram_panchayat_or_ulb" && application.productId == nil)
            // Ageing, in IST days: submitted on 2 March, 16 days waiting on 18 March.
            try cluster.setClock("2026-03-18")
            let ageing = try cluster.call(AgeingReport.self, .init(olderThanDays: 15, schemeId: C.pmv))
            #expect(ageing.stages.map(\.stage) == ["gram_panchayat_or_ulb", "district_implementation_committee", "state_committee"])
            #expect(
                ageing.stages[0]
                    == AgeingRow(schemeId: C.pmv, stage: "gram_panchayat_or_ulb", waiting: 1, overdue: 1, oldestWaitingSince: "2026-03-02"))
            #expect(try cluster.call(AgeingReport.self, .init(olderThanDays: 16, schemeId: C.pmv)).stages[0].overdue == 0)
            let deciders = ["Gram Pradhan, Sewapuri", "District Implementation Committee, Varanasi", "State Committee, Lucknow"]
            for (stage, decider) in zip(["gram_panchayat_or_ulb", "district_implementation_committee", "state_committee"], deciders) {
                try cluster.setClock("2026-03-0\(application.decisions.count + 2)")
                application = try cluster.call(
                    ApplicationVerify.self,
                    .init(
                        applicationId: application.applicationId, stage: stage, outcome: .approved, decidedBy: decider,
                        reason: "verified at \(stage)"))
            }
            #expect(application.status == .verified)
            #expect(try cluster.call(AgeingReport.self, .init(olderThanDays: 0)).stages.allSatisfy { $0.waiting == 0 })
            #expect(application.decisions.map(\.decidedBy) == deciders)
            #expect(
                application.decisions.map(\.stage) == ["gram_panchayat_or_ulb", "district_implementation_committee", "state_committee"])
            #expect(Set(application.decisions.map(\.decidedAt)).count == 3, "each decision keeps its own time")
            application = try cluster.call(
                ApplicationSelect.self, .init(applicationId: application.applicationId, decidedBy: "DPMU", reason: "registered"))

            let batch = try cluster.tradeBatch(trade: "potter", district: "Varanasi", start: "2026-03-09", end: "2026-03-13")
            #expect(batch.productId == nil && batch.trade == "potter" && batch.days == 5)
            let enrolment = try cluster.call(EnrolmentCreate.self, .init(applicationId: application.applicationId, batchId: batch.batchId))
            try cluster.run(batch, present: [enrolment.enrolmentId], days: 5)
            _ = try cluster.call(EnrolmentComplete.self, .init(enrolmentId: enrolment.enrolmentId))
            _ = try cluster.call(
                AssessmentRecord.self, .init(enrolmentId: enrolment.enrolmentId, result: .pass, assessedBy: "NSQF assessor"))
            let certificate = try cluster.call(CertificateIssue.self, .init(enrolmentId: enrolment.enrolmentId))
            #expect(certificate.certificateNumber.hasPrefix("CERT-PV-2026-"))

            let voucher = try cluster.call(ToolkitIssue.self, .init(applicationId: application.applicationId, valueRupees: 15_000))
            #expect(voucher.form == .eVoucher && voucher.status == .issued)
            try cluster.setClock("2026-03-20")
            let redeemed = try cluster.call(ToolkitRedeem.self, .init(toolkitId: voucher.toolkitId))
            #expect(redeemed.status == .redeemed && redeemed.redeemedOn == "2026-03-20")

            let stipend = try #require(try cluster.call(StipendList.self, .init(schemeId: C.pmv)).items.first)
            #expect(stipend.amountRupees == 2_500)
            let funnel = try cluster.funnel(C.pmv).total
            #expect(funnel.verified == 1 && funnel.certified == 1 && funnel.toolkits == 1 && funnel.stipendPaidRupees == 0)

            let events = try cluster.events()
            #expect(events.filter { $0.type == "training.application.verified" }.count == 3)
            #expect(events.map(\.type).suffix(2) == ["training.toolkit.issued", "training.toolkit.redeemed"])
        }
    }
}
