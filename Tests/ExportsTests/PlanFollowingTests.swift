import Exports
import Foundation
import ODOPMessages
import ODOPRuntime
import ODOPTesting
import Testing

/// The catalogue subscription, end to end over real sockets and SQLite files: the fake
/// catalogue emits the catalogue's events; odop-exports' service definition follows them.
@Suite("plans follow the catalogue", .serialized, .timeLimit(.minutes(5)))
struct PlanFollowingTests {
    @Test("a product registered in a new district gets a draft plan; more products join it")
    func registeredProductCreatesDraftPlan() async throws {
        try await ExportsCluster.with { cluster in
            let bangles = try cluster.register("Glass Bangles", district: "Firozabad")
            try cluster.waitUntilCaughtUp()
            let plan = try cluster.plan(state: "Uttar Pradesh", district: "Firozabad")
            #expect(plan.planId == "deap-UP-firozabad-1")
            #expect(plan.status == .draft)
            #expect(plan.state == "Uttar Pradesh" && plan.stateCode == "UP" && plan.districtId == "UP-firozabad")
            #expect(plan.products == [PlanProduct(productId: bangles.id, name: "Glass Bangles", sector: "handicraft", status: .active)])
            #expect(plan.version == 1)

            let glassware = try cluster.register("Glassware", district: "Firozabad", sector: "Manufacturing")
            try cluster.register("Petha", district: "Agra", sector: "food processing")
            try cluster.waitUntilCaughtUp()
            let joined = try cluster.plan(plan.planId)
            #expect(joined.products.map(\.productId) == [bangles.id, glassware.id])
            #expect(joined.products[1].sector == "manufacturing")
            #expect(joined.version == 2)
            #expect(try cluster.allPlans().map(\.planId) == ["deap-UP-agra-1", "deap-UP-firozabad-1"])
            // By code and id too, case-insensitively.
            #expect(try cluster.plan(state: "up", district: "up-agra").planId == "deap-UP-agra-1")

            let events = try cluster.exportsEvents()
            #expect(events.map(\.type) == ["exports.plan.drafted", "exports.plan.updated", "exports.plan.drafted"])
            #expect(events.map(\.seq) == [1, 2, 3])
            let drafted = events[0]
            #expect(drafted.source == "exports")
            #expect(drafted.data["planId"] == "deap-UP-firozabad-1")
            #expect(drafted.data["state"] == "Uttar Pradesh")
            #expect(drafted.data["district"] == "Firozabad")
            #expect(drafted.data["status"] == "draft")
            #expect(try drafted.decodeData(ExportPlan.self).products.count == 1)
            #expect(events[1].data["change"] == "product_added")
            // The event names the catalogue event that caused it.
            #expect(drafted.correlationId != nil)
        }
    }

