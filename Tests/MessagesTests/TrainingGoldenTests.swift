import Foundation
import ODOPMessages
import Testing

/// Golden fixtures `Fixtures/training-*.json` for every training record, event and command
/// (Shared/Messages/Training), checked both ways. The request and reply frames and the event
/// envelopes are the ones docs/PROTOCOL.md's `### training` section shows.
///
/// To write a new fixture from its sample (then read it before committing):
/// `ODOP_WRITE_TRAINING_FIXTURES=1 swift test --filter TrainingGoldenTests`.
@Suite("Training golden fixtures")
struct TrainingGoldenTests {
    typealias S = TrainingSamples

    /// One fixture: its name, its value's wire form, and the two-way check.
    struct Golden: Sendable, CustomTestStringConvertible {
        let name: String
        let wire: @Sendable () throws -> Data
        let check: @Sendable () throws -> Void
        var testDescription: String { name }
    }

    static func value<T: Codable & Equatable & Sendable>(_ name: String, _ value: T) -> Golden {
        Golden(
            name: "training-\(name)", wire: { try WireFormat.encode(value) },
            check: { try assertGolden(value, fixture: "training-\(name)") })
    }

    static func command<C: CommandSchema>(_ command: C.Type, _ stem: String, args: C.Arguments, result: C.Result) -> [Golden]
    where C.Arguments: Equatable, C.Result: Equatable {
        [value("\(stem)-args", args), value("\(stem)-result", result)]
    }

    static func request<C: CommandSchema>(_ command: C.Type, _ name: String, id: String, _ args: C.Arguments) -> Golden {
        Golden(
            name: "training-\(name)-request", wire: { try CommandRequest.make(id: id, command: C.name, args: args).encoded() },
            check: {
                try assertGolden(
                    try CommandRequest.make(id: id, command: C.name, args: args), fixture: "training-\(name)-request",
                    encode: { try $0.encoded() }, decode: { try CommandRequest.parse($0).get() })
            })
    }

    static func reply(_ name: String, _ make: @escaping @Sendable () throws -> CommandReply) -> Golden {
        Golden(
            name: "training-\(name)-reply", wire: { try make().encoded() },
            check: {
                try assertGolden(
                    try make(), fixture: "training-\(name)-reply", encode: { try $0.encoded() }, decode: { try CommandReply.parse($0) })
            })
    }

    static func success<C: CommandSchema>(_ command: C.Type, _ name: String, id: String, _ result: C.Result) -> Golden {
        reply(name) { .success(id: id, result: try JSONValue(encoding: result)) }
    }

    static func failure(_ name: String, id: String, _ error: CommandError) -> Golden {
        reply(name) { .failure(id: id, error: error) }
    }

