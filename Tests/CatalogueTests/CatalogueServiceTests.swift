import Foundation
import ODOPClient
import ODOPMessages
import ODOPReference
import ODOPTesting
import Testing

/// The real `odop-catalogue` executable, over the wire.
@Suite("odop-catalogue over the wire", .timeLimit(.minutes(3)))
struct CatalogueServiceTests {
    static let giRegistry = TestEnvironment.dataFile("Total Registered GI details of GI Application in India.txt").path

    private func startCatalogue() throws -> (ServiceProcess, CommandClient) {
        let catalogue = try ServiceProcess("catalogue", arguments: ["--gi-registry", Self.giRegistry]).start()
        return (catalogue, try catalogue.client(timeout: .seconds(20)))
    }

    private func importRealList(_ client: CommandClient) throws -> ProductsImport.Result {
        let csv = try String(contentsOf: TestEnvironment.odopCSV, encoding: .utf8)
        return try client.call(ProductsImport.self, .init(csv: csv))
    }

    private func lastSeq(_ client: CommandClient) throws -> Int64 {
        try client.call(Health.self, NoArguments()).lastSeq
    }

    @Test("importing the real ODOP list gives the counts computed independently from the raw file; a second import changes nothing")
    func importRealList() throws {
        let (catalogue, client) = try startCatalogue()
        defer { catalogue.stop() }
        let expected = try IndependentFigures(csv: String(contentsOf: TestEnvironment.odopCSV, encoding: .utf8))

        let report = try importRealList(client)
        #expect(report.rowsRead == expected.rowsRead)
        #expect(report.productsCreated == expected.products)
        #expect(report.districtsCreated == expected.districts)
        #expect(report.districtsMerged.count == expected.merges)
        #expect(report.rejected.isEmpty)
        #expect(report.eventsEmitted == expected.products + expected.districts)
        #expect(try lastSeq(client) == Int64(report.eventsEmitted))

        let stats = try client.call(CatalogueStats.self, NoArguments())
        #expect(stats.products == expected.products)
        #expect(stats.states == expected.stateNames.count)
        #expect(stats.districts == expected.districts)
        #expect(Dictionary(uniqueKeysWithValues: stats.bySector.map { ($0.key, $0.count) }) == expected.productsBySector)
        #expect(Dictionary(uniqueKeysWithValues: stats.byState.map { ($0.key, $0.count) }) == expected.productsByState)

        let again = try importRealList(client)
        #expect(again.productsCreated == 0 && again.productsUpdated == 0 && again.districtsCreated == 0)
        #expect(again.productsUnchanged == expected.products)
        #expect(again.eventsEmitted == 0)
        #expect(try lastSeq(client) == Int64(report.eventsEmitted))

        // GI reconciliation: Moradabad Metal Craft is registered though the list says No.
        let gi = try client.call(GIDiscrepancies.self, NoArguments())
        let moradabad = try #require(gi.items.first { $0.name == "Moradabad Metal Craft" })
        #expect(moradabad.kind == "flag_no_but_registered")
        #expect(moradabad.registryName == "Moradabad Metal Craft")
        #expect(gi.registeredButNotFlagged >= 3)

        // A merged spelling finds the canonical district.
        let belgaum = try client.call(ProductSearch.self, .init(state: "Karnataka", district: "Belagavi (Belgaum)"))
        #expect(belgaum.total > 0)
        #expect(belgaum.items.allSatisfy { $0.district == "Belagavi" })

        #expect(try ContractCheck.run(against: catalogue).passed)
    }

