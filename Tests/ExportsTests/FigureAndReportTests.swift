import Exports
import Foundation
import ODOPClient
import ODOPMessages
import ODOPRuntime
import ODOPTesting
import Testing

@Suite("export figures and reports", .serialized, .timeLimit(.minutes(3)))
struct FigureAndReportTests {
    @Test("a second figure for a product and year is a correction kept with its history")
    func corrections() async throws {
        try await ExportsCluster.with { cluster in
            let carpets = try cluster.register("Carpets", district: "Bhadohi", sector: "textile")
            try cluster.waitUntilCaughtUp()
            let first = try cluster.call(
                FiguresRecord.self, .init(productId: carpets.id, financialYear: "2023-24", valueINRCrore: 10_500, source: "DGCI&S"))
            #expect(first.revision == 1 && first.previousValueINRCrore == nil)
            #expect(first.district == "Bhadohi" && first.stateCode == "UP" && first.sector == "textile" && first.productName == "Carpets")
            let second = try cluster.call(
                FiguresRecord.self,
                .init(productId: carpets.id, financialYear: "2023-24", valueINRCrore: 10_750.5, source: "DGCI&S revised"))
            #expect(second.revision == 2 && second.previousValueINRCrore == 10_500)
            // The same figure again is no correction: nothing stored or emitted.
            let seq = try cluster.exportsLastSeq()
            let again = try cluster.call(
                FiguresRecord.self,
                .init(productId: carpets.id, financialYear: "2023-24", valueINRCrore: 10_750.5, source: "DGCI&S revised"))
            #expect(again == second)
            #expect(try cluster.exportsLastSeq() == seq)

            let history = try cluster.call(FiguresHistory.self, .init(productId: carpets.id, financialYear: "2023-24"))
            #expect(history.current == second)
            #expect(history.revisions.map(\.valueINRCrore) == [10_500, 10_750.5])
            #expect(history.revisions.map(\.revision) == [1, 2])
            let listed = try cluster.call(FiguresList.self, .init(state: "UP"))
            #expect(listed.items == [second] && listed.total == 1)

            let events = try cluster.exportsEvents().filter { $0.type == "exports.figures.recorded" }
            #expect(events.count == 2)
            #expect(events[1].data["revision"] == 2)
            #expect(events[1].data["previousValueINRCrore"]?.doubleValue == 10_500)

            // A retried request (same id) is applied once.
            let client = try cluster.client()
            let request = try FiguresRecord.request(
                id: "retry-1", arguments: .init(productId: carpets.id, financialYear: "2022-23", valueINRCrore: 9_000, source: "DGCI&S"))
            _ = try client.send(request)
            _ = try client.send(request)
            #expect(try cluster.call(FiguresHistory.self, .init(productId: carpets.id, financialYear: "2022-23")).revisions.count == 1)
        }
    }

    @Test("bad figures are refused naming the field, and nothing is stored or emitted")
    func badFigures() async throws {
        try await ExportsCluster.with { cluster in
            let product = try cluster.register("Brassware", district: "Moradabad")
            try cluster.waitUntilCaughtUp()
            let seq = try cluster.exportsLastSeq()
            let cases: [(FiguresRecord.Arguments, String)] = [
                (.init(productId: product.id, financialYear: "2023-24", valueINRCrore: -1, source: "DGCI&S"), "valueINRCrore"),
                (.init(productId: product.id, financialYear: "2023-2024", valueINRCrore: 1, source: "DGCI&S"), "financialYear"),
                (.init(productId: product.id, financialYear: "2023-25", valueINRCrore: 1, source: "DGCI&S"), "financialYear"),
                (.init(productId: product.id, financialYear: "FY24", valueINRCrore: 1, source: "DGCI&S"), "financialYear"),
                (.init(productId: product.id, financialYear: "2090-91", valueINRCrore: 1, source: "DGCI&S"), "financialYear"),
                (.init(productId: "p-unknown", financialYear: "2023-24", valueINRCrore: 1, source: "DGCI&S"), "productId"),
                (.init(productId: product.id, financialYear: "2023-24", valueINRCrore: 1, source: "  "), "source"),
                (.init(productId: product.id, financialYear: "2023-24", valueINRCrore: 88_967_000_000, source: "DGCI&S"), "valueINRCrore"),
            ]
            for (args, field) in cases {
                let error = try cluster.failure(FiguresRecord.self, args)
                #expect(error.code == .invalidArgument, "\(args): \(error)")
                #expect(error.field == field, "\(args): \(error)")
            }
            // A value that is not a number at all, as another language might send it.
            let reply = try cluster.client().send(
                CommandRequest(
                    id: "raw-3", command: "figures.record",
                    args: [
                        "productId": .string(product.id), "financialYear": "2023-24", "valueINRCrore": "12", "source": "x",
                    ]))
            #expect(reply.error?.field == "valueINRCrore")
            #expect(try cluster.exportsLastSeq() == seq)
            #expect(try cluster.call(FiguresList.self, .init()).total == 0)
            #expect(try cluster.failure(FiguresHistory.self, .init(productId: product.id, financialYear: "2023-24")).code == .notFound)
        }
    }

