import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing
import Training

/// The wire contract (../shared/conformance/contract_check.py, pyzmq, no project code) holds
/// for odop-training after lifecycles that leave at least 100 events of every training type in
/// its log. Two short schemes defined by command keep it quick: one day of training, one stage.
@Suite("odop-training keeps the wire contract, as a process", .serialized, .timeLimit(.minutes(5)))
struct ContractProcessTests {
    static let eventTypes = [
        "training.application.submitted", "training.application.verified", "training.application.selected",
        "training.application.rejected", "training.batch.scheduled", "training.batch.started", "training.batch.completed",
        "training.batch.cancelled", "training.enrolment.created", "training.enrolment.completed", "training.enrolment.dropped",
        "training.certificate.issued", "training.toolkit.issued", "training.toolkit.redeemed", "training.toolkit.delivered",
        "training.stipend.paid", "training.artisan.erased",
    ]

    static func scheme(_ name: String, form: ToolkitForm) -> SchemeParameters {
        SchemeParameters(
            name: name, state: nil, eligibleTrades: nil, requiresOdopProduct: false, minimumAge: 18, benefitUnit: .artisan,
            coolingOff: nil, verificationStages: ["block_office"],
            trainingKinds: [TrainingKindRule(kind: .basic, minimumDays: 1, maximumDays: 1, stipendPerDayRupees: 300)],
            minimumAttendancePercent: 100, assessmentRequired: false, toolkit: ToolkitRule(form: form, capRupees: 5_000),
            districtTargets: [DistrictTarget(districtId: "UP-varanasi", financialYear: "2025-26", trainees: 400)])
    }

    static func csv(rows: Range<Int>) -> String {
        "name,gender,dateOfBirth,mobile,aadhaar,familyReference,state,district,trade,bankAccount,ifsc\n"
            + rows.map { i in
                "Artisan \(String(repeating: "I", count: 1)),female,1980-01-01,\(Artisans.mobile(i)),\(Artisans.aadhaar(i)),FAM-\(i),UP,Varanasi,weaver,\(Artisans.account(i)),SBIN0001234"
            }.joined(separator: "\n")
    }

    @Test("contract_check.py passes after lifecycles with at least 100 events of every training type")
    func contract() throws {
        try TrainingCluster.with { cluster in
            _ = try cluster.call(
                SchemeDefine.self,
                .init(schemeId: "contract-voucher", parameters: Self.scheme("Contract check, e-voucher", form: .eVoucher)))
            _ = try cluster.call(
                SchemeDefine.self, .init(schemeId: "contract-kit", parameters: Self.scheme("Contract check, kit", form: .kit)))
            let voucherImport = try cluster.call(
                ApplicationsImport.self, .init(schemeId: "contract-voucher", csv: Self.csv(rows: 1000..<1300)))
            let kitImport = try cluster.call(ApplicationsImport.self, .init(schemeId: "contract-kit", csv: Self.csv(rows: 2000..<2100)))
            #expect(voucherImport.refused.isEmpty && kitImport.refused.isEmpty, "\(voucherImport.refused + kitImport.refused)")
            let voucher = voucherImport.imported
            let kit = kitImport.imported
            let trained = Array(voucher[0..<100]) + kit
            let cancelled = voucher[100..<200]
            let rejected = voucher[200..<300]

            for row in trained + cancelled {
                _ = try cluster.call(
                    ApplicationVerify.self,
                    .init(applicationId: row.applicationId, stage: "block_office", outcome: .approved, decidedBy: "BDO", reason: "ok"))
                _ = try cluster.call(ApplicationSelect.self, .init(applicationId: row.applicationId, decidedBy: "DIC", reason: "ok"))
            }
            for row in rejected {
                _ = try cluster.call(
                    ApplicationReject.self, .init(applicationId: row.applicationId, decidedBy: "BDO", reason: "not an artisan of the trade")
                )
                _ = try cluster.call(ArtisanErase.self, .init(artisanId: row.artisanId, reason: "asked for erasure"))
            }
            var stipendIds: [String] = []
            for (index, row) in (trained + cancelled).enumerated() {
                let scheme = index >= 100 && index < 200 ? "contract-kit" : "contract-voucher"
                let date = index < 200 ? "2026-03-02" : "2026-03-09"
                let batch = try cluster.tradeBatch(
                    scheme: scheme, trade: "weaver", district: "Varanasi", start: date, end: date, capacity: 1)
                let enrolment = try cluster.call(EnrolmentCreate.self, .init(applicationId: row.applicationId, batchId: batch.batchId))
                guard index < 200 else {
                    _ = try cluster.call(BatchCancel.self, .init(batchId: batch.batchId, reason: "trainer unavailable"))
                    continue
                }
                _ = try cluster.call(BatchStart.self, .init(batchId: batch.batchId))
                _ = try cluster.call(AttendanceRecord.self, .init(batchId: batch.batchId, date: date, present: [enrolment.enrolmentId]))
                _ = try cluster.call(EnrolmentComplete.self, .init(enrolmentId: enrolment.enrolmentId))
                _ = try cluster.call(BatchComplete.self, .init(batchId: batch.batchId))
                let toolkit = try cluster.call(ToolkitIssue.self, .init(applicationId: row.applicationId, valueRupees: 4_500))
                if index < 100 {
                    _ = try cluster.call(CertificateIssue.self, .init(enrolmentId: enrolment.enrolmentId))
                    _ = try cluster.call(ToolkitRedeem.self, .init(toolkitId: toolkit.toolkitId))
                } else {
                    _ = try cluster.call(ToolkitDeliver.self, .init(toolkitId: toolkit.toolkitId))
                }
            }
            var page = try cluster.call(StipendList.self, .init(status: .due, limit: 1000))
            stipendIds = page.items.map(\.stipendId)
            while let next = page.next {
                page = try cluster.call(StipendList.self, .init(status: .due, after: next, limit: 1000))
                stipendIds += page.items.map(\.stipendId)
            }
            #expect(stipendIds.count == 200)
            let payment = try cluster.call(PaymentBatchCreate.self, .init(stipendIds: stipendIds))
            #expect(payment.totalRupees == 200 * 300)
            for id in stipendIds.prefix(100) {
                _ = try cluster.call(
                    PaymentRecord.self, .init(paymentBatchId: payment.paymentBatchId, stipendId: id, outcome: .paid, reference: "PFMS"))
            }

            let counts = Dictionary(grouping: try cluster.events(), by: \.type).mapValues(\.count)
            for type in Self.eventTypes {
                #expect((counts[type] ?? 0) >= 100, "\(type): \(counts[type] ?? 0) events")
            }
            #expect(Set(counts.keys) == Set(Self.eventTypes))
            let funnel = try cluster.funnel().total
            #expect(funnel.applied == 400 && funnel.selected == 300 && funnel.completed == 200 && funnel.stipendPaidRupees == 100 * 300)
            let ageing = try cluster.call(AgeingReport.self, .init(olderThanDays: 0))
            #expect(ageing.stages.allSatisfy { $0.waiting == 0 })

            let outcome = try ContractCheck.run(against: cluster.training)
            #expect(outcome.passed, "\(outcome.output)")
        }
    }
}