    @Test("search filters and paging: limit, offset and total; retired products only on request")
    func searchAndPaging() throws {
        let (catalogue, client) = try startCatalogue()
        defer { catalogue.stop() }
        _ = try importRealList(client)

        let all = try client.call(ProductSearch.self, .init(state: "Uttar Pradesh", limit: 1000))
        #expect(all.total == 110)
        #expect(all.items.count == 110)
        var paged: [String] = []
        var offset = 0
        while true {
            let page = try client.call(ProductSearch.self, .init(state: "Uttar Pradesh", limit: 25, offset: offset))
            #expect(page.total == 110)
            #expect(page.items.count <= 25)
            if page.items.isEmpty { break }
            paged += page.items.map(\.id)
            offset += page.items.count
        }
        #expect(paged == all.items.map(\.id))
        #expect(Set(paged).count == 110)

        // Ordered by state name (Chandigarh before Chhattisgarh, though CG sorts before CH), then district.
        let first = try client.call(ProductSearch.self, .init(limit: 1000))
        let rest = try client.call(ProductSearch.self, .init(limit: 1000, offset: 1000))
        let everything = first.items + rest.items
        #expect(everything.count == 1241)
        let order = everything.map { [$0.state, $0.district] }
        #expect(order == order.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(everything.firstIndex { $0.state == "Chandigarh" }! < everything.firstIndex { $0.state == "Chhattisgarh" }!)

        let defaultPage = try client.call(ProductSearch.self, .init())
        #expect(defaultPage.items.count == ProductSearch.defaultLimit)
        #expect(defaultPage.total == 1241)

        let handicraftUP = try client.call(ProductSearch.self, .init(state: "uttar pradesh", sector: "Handicrafts", limit: 1000))
        #expect(handicraftUP.total > 0)
        #expect(handicraftUP.items.allSatisfy { $0.sector == "handicraft" && $0.stateCode == "UP" })
        let text = try client.call(ProductSearch.self, .init(text: "firozabad GLASS"))
        #expect(text.items.map(\.name).contains("Firozabad Glass"))
        let gi = try client.call(ProductSearch.self, .init(state: "Uttar Pradesh", gi: true, limit: 1000))
        #expect(gi.total > 0 && gi.items.allSatisfy(\.giStatus))

        let target = try #require(text.items.first { $0.name == "Firozabad Glass" })
        _ = try client.call(ProductRetire.self, .init(id: target.id, reason: "test"))
        let activeAfter = try client.call(ProductSearch.self, .init(text: "firozabad glass"))
        #expect(!activeAfter.items.contains { $0.id == target.id })
        let retired = try client.call(ProductSearch.self, .init(status: .retired))
        #expect(retired.items.map(\.id) == [target.id])
        #expect(retired.total == 1)

        for bad in [ProductSearch.Arguments(limit: 0), .init(limit: 1001), .init(offset: -1)] {
            #expect(throws: CommandError.self) { try client.call(ProductSearch.self, bad) }
        }
    }

    @Test("register, update with expected version (a stale one is a conflict), retire, each with its event")
    func lifecycleAndEvents() throws {
        let (catalogue, client) = try startCatalogue()
        defer { catalogue.stop() }
        let recorder = try EventRecorder(endpoint: catalogue.eventsEndpoint, prefix: "catalogue.")
        defer { recorder.stop() }
        try eventually("subscribed") { recorder.envelopes.contains { $0.isHeartbeat } }

        let district = try client.call(DistrictRegister.self, .init(state: "Uttar Pradesh", name: "Firozabad", lgdCode: 143))
        #expect(district.id == "UP-firozabad")
        let product = try client.call(
            ProductRegister.self,
            .init(
                state: "UP", district: "firozabad", name: "Firozabad Glass", sector: "Manufacturing", giStatus: true))
        #expect(product.version == 1 && product.status == .active && product.sector == "manufacturing")
        #expect(product.district == "Firozabad")
        #expect(try client.call(ProductGet.self, .init(id: product.id)) == product)

        let updated = try client.call(ProductUpdate.self, .init(id: product.id, expectedVersion: 1, name: "Firozabad Glassware"))
        #expect(updated.version == 2 && updated.name == "Firozabad Glassware")
        #expect {
            try client.call(ProductUpdate.self, .init(id: product.id, expectedVersion: 1, description: "stale"))
        } throws: { ($0 as? CommandError)?.code == .conflict && ($0 as? CommandError)?.field == "expectedVersion" }
        #expect(try client.call(ProductGet.self, .init(id: product.id)).description == nil)

