import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

/// `odop-catalogue` and `odop-exports` as separate processes on free ports with their own data
/// directories, talking only over the wire, with the real ODOP list.
@Suite("odop-exports with the real odop-catalogue, as processes", .serialized, .timeLimit(.minutes(10)))
struct ExportsProcessTests {
    /// Both services; exports may be started later and restarted on its database.
    final class Processes: @unchecked Sendable {
        let catalogue: ServiceProcess
        let catalogueClient: CommandClient
        let exportsDirectory = TemporaryDirectory(prefix: "odop-exports-process")
        private(set) var exports: ServiceProcess?

        init() throws {
            catalogue = try ServiceProcess("catalogue").start()
            catalogueClient = try catalogue.client(timeout: .seconds(30))
        }

        @discardableResult
        func startExports() throws -> ServiceProcess {
            let exports = try ServiceProcess(
                "exports", dataDirectory: exportsDirectory.path,
                environment: ["ODOP_CATALOGUE_COMMANDS": catalogue.commandsEndpoint, "ODOP_CATALOGUE_EVENTS": catalogue.eventsEndpoint]
            ).start()
            self.exports = exports
            return exports
        }

        func stopExports() {
            #expect(exports?.stop() == 0, "odop-exports exits 0 on SIGTERM")
            exports = nil
        }

        func stop() {
            exports?.stop()
            catalogue.stop()
        }

        func exportsClient() throws -> CommandClient {
            guard let exports else { throw CommandError.unavailable("odop-exports is not running") }
            return try exports.client(timeout: .seconds(30))
        }

        func importRealList() throws -> ProductsImport.Result {
            let csv = try String(contentsOf: TestEnvironment.odopCSV, encoding: .utf8)
            let report = try catalogueClient.call(ProductsImport.self, .init(csv: csv))
            #expect(report.productsCreated > 1000)
            return report
        }

        /// Every active product in the catalogue, asked of the catalogue.
        func activeProducts() throws -> [ProductRecord] {
            var items: [ProductRecord] = []
            while true {
                let page = try catalogueClient.call(ProductSearch.self, .init(limit: 1000, offset: items.count))
                items += page.items
                if page.items.isEmpty || items.count >= page.total { return items }
            }
        }

        func waitUntilCaughtUp() throws {
            let target = try catalogueClient.call(Health.self, NoArguments()).lastSeq
            let client = try exportsClient()
            try eventually("odop-exports applied catalogue events up to \(target)", timeout: .seconds(120)) {
                let status = try client.call(Health.self, NoArguments()).subscriptions.first { $0.source == "catalogue" }
                if status?.state == .stalled { throw CommandError.internalError("stalled: \(String(describing: status?.stalled))") }
                return (status?.lastAppliedSeq ?? 0) >= target
            }
        }

        func plans() throws -> [ExportPlan] {
            let client = try exportsClient()
            var items: [ExportPlan] = []
            while true {
                let page = try client.call(PlanList.self, .init(limit: 1000, offset: items.count))
                items += page.items
                if page.items.isEmpty || items.count >= page.total { return items }
            }
        }

        func exportsEvents(after: Int64 = 0) throws -> [EventEnvelope] {
            let client = try exportsClient()
            var events: [EventEnvelope] = []
            var cursor = after
            while true {
                let page = try client.call(EventsReplay.self, .init(after: cursor, limit: 10_000))
                events += page.events
                guard let last = page.events.last?.seq, last < page.lastSeq else { return events }
                cursor = last
            }
        }

        /// One open plan per district with active products, listing exactly those products
        /// with their current names and sectors.
        func expectPlansMatchCatalogue(sourceLocation: SourceLocation = #_sourceLocation) throws {
            let products = try activeProducts()
            let byDistrict = Dictionary(grouping: products, by: \.districtId)
            let open = try plans().filter { $0.status != .archived }
            #expect(open.count == byDistrict.count, "one open plan per district with products", sourceLocation: sourceLocation)
            #expect(Set(open.map(\.districtId)) == Set(byDistrict.keys), sourceLocation: sourceLocation)
            for plan in open {
                let expected = Dictionary(
                    uniqueKeysWithValues: (byDistrict[plan.districtId] ?? []).map { ($0.id, "\($0.name)|\($0.sector)") })
                let listed = Dictionary(
                    plan.products.map { ($0.productId, "\($0.name)|\($0.sector)") }, uniquingKeysWith: { first, _ in first })
                #expect(plan.products.count == listed.count, "\(plan.planId) lists a product twice", sourceLocation: sourceLocation)
                #expect(listed == expected, "\(plan.planId)", sourceLocation: sourceLocation)
            }
        }
    }

    private func with(_ body: (Processes) throws -> Void) throws {
        let processes = try Processes()
        defer { processes.stop() }
        try body(processes)
    }

    @Test("the real ODOP list imported while odop-exports runs gives one plan per district with products")
    func importWhileRunning() throws {
        try with { processes in
            let exports = try processes.startExports()
            let report = try processes.importRealList()
            try processes.waitUntilCaughtUp()
            try processes.expectPlansMatchCatalogue()
            let plans = try processes.plans()
            #expect(plans.allSatisfy { $0.status == .draft && $0.version == $0.products.count })
            let events = try processes.exportsEvents()
            #expect(events.filter { $0.type == "exports.plan.drafted" }.count == plans.count)
            #expect(events.count == report.productsCreated)  // one plan event per product registered
            let national = try processes.exportsClient().call(PlansReport.self, .init()).national
            #expect(national.byStatus.draft == plans.count && national.districtsWithProducts == plans.count)
            #expect(try ContractCheck.run(against: exports).passed, "odop-exports keeps the wire contract")
        }
    }