    @Test("a renamed product is renamed in its plan; a change plans do not show emits nothing")
    func renameReflected() async throws {
        try await ExportsCluster.with { cluster in
            let product = try cluster.register("Zari Zardozi", district: "Bareilly", sector: "textile")
            try cluster.waitUntilCaughtUp()
            let renamed = try cluster.update(product, name: "Zari-Zardozi Embroidery")
            try cluster.update(renamed, sector: "handicraft")
            try cluster.waitUntilCaughtUp()
            let plan = try cluster.plan(state: "Uttar Pradesh", district: "Bareilly")
            #expect(
                plan.products == [
                    PlanProduct(productId: product.id, name: "Zari-Zardozi Embroidery", sector: "handicraft", status: .active)
                ])
            #expect(plan.version == 3)
            let before = try cluster.exportsLastSeq()
            // A description change does not show in plans: no plan event.
            let current = try cluster.update(product, description: "Gold thread work")
            #expect(current.version == 4)
            try cluster.waitUntilCaughtUp()
            #expect(try cluster.exportsLastSeq() == before)
            let changes = try cluster.exportsEvents().map { $0.data["change"]?.stringValue }
            #expect(changes == [nil, "product_changed", "product_changed"])
        }
    }

    @Test("retired products leave the plan; the last one archives it; a new product starts a new draft")
    func retireArchivesAndReRegisterDrafts() async throws {
        try await ExportsCluster.with { cluster in
            let carpets = try cluster.register("Carpets", district: "Bhadohi", sector: "textile")
            let rugs = try cluster.register("Rugs", district: "Bhadohi", sector: "textile")
            try cluster.waitUntilCaughtUp()
            // The plan gets some content first: it must survive archiving as it was.
            let planId = "deap-UP-bhadohi-1"
            _ = try cluster.call(PlanPrepare.self, SamplePlanContent.prepare(planId))

            try cluster.retire(rugs)
            try cluster.waitUntilCaughtUp()
            var plan = try cluster.plan(planId)
            #expect(plan.status == .prepared)
            #expect(plan.products.map(\.productId) == [carpets.id])

            try cluster.retire(carpets)
            try cluster.waitUntilCaughtUp()
            plan = try cluster.plan(planId)
            #expect(plan.status == .archived)
            #expect(plan.products == [PlanProduct(productId: carpets.id, name: "Carpets", sector: "textile", status: .retired)])
            #expect(plan.targetMarkets == ["US", "AE", "DE"])
            let archived = try #require(try cluster.exportsEvents().last)
            #expect(archived.type == "exports.plan.archived")
            #expect(archived.data["status"] == "archived" && archived.data["planId"] == .string(planId))

            // An archived plan takes no more commands.
            #expect(try cluster.failure(PlanReview.self, .init(planId: planId, note: "late")).code == .conflict)

            let durries = try cluster.register("Durries", district: "Bhadohi", sector: "textile")
            try cluster.waitUntilCaughtUp()
            let fresh = try cluster.plan(state: "Uttar Pradesh", district: "Bhadohi")
            #expect(fresh.planId == "deap-UP-bhadohi-2")
            #expect(fresh.status == .draft)
            #expect(fresh.products.map(\.productId) == [durries.id])
            #expect(fresh.targetMarkets.isEmpty)
            #expect(try cluster.plan(planId).status == .archived)
            #expect(try cluster.call(PlanList.self, .init(district: "Bhadohi")).items.map(\.status) == [.archived, .draft])
            #expect(try cluster.exportsEvents().last?.type == "exports.plan.drafted")
        }
    }

    @Test("exports stopped while 500 catalogue changes happen reflects each exactly once after restart")
    func restartAfter500Changes() async throws {
        try await ExportsCluster.with { cluster in
            // 40 districts in 2 states, one product each while exports runs.
            let districts = (0..<40).map { (state: $0 < 20 ? "Uttar Pradesh" : "Karnataka", name: "District \($0)") }
            var products: [ProductRecord] = []
            for district in districts {
                products.append(try cluster.register("Product \(district.name) #0", state: district.state, district: district.name))
            }
            try cluster.waitUntilCaughtUp()
            #expect(try cluster.exportsLastSeq() == 40)
            await cluster.stopExports()

            // 500 changes while it is down: 160 registrations, 290 renames, 50 retirements
            // (every product of the first 10 districts).
            for round in 1...4 {
                for district in districts {
                    products.append(
                        try cluster.register("Product \(district.name) #\(round)", state: district.state, district: district.name))
                }
            }
            var renames = 0
            for pass in 1...2 {
                for index in products.indices where renames < 290 {
                    products[index] = try cluster.update(products[index], name: products[index].name + " v\(pass)")
                    renames += 1
                }
            }
            let retiredDistricts = Set(districts.prefix(10).map(\.name))
            for index in products.indices where retiredDistricts.contains(products[index].district) {
                products[index] = try cluster.retire(products[index])
            }
            #expect(cluster.catalogue.lastSeq == 540)

            try cluster.startExports()
            try cluster.waitUntilCaughtUp()

            // Every change reflected once: one exports event per catalogue change.
            let events = try cluster.exportsEvents()
            #expect(events.count == 540)
            #expect(events.map(\.seq) == (1...540).map { Int64($0) })
            var counts: [String: Int] = [:]
            for event in events { counts[event.data["change"]?.stringValue ?? event.type, default: 0] += 1 }
            #expect(
                counts == [
                    "exports.plan.drafted": 40, "product_added": 160, "product_changed": 290, "product_removed": 40,
                    "exports.plan.archived": 10,
                ])
            // Each plan's version counts its events: no change applied twice.
            let plans = try cluster.allPlans()
            #expect(plans.count == 40)
            for plan in plans {
                #expect(plan.version == events.filter { $0.data["planId"] == .string(plan.planId) }.count, "\(plan.planId)")
            }
            // And the plans show the catalogue's final state.
            for plan in plans {
                let expected = products.filter { $0.districtId == plan.districtId }
                if retiredDistricts.contains(plan.district) {
                    #expect(plan.status == .archived)
                    #expect(plan.products.count == 1 && plan.products[0].status == .retired)
                } else {
                    #expect(plan.status == .draft)
                    #expect(plan.products.map(\.productId) == expected.map(\.id))
                    #expect(plan.products.map(\.name) == expected.map(\.name))
                }
            }
            let report = try cluster.call(PlansReport.self, .init())
            #expect(report.national.byStatus == .init(draft: 30, prepared: 0, adopted: 0, archived: 10))
            #expect(report.national.districtsWithProducts == 30)
            #expect(report.states.map(\.stateCode) == ["KA", "UP"])
        }
    }

    @Test("exports started long after the catalogue, on an empty database, catches up from seq 1")
    func lateStartCatchesUpFromSeqOne() async throws {
        try await ExportsCluster.with(startExports: false) { cluster in
            try cluster.registerDistrict(state: "Tamil Nadu", name: "Thanjavur")
            var products: [ProductRecord] = []
            for i in 0..<300 {
                products.append(try cluster.register("Art plate \(i)", state: "Tamil Nadu", district: "District \(i % 30)"))
            }
            for product in products.prefix(10) { try cluster.retire(product) }
            try cluster.startExports()
            try cluster.waitUntilCaughtUp()
            let status = try #require(try cluster.exports?.health().subscriptions.first)
            #expect(status.lastAppliedSeq == 311)
            let plans = try cluster.allPlans()
            #expect(plans.count == 30)
            #expect(plans.allSatisfy { $0.status == .draft && ($0.products.count == 10 || $0.products.count == 9) })
            #expect(plans.reduce(0) { $0 + $1.products.count } == 290)
            // The registered district without products has no plan, and is no gap.
            #expect(try cluster.failure(PlanGet.self, .init(state: "Tamil Nadu", district: "Thanjavur")).code == .notFound)
            #expect(try cluster.call(PlanGapsReport.self, .init(state: "TN")).total == 30)
        }
    }
}