        let retired = try client.call(ProductRetire.self, .init(id: product.id, reason: "merged into another product"))
        #expect(retired.status == .retired && retired.version == 3 && retired.retiredReason == "merged into another product")
        #expect { try client.call(ProductRetire.self, .init(id: product.id)) } throws: { ($0 as? CommandError)?.code == .conflict }
        #expect { try client.call(ProductUpdate.self, .init(id: product.id, expectedVersion: 3, name: "x")) } throws: {
            ($0 as? CommandError)?.code == .conflict
        }

        try eventually("four events") { recorder.events.count >= 4 }
        let events = recorder.events
        #expect(
            events.map(\.type) == [
                "catalogue.district.registered", "catalogue.product.registered", "catalogue.product.updated", "catalogue.product.retired",
            ])
        #expect(events.map { $0.seq ?? 0 } == [1, 2, 3, 4])
        let retiredEvent = try events[3].decodeData(ProductRecord.self)
        #expect(retiredEvent == retired)
        #expect(events[3].correlationId != nil)
        #expect(try events[2].decodeData(ProductRecord.self).name == "Firozabad Glassware")
    }

    @Test("every bad argument is refused with invalid_argument naming the field; nothing is stored or emitted")
    func badArguments() throws {
        let (catalogue, client) = try startCatalogue()
        defer { catalogue.stop() }
        _ = try client.call(DistrictRegister.self, .init(state: "Uttar Pradesh", name: "Agra"))
        let product = try client.call(
            ProductRegister.self, .init(state: "Uttar Pradesh", district: "Agra", name: "Leather", sector: "manufacturing"))
        let seqBefore = try lastSeq(client)
        let valid: JSONValue = ["state": "Uttar Pradesh", "district": "Agra", "name": "Petha", "sector": "food processing"]

        func with(_ key: String, _ value: JSONValue?) -> JSONValue {
            var object = valid.objectValue!
            object[key] = value
            return .object(object)
        }
        let cases: [(String, JSONValue, String, ErrorCode)] = [
            (ProductRegister.name, with("district", "Nowhere"), "district", .invalidArgument),
            (ProductRegister.name, with("state", "Atlantis"), "state", .invalidArgument),
            (ProductRegister.name, with("name", "   "), "name", .invalidArgument),
            (ProductRegister.name, with("name", nil), "name", .invalidArgument),
            (ProductRegister.name, with("sector", "spaceships"), "sector", .invalidArgument),
            (ProductRegister.name, with("description", .string(String(repeating: "x", count: 6000))), "description", .invalidArgument),
            (ProductRegister.name, with("name", 42), "name", .invalidArgument),
            (ProductRegister.name, with("giStatus", "yes"), "giStatus", .invalidArgument),
            (ProductRegister.name, with("category", "quaternary"), "category", .invalidArgument),
            (ProductRegister.name, with("name", "Leather"), "name", .conflict),
            (DistrictRegister.name, ["state": "Uttar Pradesh", "name": "agra"], "name", .conflict),
            (DistrictRegister.name, ["state": "Uttar Pradesh", "name": "Mathura", "lgdCode": -4], "lgdCode", .invalidArgument),
            (ProductUpdate.name, ["id": .string(product.id), "expectedVersion": "1"], "expectedVersion", .invalidArgument),
            (ProductUpdate.name, ["id": .string(product.id), "expectedVersion": 1, "sector": "x"], "sector", .invalidArgument),
            (ProductGet.name, ["id": "p-none"], "id", .notFound),
            (ProductRetire.name, ["id": 7], "id", .invalidArgument),
            (ProductSearch.name, ["limit": "ten"], "limit", .invalidArgument),
            (ProductSearch.name, ["state": "Uttar Pradesh", "district": "Nowhere"], "district", .invalidArgument),
            (ProductsImport.name, ["csv": "a,b\n1,2\n"], "csv", .invalidArgument),
        ]
        for (command, args, field, code) in cases {
            let reply = try client.send(CommandRequest(id: CommandClient.newRequestID(), command: command, args: args))
            #expect(reply.error?.code == code, "\(command) \(field)")
            #expect(reply.error?.field == field, "\(command) \(field): \(String(describing: reply.error))")
        }
        #expect(try lastSeq(client) == seqBefore)
        let search = try client.call(ProductSearch.self, .init(status: nil, limit: 1000))
        #expect(search.items.map(\.id) == [product.id])
        #expect(try client.call(ProductGet.self, .init(id: product.id)) == product)
    }
}