    @Test("odop-exports stopped while 500 products change reflects every change exactly once after restart")
    func restartAfter500Changes() throws {
        try with { processes in
            try processes.startExports()
            _ = try processes.importRealList()
            try processes.waitUntilCaughtUp()
            let seqBefore = try processes.exportsClient().call(Health.self, NoArguments()).lastSeq
            processes.stopExports()

            // 400 renames and 100 retirements, while odop-exports is down.
            let products = try processes.activeProducts()
            #expect(products.count >= 500)
            for product in products.prefix(400) {
                _ = try processes.catalogueClient.call(
                    ProductUpdate.self, .init(id: product.id, expectedVersion: product.version, name: product.name + " (renamed)"))
            }
            var retired: [ProductRecord] = []
            for product in products.dropFirst(400).prefix(100) {
                retired.append(try processes.catalogueClient.call(ProductRetire.self, .init(id: product.id, reason: "integration test")))
            }

            try processes.startExports()
            try processes.waitUntilCaughtUp()
            let events = try processes.exportsEvents(after: seqBefore)
            #expect(events.count == 500, "one exports event per catalogue change")
            let changed = events.filter { $0.data["change"] == "product_changed" }.count
            let removed = events.filter { $0.data["change"] == "product_removed" }.count
            let archived = events.filter { $0.type == "exports.plan.archived" }.count
            #expect(changed == 400 && removed + archived == 100)
            try processes.expectPlansMatchCatalogue()
            // Districts whose every product was retired have archived plans listing them as retired.
            let archivedPlans = try processes.plans().filter { $0.status == .archived }
            #expect(archivedPlans.count == archived)
            #expect(archivedPlans.allSatisfy { $0.products.allSatisfy { $0.status == .retired } })
        }
    }

    @Test("odop-exports started long after the catalogue, with an empty database, catches up from seq 1")
    func lateStart() throws {
        try with { processes in
            _ = try processes.importRealList()
            let products = try processes.activeProducts()
            for product in products.suffix(20) {
                _ = try processes.catalogueClient.call(ProductRetire.self, .init(id: product.id))
            }
            let catalogueSeq = try processes.catalogueClient.call(Health.self, NoArguments()).lastSeq
            try processes.startExports()
            try processes.waitUntilCaughtUp()
            let status = try #require(try processes.exportsClient().call(Health.self, NoArguments()).subscriptions.first)
            #expect(status.lastAppliedSeq == catalogueSeq)
            #expect(status.state == .running)
            try processes.expectPlansMatchCatalogue()
        }
    }

    @Test("bad transitions and bad figures are refused with clear errors, and nothing is stored or emitted")
    func refusals() throws {
        try with { processes in
            _ = try processes.importRealList()
            try processes.startExports()
            try processes.waitUntilCaughtUp()
            let client = try processes.exportsClient()
            let plan = try client.call(PlanGet.self, .init(state: "Uttar Pradesh", district: "Firozabad"))
            let product = try #require(plan.products.first)
            let seq = try client.call(Health.self, NoArguments()).lastSeq

            func failure<C: CommandSchema>(_ command: C.Type, _ args: C.Arguments) -> CommandError? {
                do {
                    _ = try client.call(command, args)
                    return nil
                } catch {
                    return error
                }
            }
            let adopt = failure(PlanAdopt.self, .init(planId: plan.planId, date: "2024-01-15", reference: "DEPC/1"))
            #expect(adopt?.code == .conflict && adopt?.message.contains("draft") == true)
            let negative = failure(
                FiguresRecord.self, .init(productId: product.productId, financialYear: "2023-24", valueINRCrore: -5, source: "DGCI&S"))
            #expect(negative?.code == .invalidArgument && negative?.field == "valueINRCrore")
            let year = failure(
                FiguresRecord.self, .init(productId: product.productId, financialYear: "2023/24", valueINRCrore: 5, source: "DGCI&S"))
            #expect(year?.code == .invalidArgument && year?.field == "financialYear")
            let unknown = failure(
                FiguresRecord.self, .init(productId: "p-does-not-exist", financialYear: "2023-24", valueINRCrore: 5, source: "DGCI&S"))
            #expect(unknown?.code == .invalidArgument && unknown?.field == "productId")
            let market = failure(
                PlanPrepare.self, .init(planId: plan.planId, targetMarkets: ["ZZ"], interventions: SamplePlanContent.interventions))
            #expect(market?.code == .invalidArgument && market?.field == "targetMarkets.0")

            #expect(try client.call(Health.self, NoArguments()).lastSeq == seq)
            #expect(try client.call(PlanGet.self, .init(planId: plan.planId)) == plan)
            #expect(try client.call(FiguresList.self, .init()).total == 0)

            // And a good figure goes through.
            let figure = try client.call(
                FiguresRecord.self, .init(productId: product.productId, financialYear: "2023-24", valueINRCrore: 1_250.5, source: "DGCI&S"))
            #expect(figure.revision == 1 && figure.district == "Firozabad")
            #expect(try client.call(Health.self, NoArguments()).lastSeq == seq + 1)
        }
    }
}
