import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing
import Training

/// Following the catalogue (the retire cascade) and the bulk import, over the wire.
@Suite("odop-training following the catalogue and importing, as processes", .serialized, .timeLimit(.minutes(5)))
struct CatalogueAndImportProcessTests {
    typealias C = TrainingCluster

    @Test(
        "a retired ODOP product: its batch not started is cancelled with its enrolment dropped, a running one finishes, new applications and batches are refused"
    )
    func retireCascade() throws {
        try TrainingCluster.with { cluster in
            let metal = try #require(cluster.products["Metal Craft"])
            let registration = { (seed: Int) in Artisans.registration(seed, district: "Moradabad", trade: "metal worker", productId: metal)
            }
            let (_, early) = try cluster.selected(registration(50), scheme: C.up)
            let (_, late) = try cluster.selected(registration(51), scheme: C.up)
            let waiting = try cluster.register(registration(52))
            let running = try cluster.upBatch(product: "Metal Craft", start: "2026-03-02", end: "2026-03-11")
            let notStarted = try cluster.upBatch(product: "Metal Craft", start: "2026-04-06", end: "2026-04-15")
            let runningEnrolment = try cluster.call(
                EnrolmentCreate.self, .init(applicationId: early.applicationId, batchId: running.batchId))
            let laterEnrolment = try cluster.call(
                EnrolmentCreate.self, .init(applicationId: late.applicationId, batchId: notStarted.batchId))
            _ = try cluster.call(BatchStart.self, .init(batchId: running.batchId))
            let seq = try cluster.lastSeq()

            _ = try cluster.catalogueClient.call(ProductRetire.self, .init(id: metal, reason: "merged into Brass Ware"))
            try cluster.waitUntilCaughtUp()

            let cancelled = try cluster.call(BatchGet.self, .init(batchId: notStarted.batchId))
            #expect(cancelled.status == .cancelled && cancelled.cancelledReason?.contains(metal) == true)
            #expect(try cluster.call(EnrolmentGet.self, .init(enrolmentId: laterEnrolment.enrolmentId)).status == .dropped)
            #expect(try cluster.call(BatchGet.self, .init(batchId: running.batchId)).status == .started)
            let cascade = try cluster.events(after: seq)
            #expect(cascade.map(\.type) == ["training.batch.cancelled", "training.enrolment.dropped"])
            #expect(cascade.allSatisfy { $0.correlationId != nil }, "the cascade's events name the catalogue event that caused them")

            // The running batch finishes.
            try cluster.setClock("2026-03-11")
            for day in 2...9 {
                _ = try cluster.call(
                    AttendanceRecord.self,
                    .init(batchId: running.batchId, date: String(format: "2026-03-%02d", day), present: [runningEnrolment.enrolmentId]))
            }
            #expect(try cluster.call(EnrolmentComplete.self, .init(enrolmentId: runningEnrolment.enrolmentId)).status == .completed)
            #expect(try cluster.call(BatchComplete.self, .init(batchId: running.batchId)).status == .completed)

            // Nothing new for the retired product.
            try cluster.expectRefused(
                ApplicationSubmit.self, .init(artisanId: waiting.artisanId, schemeId: C.up), .conflict, field: "artisan.productId")
            try cluster.expectRefused(
                BatchSchedule.self,
                .init(
                    schemeId: C.up, kind: .basic, productId: metal, centre: "DIC", trainer: "T", startDate: "2026-05-04",
                    endDate: "2026-05-13", capacity: 10),
                .conflict, field: "productId")
            try cluster.expectRefused(ArtisanRegister.self, registration(53), .conflict, field: "productId")

            // Restarted, the service applies nothing twice.
            let before = try cluster.lastSeq()
            cluster.training.stop()
            try cluster.startTraining()
            #expect(try cluster.lastSeq() == before)
            #expect(try cluster.call(BatchGet.self, .init(batchId: notStarted.batchId)).version == cancelled.version)

            // Coverage: Moradabad's product is retired; Firozabad, Varanasi, Agra and Madhubani have no completed batch.
            let coverage = try cluster.call(CoverageReport.self, .init())
            #expect(coverage.gaps.map(\.district).sorted() == ["Agra", "Firozabad", "Madhubani", "Varanasi"])
            #expect(coverage.asOf == "2026-03-11" && coverage.since == "2025-03-12")
        }
    }