@Suite("district arguments, read by the catalogue's rule")
struct DistrictArgumentTests {
    @Test(
        "a district's name, an alias, another case or spacing, or its id find its plan and figures; an unknown one is the catalogue's invalid_argument"
    )
    func districtSpellings() async throws {
        try await ExportsCluster.with { cluster in
            try cluster.catalogue.publish(
                DistrictRegistered(
                    DistrictRecord(
                        id: "KA-belagavi", state: "Karnataka", stateCode: "KA", name: "Belagavi", lgdCode: 540, aliases: ["Belgaum"])))
            let product = try cluster.register("Kunda", state: "Karnataka", district: "Belagavi", sector: "food processing")
            try cluster.register("Firozabad Glass", district: "Firozabad")
            try cluster.waitUntilCaughtUp()
            _ = try cluster.call(
                FiguresRecord.self, .init(productId: product.id, financialYear: "2023-24", valueINRCrore: 3, source: "DGCIS"))
            let planId = try cluster.plan(state: "Karnataka", district: "Belagavi").planId
            for spelling in ["Belagavi", "Belgaum", "BELGAUM", "  belagavi ", "KA-belagavi"] {
                #expect(try cluster.plan(state: "KA", district: spelling).planId == planId, "\(spelling)")
                let listed = try cluster.call(PlanList.self, .init(district: spelling))
                #expect(listed.items.map(\.planId) == [planId], "\(spelling)")
                let figures = try cluster.call(FiguresList.self, .init(district: spelling))
                #expect(figures.items.map(\.productId) == [product.id], "\(spelling)")
            }
            for (command, failure) in [
                ("plan.get", try cluster.failure(PlanGet.self, .init(state: "Karnataka", district: "Atlantis"))),
                ("plan.list", try cluster.failure(PlanList.self, .init(state: "Karnataka", district: "Atlantis"))),
                ("figures.list", try cluster.failure(FiguresList.self, .init(state: "Karnataka", district: "Atlantis"))),
            ] {
                #expect(failure.code == .invalidArgument, "\(command)")
                #expect(failure.field == "district", "\(command)")
                #expect(failure.message == "unknown district 'Atlantis' in Karnataka", "\(command)")
            }
            // A district of another state is not found by name in this one.
            #expect(try cluster.failure(PlanGet.self, .init(state: "Uttar Pradesh", district: "Belgaum")).field == "district")
        }
    }
}