    @Test("report.exports computes Uttar Pradesh's growth from ₹88,967 crore (2017-18) to ₹1.71 lakh crore (2023-24)")
    func exportsReport() async throws {
        try await ExportsCluster.with { cluster in
            let carpets = try cluster.register("Carpets", district: "Bhadohi", sector: "textile")
            let brass = try cluster.register("Brassware", district: "Moradabad", sector: "handicraft")
            let silk = try cluster.register("Mysore Silk", state: "Karnataka", district: "Mysuru", sector: "textile")
            try cluster.waitUntilCaughtUp()
            func record(_ product: ProductRecord, _ year: String, _ value: Double) throws {
                _ = try cluster.call(
                    FiguresRecord.self, .init(productId: product.id, financialYear: year, valueINRCrore: value, source: "test"))
            }
            try record(carpets, "2017-18", 50_000)
            try record(brass, "2017-18", 38_967)
            try record(carpets, "2022-23", 90_000)
            try record(brass, "2022-23", 60_000)
            try record(carpets, "2023-24", 101_000)
            try record(brass, "2023-24", 65_000)
            try record(brass, "2023-24", 70_000)  // a correction: only the current revision counts
            try record(silk, "2023-24", 1_200)

            let byState = try cluster.call(ExportsReport.self, .init(groupBy: .state))
            #expect(byState.groups.map(\.key) == ["Karnataka", "Uttar Pradesh"])
            let up = byState.groups[1]
            #expect(up.stateCode == "UP")
            #expect(up.years.map(\.financialYear) == ["2017-18", "2022-23", "2023-24"])
            #expect(up.years.map(\.valueINRCrore) == [88_967, 150_000, 171_000])
            #expect(up.years.map(\.growthPercent) == [nil, nil, 14])
            let trend = try #require(up.trend)
            #expect(trend.years == 6)
            #expect(trend.totalGrowthPercent == 92.21)
            #expect(trend.cagrPercent == 11.51)
            #expect(byState.total.key == "India")
            #expect(byState.total.years.last?.valueINRCrore == 172_200)

            let bySector = try cluster.call(ExportsReport.self, .init(groupBy: .sector, financialYear: "2023-24"))
            #expect(bySector.groups.map(\.key) == ["handicraft", "textile"])
            #expect(bySector.groups.map { $0.years.map(\.valueINRCrore) } == [[70_000], [102_200]])
            #expect(bySector.groups[0].years[0].growthPercent == 16.67)

            // A product moved to another sector takes its history with it.
            try cluster.update(brass, sector: "manufacturing")
            try cluster.waitUntilCaughtUp()
            let moved = try cluster.call(ExportsReport.self, .init(groupBy: .sector, state: "Uttar Pradesh"))
            #expect(moved.groups.map(\.key) == ["manufacturing", "textile"])
            #expect(moved.total.key == "Uttar Pradesh")
            #expect(moved.total.trend?.totalGrowthPercent == 92.21)

            let badGroup = try cluster.client().send(CommandRequest(id: "raw-4", command: "report.exports", args: ["groupBy": "district"]))
            #expect(badGroup.error?.field == "groupBy")
            #expect(try cluster.failure(ExportsReport.self, .init(groupBy: .state, financialYear: "2023")).field == "financialYear")
        }
    }

    @Test("report.plans counts prepared and adopted plans per state and nationally; report.gaps lists districts without an adopted plan")
    func planReports() async throws {
        try await ExportsCluster.with { cluster in
            for (state, district) in [
                ("Uttar Pradesh", "Agra"), ("Uttar Pradesh", "Firozabad"), ("Uttar Pradesh", "Bhadohi"),
                ("Karnataka", "Mysuru"), ("Karnataka", "Ramanagara"),
            ] {
                try cluster.register("Product of \(district)", state: state, district: district)
            }
            let gone = try cluster.register("Gone", state: "Bihar", district: "Gaya")
            try cluster.waitUntilCaughtUp()
            for planId in ["deap-UP-agra-1", "deap-UP-firozabad-1", "deap-KA-mysuru-1"] {
                _ = try cluster.call(PlanPrepare.self, SamplePlanContent.prepare(planId))
            }
            for planId in ["deap-UP-agra-1", "deap-KA-mysuru-1"] {
                _ = try cluster.call(PlanAdopt.self, .init(planId: planId, date: "2024-06-30", reference: "DEPC/\(planId)"))
            }
            try cluster.retire(gone)
            try cluster.waitUntilCaughtUp()

            let report = try cluster.call(PlansReport.self, .init())
            #expect(
                report.national
                    == PlansReport.Counts(
                        state: nil, stateCode: nil, districtsWithProducts: 5, prepared: 3, adopted: 2,
                        byStatus: .init(draft: 2, prepared: 1, adopted: 2, archived: 1)))
            #expect(report.states.map(\.state) == ["Bihar", "Karnataka", "Uttar Pradesh"])
            #expect(
                report.states[2]
                    == PlansReport.Counts(
                        state: "Uttar Pradesh", stateCode: "UP", districtsWithProducts: 3, prepared: 2, adopted: 1,
                        byStatus: .init(draft: 1, prepared: 1, adopted: 1, archived: 0)))
            let karnataka = try cluster.call(PlansReport.self, .init(state: "ka"))
            #expect(karnataka.states.map(\.stateCode) == ["KA"])
            #expect(karnataka.national.adopted == 1)

            let gaps = try cluster.call(PlanGapsReport.self, .init())
            #expect(gaps.items.map(\.districtId) == ["KA-ramanagara", "UP-bhadohi", "UP-firozabad"])
            #expect(gaps.items.map(\.planStatus) == [.draft, .draft, .prepared])
            #expect(gaps.items.allSatisfy { $0.activeProducts == 1 && $0.planId != nil })
            #expect(try cluster.call(PlanGapsReport.self, .init(state: "Uttar Pradesh")).total == 2)
        }
    }
}