    static func event<P: EventPayload & Equatable>(
        _ name: String, _ payload: P, seq: Int64, id: String, time: String, correlationId: String
    ) -> Golden {
        let make = { @Sendable () throws -> EventEnvelope in
            try EventEnvelope.make(
                payload, source: "training", seq: seq, correlationId: correlationId, id: id, time: try #require(RFC3339.date(from: time)))
        }
        return Golden(
            name: "training-event-\(name)", wire: { try WireFormat.encode(try make()) },
            check: {
                let envelope = try make()
                try assertGolden(envelope, fixture: "training-event-\(name)")
                #expect(envelope.source == "training" && envelope.schema == 1 && envelope.type == P.eventType)
                #expect(try envelope.decodeData(P.self) == payload)
            })
    }

    // MARK: Every fixture

    static let records: [Golden] = [
        value("scheme-up", TrainingScheme(schemeId: S.up, version: 1, parameters: S.upParameters, createdAt: S.seededAt)),
        value("scheme-pm-vishwakarma", S.pmvScheme),
        value("artisan-masked", S.artisanMasked), value("artisan-revealed", S.artisanRevealed),
        value("artisan-erased", S.artisanErasedView),
        value("application-submitted", S.submitted), value("application-selected", S.selected),
        value("application-rejected", S.potterRejected),
        value("batch-scheduled", S.batchScheduled), value("batch-cancelled", S.batchCancelled),
        value("enrolment-assessed", S.assessed), value("enrolment-overridden", S.overridden),
        value("certificate", S.certificate), value("toolkit-kit-delivered", S.kitDelivered),
        value("toolkit-voucher-redeemed", S.voucherRedeemed),
        value("stipend-paid", S.stipendPaid), value("payment-batch", S.paymentBatch),
    ]

    static let commands: [Golden] = [
        command(SchemeList.self, "scheme-list", args: NoArguments(), result: .init(items: [S.pmvScheme, S.upSchemeV2])),
        command(SchemeGet.self, "scheme-get", args: .init(schemeId: S.up, version: 2), result: S.upSchemeV2),
        command(SchemeDefine.self, "scheme-define", args: .init(schemeId: S.pmv, parameters: S.pmvParameters), result: S.pmvScheme),
        command(
            SchemeUpdate.self, "scheme-update", args: .init(schemeId: S.up, expectedVersion: 1, parameters: S.upParameters),
            result: S.upSchemeV2),
        command(ArtisanRegister.self, "artisan-register", args: S.registration, result: S.artisanMasked),
        command(
            ArtisanGet.self, "artisan-get", args: .init(artisanId: S.artisanId, reveal: true, purpose: "stipend grievance 17"),
            result: S.artisanRevealed),
        command(
            ArtisanList.self, "artisan-list", args: .init(state: "UP", district: "UP-firozabad", after: "art-0a1b2c3d4e5f6071", limit: 1),
            result: TrainingPage(items: [S.artisanMasked], next: S.artisanId)),
        command(
            ArtisanExport.self, "artisan-export", args: .init(artisanId: S.artisanId),
            result: .init(artisan: S.artisanRevealed, applications: [S.selected])),
        command(
            ArtisanCorrect.self, "artisan-correct", args: .init(artisanId: S.artisanId, expectedVersion: 1, mobile: "9876543210"),
            result: S.artisanMasked),
        command(
            ArtisanConsentGive.self, "artisan-consent-give",
            args: .init(artisanId: S.artisanId, purpose: "training and toolkit under ODOP schemes"), result: S.artisanMasked),
        command(
            ArtisanConsentWithdraw.self, "artisan-consent-withdraw",
            args: .init(artisanId: S.artisanId, purpose: "training and toolkit under ODOP schemes"), result: S.artisanMasked),
        command(
            ArtisanErase.self, "artisan-erase", args: .init(artisanId: S.artisanId, reason: "the artisan asked for erasure"),
            result: .init(artisanId: S.artisanId, erasedAt: "2027-01-15T05:00:00.000Z")),
        command(ApplicationSubmit.self, "application-submit", args: .init(artisanId: S.artisanId, schemeId: S.up), result: S.submitted),
        command(
            ApplicationsImport.self, "applications-import",
            args: .init(schemeId: S.up, csv: "name,gender,dateOfBirth,mobile,aadhaar,familyReference,state,district,trade,productId\n"),
            result: S.importResult),
        command(ApplicationGet.self, "application-get", args: .init(applicationId: S.applicationId), result: S.selected),
        command(
            ApplicationList.self, "application-list", args: .init(schemeId: S.up, status: .selected, limit: 1),
            result: TrainingPage(items: [S.selected], next: S.applicationId)),
        command(
            ApplicationVerify.self, "application-verify",
            args: .init(
                applicationId: S.applicationId, stage: "district_industries_office", outcome: .approved,
                decidedBy: "Deputy Commissioner of Industries, Firozabad", reason: "handicraft card seen"), result: S.verified),
        command(
            ApplicationSelect.self, "application-select",
            args: .init(applicationId: S.applicationId, decidedBy: "DC Industries, Firozabad", reason: "interview on 2026-03-04"),
            result: S.selected),
        command(
            ApplicationReject.self, "application-reject",
            args: .init(
                applicationId: S.potterApplicationId, decidedBy: "District Implementation Committee, Varanasi",
                reason: "a family member is registered already"), result: S.potterRejected),
        command(
            BatchSchedule.self, "batch-schedule",
            args: .init(
                schemeId: S.up, kind: .basic, productId: S.glassId, centre: "District Industries Centre, Firozabad",
                trainer: "Master trainer, glass",
                startDate: "2026-03-09", endDate: "2026-03-18", capacity: 30), result: S.batchScheduled),
        command(BatchGet.self, "batch-get", args: .init(batchId: S.batchId), result: S.batchStarted),
        command(
            BatchList.self, "batch-list", args: .init(schemeId: S.up, districtId: "UP-firozabad", status: .started),
            result: TrainingPage(items: [S.batchStarted], next: nil)),
        command(BatchStart.self, "batch-start", args: .init(batchId: S.batchId), result: S.batchStarted),
        command(BatchComplete.self, "batch-complete", args: .init(batchId: S.batchId), result: S.batchCompleted),
        command(
            BatchCancel.self, "batch-cancel", args: .init(batchId: S.cancelledBatchId, reason: "trainer unavailable"),
            result: S.batchCancelled),
        command(
            EnrolmentCreate.self, "enrolment-create", args: .init(applicationId: S.applicationId, batchId: S.batchId), result: S.enrolled),
        command(EnrolmentGet.self, "enrolment-get", args: .init(enrolmentId: S.enrolmentId), result: S.assessed),
        command(EnrolmentComplete.self, "enrolment-complete", args: .init(enrolmentId: S.enrolmentId), result: S.completed),
        command(
            EnrolmentDrop.self, "enrolment-drop", args: .init(enrolmentId: "enr-91c3e5a7b0d24f68", reason: "moved away"), result: S.dropped),
        command(
            AttendanceRecord.self, "attendance-record", args: .init(batchId: S.batchId, date: "2026-03-09", present: [S.enrolmentId]),
            result: .init(batchId: S.batchId, date: "2026-03-09", present: 1, absent: 0)),
        command(
            AssessmentRecord.self, "assessment-record",
            args: .init(enrolmentId: S.enrolmentId, result: .pass, assessedBy: "Sector Skill Council assessor"), result: S.assessed),
        command(CertificateIssue.self, "certificate-issue", args: .init(enrolmentId: S.enrolmentId), result: S.certificate),
        command(
            CertificateVerify.self, "certificate-verify", args: .init(certificateNumber: S.certificateNumber),
            result: .init(valid: true, certificate: S.certificate)),
        command(ToolkitIssue.self, "toolkit-issue", args: .init(applicationId: S.applicationId, valueRupees: 18_500), result: S.kitIssued),
        command(ToolkitGet.self, "toolkit-get", args: .init(toolkitId: S.kitId), result: S.kitDelivered),
        command(ToolkitRedeem.self, "toolkit-redeem", args: .init(toolkitId: S.voucherId), result: S.voucherRedeemed),
        command(ToolkitDeliver.self, "toolkit-deliver", args: .init(toolkitId: S.kitId), result: S.kitDelivered),
        command(
            StipendList.self, "stipend-list", args: .init(schemeId: S.up, status: .due, limit: 100),
            result: TrainingPage(items: [S.stipendDue], next: nil)),
        command(PaymentBatchCreate.self, "payment-batch-create", args: .init(stipendIds: [S.stipendId]), result: S.paymentBatch),
        command(
            PaymentRecord.self, "payment-record",
            args: .init(paymentBatchId: S.paymentBatchId, stipendId: S.stipendId, outcome: .paid, reference: "PFMS/2026/04/000917"),
            result: S.stipendPaid),
        command(FunnelReport.self, "report-funnel", args: .init(groupBy: .district, schemeId: S.up, state: "UP"), result: S.funnel),
        command(CoverageReport.self, "report-coverage", args: .init(state: "UP", months: 12), result: S.coverage),
        command(AgeingReport.self, "report-ageing", args: .init(olderThanDays: 15, schemeId: S.pmv), result: S.ageing),
        command(StipendReconciliation.self, "report-stipends", args: .init(schemeId: S.up), result: S.reconciliation),
    ].flatMap { $0 }

    // Request ids of the frames PROTOCOL.md shows.
    static let registerID = "4b7e1c9a-2d5f-4a8e-b3c6-0f9d2e7a5b18"
    static let revealID = "8e2a6c0f-4b9d-4e17-a5c3-7d1f9b3e6a24"
    static let verifyID = "1c5e9a3d-7f2b-4d86-9e0a-3b7d5f1c9e42"
    static let enrolID = "6f0b4d8e-2a7c-4e53-b1f9-5c3e7a9d1b60"
    static let completeID = "9a3d7f1b-5e0c-4b82-8d6a-2f4b8e0c6a95"
    static let importID = "2d8f4b0e-6c1a-4f79-a3e5-8b0d6f2a4c71"
    static let verifyCertificateID = "7b1f5d9c-3e8a-4c60-b2d4-6a8c0e2f4b83"
    static let paymentID = "0e4a8c2f-6d1b-4a95-8f3c-1e5a9d3b7f06"
    static let funnelID = "5c9e3a7f-1b4d-4f28-9a6e-0d2c8f4b6e17"
    static let eraseID = "3a7c1e5b-9d2f-4b64-a8e0-6f4d2b8c0a39"

    static let frames: [Golden] = [
        request(ArtisanRegister.self, "artisan-register", id: registerID, S.registration),
        success(ArtisanRegister.self, "artisan-register", id: registerID, S.artisanMasked),
        request(
            ArtisanGet.self, "artisan-get-reveal", id: revealID,
            .init(artisanId: S.artisanId, reveal: true, purpose: "stipend grievance 17")),
        success(ArtisanGet.self, "artisan-get-reveal", id: revealID, S.artisanRevealed),
        request(
            ApplicationVerify.self, "application-verify", id: verifyID,
            .init(
                applicationId: S.applicationId, stage: "district_industries_office", outcome: .approved,
                decidedBy: "Deputy Commissioner of Industries, Firozabad", reason: "handicraft card seen")),
        success(ApplicationVerify.self, "application-verify", id: verifyID, S.verified),
        request(
            EnrolmentCreate.self, "enrolment-create-other-district", id: enrolID,
            .init(applicationId: S.applicationId, batchId: "bat-0c4e8a2d6f1b3957")),
        failure(
            "enrolment-create-other-district", id: enrolID,
            .conflict(
                "batch bat-0c4e8a2d6f1b3957 is in Agra, the artisan's district is Firozabad; an officer's override with a reason is needed",
                field: "districtOverride")),
        request(EnrolmentComplete.self, "enrolment-complete-short", id: completeID, .init(enrolmentId: S.enrolmentId)),
        failure(
            "enrolment-complete-short", id: completeID,
            .conflict(
                "enrolment \(S.enrolmentId) attended 6 of 10 days; completion needs 7 (70 %)", field: "enrolmentId")),
        request(
            ApplicationsImport.self, "applications-import", id: importID,
            .init(schemeId: S.up, csv: "name,gender,dateOfBirth,mobile,aadhaar,familyReference,state,district,trade,productId\n")),
        success(ApplicationsImport.self, "applications-import", id: importID, S.importResult),
        request(CertificateVerify.self, "certificate-verify", id: verifyCertificateID, .init(certificateNumber: S.certificateNumber)),
        success(CertificateVerify.self, "certificate-verify", id: verifyCertificateID, .init(valid: true, certificate: S.certificate)),
        request(
            PaymentRecord.self, "payment-record", id: paymentID,
            .init(paymentBatchId: S.paymentBatchId, stipendId: S.stipendId, outcome: .paid, reference: "PFMS/2026/04/000917")),
        success(PaymentRecord.self, "payment-record", id: paymentID, S.stipendPaid),
        request(FunnelReport.self, "report-funnel", id: funnelID, .init(groupBy: .district, schemeId: S.up, state: "UP")),
        success(FunnelReport.self, "report-funnel", id: funnelID, S.funnel),
        request(ArtisanErase.self, "artisan-erase", id: eraseID, .init(artisanId: S.artisanId, reason: "the artisan asked for erasure")),
        success(ArtisanErase.self, "artisan-erase", id: eraseID, .init(artisanId: S.artisanId, erasedAt: "2027-01-15T05:00:00.000Z")),
    ]

    static let events: [Golden] = [
        event(
            "application-submitted", ApplicationSubmitted(ApplicationChange(S.submitted, stage: "district_industries_office")), seq: 1,
            id: "c1a5e9d3-7b2f-4e86-a0c4-8e2a6d0f4b17", time: "2026-03-02T04:30:00.012Z",
            correlationId: "e7b3f9a1-5d0c-4e28-9b6a-1c7e3a9d5f04"),
        event(
            "application-verified",
            ApplicationVerified(ApplicationChange(S.verified, stage: "district_industries_office", stagesRemaining: 0)), seq: 2,
            id: "d2b6f0e4-8c3a-4f97-b1d5-9f3b7e1a5c28", time: "2026-03-03T06:00:00.010Z", correlationId: verifyID),
        event(
            "application-selected", ApplicationSelected(ApplicationChange(S.selected)), seq: 3,
            id: "e3c7a1f5-9d4b-4a08-82e6-0a4c8f2b6d39", time: "2026-03-04T06:00:00.009Z",
            correlationId: "f8c4a0b2-6e1d-4f39-8c7b-2d8f4b0e6a15"),
        event(
            "application-rejected", ApplicationRejected(ApplicationChange(S.potterRejected, stage: "district_implementation_committee")),
            seq: 4,
            id: "f4d8b2a6-0e5c-4b19-93f7-1b5d9a3c7e40", time: "2026-03-10T07:00:00.011Z",
            correlationId: "a9d5b1c3-7f2e-4a40-9d8c-3e9a5c1f7b26"),
        event(
            "batch-scheduled", BatchScheduled(S.batchScheduled), seq: 5,
            id: "a5e9c3b7-1f6d-4c2a-a408-2c6e0b4d8f51", time: "2026-03-04T06:30:00.014Z",
            correlationId: "b0e6c2d4-8a3f-4b51-ae9d-4f0b6d2a8c37"),
        event(
            "batch-started", BatchStarted(S.batchStarted), seq: 7,
            id: "b6f0d4c8-2a7e-4d3b-b519-3d7f1c5e9a62", time: "2026-03-09T03:30:00.010Z",
            correlationId: "c1f7d3e5-9b4a-4c62-bf0e-5a1c7e3b9d48"),
        event(
            "batch-completed", BatchCompleted(S.batchCompleted), seq: 17,
            id: "c7a1e5d9-3b8f-4e4c-862a-4e8a2d6f0b73", time: "2026-03-18T11:30:00.012Z",
            correlationId: "d2a8e4f6-0c5b-4d73-8a1f-6b2d8f4c0e59"),
        event(
            "batch-cancelled", BatchCancelled(S.batchCancelled), seq: 21,
            id: "d8b2f6e0-4c9a-4f5d-973b-5f9b3e7a1c84", time: "2026-03-20T09:12:44.125Z",
            correlationId: "0b3d5f7a-9c1e-4a2b-8d4f-6a8c0e2b4d6f"),
        event(
            "enrolment-created", EnrolmentCreated(S.enrolled), seq: 6,
            id: "e9c3a7f1-5d0b-4a6e-a84c-6a0c4f8b2d95", time: "2026-03-05T06:00:00.011Z",
            correlationId: "e3b9f5a7-1d6c-4e84-9b2a-7c3e9a5d1f60"),
        event(
            "enrolment-completed", EnrolmentCompleted(S.completed), seq: 16,
            id: "f0d4b8a2-6e1c-4b7f-b95d-7b1d5a9c3e06", time: "2026-03-18T11:00:00.013Z",
            correlationId: "f4c0a6b8-2e7d-4f95-a3b1-8d4f0b6e2a71"),
        event(
            "enrolment-dropped", EnrolmentDropped(S.dropped), seq: 22,
            id: "a1e5c9b3-7f2d-4c80-8a6e-8c2e6b0d4f17", time: "2026-03-20T09:12:44.126Z",
            correlationId: "0b3d5f7a-9c1e-4a2b-8d4f-6a8c0e2b4d6f"),
        event(
            "certificate-issued", CertificateIssued(S.certificate), seq: 18,
            id: "b2f6d0c4-8a3e-4d91-9b7f-9d3f7c1e5a28", time: "2026-03-19T06:10:00.010Z",
            correlationId: "a5d1b7c9-3f8e-4a06-b4c2-9e5a1c7f3b82"),
        event(
            "toolkit-issued", ToolkitIssued(S.kitIssued), seq: 19,
            id: "c3a7e1d5-9b4f-4ea2-ac80-0e4a8d2f6b39", time: "2026-03-19T06:20:00.012Z",
            correlationId: "b6e2c8d0-4a9f-4b17-85d3-0f6b2d8a4c93"),
        event(
            "toolkit-delivered", ToolkitDelivered(S.kitDelivered), seq: 20,
            id: "d4b8f2e6-0c5a-4fb3-bd91-1f5b9e3a7c40", time: "2026-03-25T08:00:00.009Z",
            correlationId: "c7f3d9e1-5b0a-4c28-96e4-1a7c3e9b5d04"),
        event(
            "toolkit-redeemed", ToolkitRedeemed(S.voucherRedeemed), seq: 31,
            id: "e5c9a3f7-1d6b-4ac4-8ea2-2a6c0f4b8d51", time: "2026-04-20T05:45:00.010Z",
            correlationId: "d8a4e0f2-6c1b-4d39-a7f5-2b8d4f0c6e15"),
        event(
            "stipend-paid", StipendPaid(S.stipendPaid), seq: 30,
            id: "f6d0b4a8-2e7c-4bd5-9fb3-3b7d1a5c9e62", time: "2026-04-10T09:00:00.011Z", correlationId: paymentID),
        event(
            "artisan-erased",
            ArtisanErased(
                artisanId: S.artisanId, state: "Uttar Pradesh", stateCode: "UP", district: "Firozabad",
                districtId: "UP-firozabad", erasedAt: "2027-01-15T05:00:00.000Z"), seq: 40,
            id: "a7e1c5b9-3f8d-4ce6-a0c4-4c8e2b6d0f73", time: "2027-01-15T05:00:00.014Z", correlationId: eraseID),
    ]

    static let all = records + commands + frames + events

    @Test(arguments: all)
    func golden(_ golden: Golden) throws {
        if ProcessInfo.processInfo.environment["ODOP_WRITE_TRAINING_FIXTURES"] == "1" {
            let object = try JSONSerialization.jsonObject(with: try golden.wire())
            let pretty = try JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(golden.name).json")
            try (pretty + Data("\n".utf8)).write(to: url)
        }
        try golden.check()
    }

    @Test func everyEventTypeAndCommandHasFixtures() {
        let names = Set(Self.all.map(\.name))
        #expect(Self.events.count == 17)
        for event in Self.events { #expect(names.contains(event.name)) }
        #expect(Self.commands.count == 2 * 44)
    }

    @Test func noEventCarriesPersonalData() throws {
        for golden in Self.events {
            let text = String(decoding: try golden.wire(), as: UTF8.self)
            for personal in [
                "Ramesh", "9876543210", "1985-06-15", "400000104729", "2345", "RC-UP-100001", "\"name\"", "mobile", "aadhaar", "bank",
            ] {
                #expect(!text.contains(personal), "\(golden.name) holds \(personal)")
            }
        }
    }
}