    @Test("a district office's CSV with good and bad rows: each bad row reported with its line and reason, never echoing an Aadhaar number")
    func bulkImport() throws {
        try TrainingCluster.with { cluster in
            let glass = try #require(cluster.products["Glass Items"])
            let numbers = (60..<70).map(Artisans.aadhaar)
            var broken = Array(numbers[1])
            broken[11] = broken[11] == "0" ? "1" : "0"
            let csv = """
                name,gender,dateOfBirth,mobile,aadhaar,familyReference,state,district,trade,productId,bankAccount,ifsc
                Ramesh Kumar,male,1980-01-01,9876500001,\(numbers[0]),RC-1,Uttar Pradesh,Firozabad,glass worker,\(glass),400000000001,SBIN0001234
                Sita Devi,female,1981-02-02,9876500002,\(String(broken)),RC-2,Uttar Pradesh,Firozabad,glass worker,\(glass),400000000002,SBIN0001234
                Mohd Salim,male,1982-03-03,+91 98765 00003,\(numbers[2]),RC-3,UP,firozabad,Glass Worker,\(glass),400000000003,sbin0001234
                Asha Rani,female,1983-04-04,9876500004,\(numbers[3]),RC-4,Uttar Pradesh,Gotham,glass worker,\(glass),400000000004,SBIN0001234
                Ramesh Kumar,male,1980-01-01,9876500001,\(numbers[0].prefix(4)) \(numbers[0].dropFirst(4).prefix(4)) \(numbers[0].suffix(4)),RC-1,Uttar Pradesh,Firozabad,glass worker,\(glass),400000000001,SBIN0001234
                Young Lal,male,2012-05-05,9876500006,\(numbers[5]),RC-6,Uttar Pradesh,Firozabad,glass worker,\(glass),400000000006,SBIN0001234
                Short Row,male,1980-01-01,9876500007
                Kamla Devi,female,1984-06-06,9876500008,\(numbers[7]),"RC, 8",Uttar Pradesh,Firozabad,glass worker,\(glass),400000000008,SBIN0001234
                Gita Devi,female,1985-07-07,1234500009,\(numbers[8]),RC-9,Uttar Pradesh,Firozabad,glass worker,\(glass),400000000009,SBIN0001234
                """
            let report = try cluster.call(ApplicationsImport.self, .init(schemeId: C.up, csv: csv))
            #expect(report.rows == 9)
            #expect(report.imported.map(\.line) == [2, 4, 9])
            #expect(report.refused.map(\.line) == [3, 5, 6, 7, 8, 10])
            #expect(report.refused.map(\.field) == ["aadhaar", "district", "aadhaar", "artisan.dateOfBirth", nil, "mobile"])
            #expect(report.refused.allSatisfy { !$0.reason.isEmpty })
            let text = String(decoding: try WireFormat.encode(report), as: UTF8.self)
            for number in numbers { #expect(!text.contains(number) && !text.contains(String(number.suffix(8)))) }
            #expect(try cluster.events().map(\.type) == Array(repeating: "training.application.submitted", count: 3))
            #expect(try cluster.funnel(C.up).total.applied == 3)
            #expect(try cluster.call(ArtisanList.self, .init(state: "UP")).items.count == 3)
            let page = try cluster.call(ArtisanList.self, .init(limit: 2))
            #expect(page.items.count == 2 && page.next != nil)
            let rest = try cluster.call(ArtisanList.self, .init(after: page.next, limit: 2))
            #expect(rest.items.count == 1 && rest.next == nil)
            try cluster.checkpoint()
            for number in numbers { #expect(try cluster.filesHolding(number).isEmpty) }

            // The whole file refused for its shape: a missing column.
            try cluster.expectRefused(
                ApplicationsImport.self, .init(schemeId: C.up, csv: "name,gender\nA,male\n"), .invalidArgument, field: "csv")
        }
    }
}
