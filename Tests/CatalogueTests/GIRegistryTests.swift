import ODOPMessages
import ODOPReference
import ODOPTesting
import Testing

@testable import Catalogue

@Suite("GI registry")
struct GIRegistryTests {
    /// The countries the registry file lists, written out by hand.
    static let foreignCountries: Set<String> = [
        "Chile", "Czech Republic", "France", "Germany", "Greece", "Ireland", "Italy", "Japan", "Mexico",
        "Peru", "Portugal", "Spain", "Thailand", "United Kingdom", "United States of America",
    ]
    /// Logo registrations spelled one letter differently from their word registration.
    static let spellingDuplicates: [(String, String)] = [
        ("Pochampalli Ikat", "Pochampally Ikat"),
        ("Brass Broidered Coconut Shell Crafts of Kerala", "Brass Broidered Coconut Shell Craft of Kerala"),
    ]

    static func registry() throws -> GIRegistry {
        try GIRegistry.parse(text: try SharedData.text(SharedData.giRegistryFile))
    }

    @Test func countsMatchFiguresComputedFromTheRawFile() throws {
        let records = RawCSV.records(try SharedData.text(SharedData.giRegistryFile))
        let stateColumns = records[0].indices.filter { records[0][$0].hasPrefix("State") }
        let rows = records.dropFirst()
        let foreignRows = rows.filter { row in
            stateColumns.map { RawCSV.fold(row[$0]) }.contains { Self.foreignCountries.contains($0) }
        }
        let indianRows = rows.filter { row in
            !stateColumns.map { RawCSV.fold(row[$0]) }.contains { Self.foreignCountries.contains($0) }
        }
        // Distinct Indian names: lowercased, white space folded, "(Logo )" marker removed.
        let names = Set(
            indianRows.map { row in
                RawCSV.fold(row[1].lowercased().replacingOccurrences(of: "(logo )", with: ""))
            })
        for (a, b) in Self.spellingDuplicates {
            #expect(names.contains(a.lowercased()) && names.contains(b.lowercased()), "stale pair \(a)")
        }
        let distinctIndianGIs = names.count - Self.spellingDuplicates.count

        #expect(rows.count == 696)
        #expect(foreignRows.count == 39)
        #expect(indianRows.count == 657)
        #expect(names.count == 632)
        #expect(distinctIndianGIs == 630)

        let registry = try Self.registry()
        #expect(registry.rowsRead == rows.count)
        #expect(registry.foreign.count == foreignRows.count)
        #expect(registry.entries.count == distinctIndianGIs)
        #expect(registry.collapsed.count == indianRows.count - distinctIndianGIs)
        #expect(registry.warnings.isEmpty)
        print(
            "GI registry: \(registry.rowsRead) rows, \(registry.foreign.count) foreign, "
                + "\(registry.collapsed.count) word/logo duplicates collapsed, \(registry.entries.count) Indian GIs")
    }

    @Test func foreignGIsAreExcluded() throws {
        let registry = try Self.registry()
        let foreignNames = Set(registry.foreign.map(\.name))
        #expect(foreignNames.isSuperset(of: ["Champangne", "Scotch Whisky", "Tequila", "Peruvian Pisco", "Münchener Bier"]))
        for name in ["Champangne", "Scotch Whisky", "Tequila", "Chianti"] {
            #expect(!registry.entries.contains { $0.name == name })
        }
        #expect(registry.foreign.first?.reason == #"no Indian state or union territory ("Peru")"#)
    }

    @Test func wordAndLogoDuplicatesCollapse() throws {
        let registry = try Self.registry()
        let banaras = registry.entries.filter { $0.name == "Banaras Brocades and Sarees" }
        #expect(banaras.count == 1)
        #expect(banaras.first?.serialNumbers == [110, 193])
        let bagh = registry.entries.filter { $0.name.hasPrefix("Bagh Prints of Madhya Pradesh") }
        #expect(bagh.map(\.name) == ["Bagh Prints of Madhya Pradesh"])
        let pochampalli = try #require(registry.entries.first { $0.name == "Pochampalli Ikat" })
        #expect(pochampalli.alternativeNames == ["Pochampally Ikat"])
        #expect(pochampalli.goods == .handicraft)
        #expect(!registry.entries.contains { $0.name == "Pochampally Ikat" })
        #expect(
            registry.entries.filter { $0.name.hasPrefix("Bell Metal Ware of Datia") }.map(\.name)
                == ["Bell Metal Ware of Datia and Tikamgarh"])
        let bastar = try #require(registry.entries.first { $0.name == "Bastar Dhokra" })
        #expect(bastar.states.map(\.code) == ["CG"])
        #expect(bastar.lines.count == 2)
        // Distinct GIs that look alike are not collapsed.
        #expect(registry.entries.contains { $0.name == "Monsooned Malabar Arabica Coffee" })
        #expect(registry.entries.contains { $0.name == "Monsooned Malabar Robusta Coffee" })
        #expect(registry.entries.contains { $0.name == "Sambhal Horn Craft" })
    }

    @Test func goodsLabelsNormaliseAndMultiStateGIsKeepAllStates() throws {
        let registry = try Self.registry()
        #expect(registry.entries.allSatisfy { $0.goods != nil })
        #expect(Set(registry.entries.compactMap(\.goods)) == Set(GIGoodsClass.allCases))
        let basmati = try #require(registry.entries.first { $0.name == "Basmati" })
        #expect(basmati.states.map(\.code) == ["PB", "HR", "HP", "DL", "UK", "UP", "JK"])
        let warli = try #require(registry.entries.first { $0.name == "Warli Painting" })
        #expect(Set(warli.states.map(\.code)) == ["MH", "GJ", "DH"])
        #expect(registry.entries.filter { $0.states.count > 1 }.count == 17)
    }

    @Test(
        arguments: [
            ("Moradabad Metal Craft", "Uttar Pradesh", nil, "Moradabad Metal Craft"),
            ("Firozabad Glass", "Uttar Pradesh", nil, "Firozabad Glass"),
            ("Kannauj Perfume", "Uttar Pradesh", nil, "Kannauj Perfume"),
            ("Banaganapalle Mangoes", "Telangana", nil, "Banaganapalle Mangoes"),
            ("Banaganapalli Mangoes", "Andhra Pradesh", nil, "Banaganapalle Mangoes"),
            ("Mango (Banaganapalle)", "Telangana", nil, "Banaganapalle Mangoes"),
            ("Pochampalli Ikat", "Telangana", nil, "Pochampalli Ikat"),
            ("Pochampally Ikat", "Telangana", nil, "Pochampalli Ikat"),
            ("Pochampali Ikat", "Telangana", nil, "Pochampalli Ikat"),
            ("moradabad  metal-craft", "Uttar Pradesh", nil, "Moradabad Metal Craft"),
            ("Basmati (Rice)", "Punjab", nil, "Basmati"),
            ("Shawl-Kullu", "Himachal Pradesh", nil, "Kullu Shawl"),
            ("Turmeric", "Maharashtra", "Sangli", "Sangli Turmeric"),
            ("Batik print", "Madhya Pradesh", "Ujjain", "Ujjain Batik Print"),
            ("Channapatna Toys", "Karnataka", nil, "Channapatna Toys & Dolls"),
            ("Lucknow Chikan Craft & Lucknow Zardozi", "Uttar Pradesh", nil, "Lucknow Chikan Craft"),
            ("Banaras Brocades and Sarees", "Uttar Pradesh", nil, "Banaras Brocades and Sarees"),
            ("Tea", "West Bengal", "Darjeeling", "Darjeeling Tea"),
            ("Sambhal Bone Craft", "Uttar Pradesh", nil, "Sambhal Bone Craft"),
            ("Sambhal Horn Craft", "Uttar Pradesh", nil, "Sambhal Horn Craft"),
        ] as [(String, String, String?, String)])
    func matches(product: String, state: String, district: String?, gi: String) throws {
        let registry = try Self.registry()
        let state = try #require(StateDirectory.resolve(state))
        #expect(registry.match(productName: product, state: state, district: district)?.name == gi, "\(product)")
    }

    @Test(
        arguments: [
            ("Rice", "Punjab", nil), ("Rice", "Uttar Pradesh", "Siddharthnagar"), ("Mango", "Uttar Pradesh", "Lucknow"),
            ("Mango", "West Bengal", "Malda"), ("Mango", "Gujarat", nil), ("Tea", "West Bengal", "Kolkata"),
            ("Silk", "Karnataka", nil), ("Basmati Rice", "Madhya Pradesh", "Raisen"), ("Metal Craft", "Uttar Pradesh", nil),
            ("Moradabad Metal Craft", "Bihar", nil), ("Leather Goods", "West Bengal", "Kolkata"),
            ("Wooden Crafts", "Uttar Pradesh", "Bijnor"), ("Stone Carving", "Odisha", "Jajpur"), ("Orange", "Arunachal Pradesh", nil),
            ("Champagne", "Goa", nil), ("", "Goa", nil), ("Orange", "Arunachal Pradesh", "East Kameng"),
        ] as [(String, String, String?)])
    func noSillyMatches(product: String, state: String, district: String?) throws {
        let registry = try Self.registry()
        let state = try #require(StateDirectory.resolve(state))
        let match = registry.bestMatch(productName: product, state: state, district: district)
        #expect(match == nil, "\(product) matched \(match?.entry.name ?? "")")
    }
}

@Suite("GI reconciliation")
struct GIReconciliationTests {
    @Test("the rule: a No flag with a registry match, or a Yes flag without one, disagree")
    func rule() {
        #expect(GIReconciliation.kind(listedGI: false, registered: true) == .registeredButFlaggedNo)
        #expect(GIReconciliation.kind(listedGI: true, registered: false) == .flaggedYesButUnconfirmed)
        #expect(GIReconciliation.kind(listedGI: true, registered: true) == nil)
        #expect(GIReconciliation.kind(listedGI: false, registered: false) == nil)
        #expect(GIReconciliation.Kind.allCases.map(\.rawValue) == ["flag_no_but_registered", "flag_yes_but_unconfirmed"])
    }

    @Test("gi.discrepancies over the real list and registry reports the flags that disagree with the registry")
    func flagsThatDisagreeWithTheRegistryAreReported() async throws {
        let csv = try SharedData.text(SharedData.odopListFile)
        let registryPath = SharedData.directory.appendingPathComponent(SharedData.giRegistryFile).path
        let catalogue = try InProcessService(try CatalogueService(giRegistryPath: registryPath))
        do {
            try check(catalogue, csv: csv)
        } catch {
            await catalogue.stop()
            throw error
        }
        await catalogue.stop()
    }

    private func check(_ catalogue: InProcessService, csv: String) throws {
        let client = try catalogue.makeClient(timeout: .seconds(60), retries: 0)
        _ = try client.call(ProductsImport.self, .init(csv: csv))
        let result = try client.call(GIDiscrepancies.self, NoArguments())

        let registeredButNo = result.items.filter { $0.kind == "flag_no_but_registered" }
        #expect(
            Set(registeredButNo.map { "\($0.district)/\($0.name)" }) == [
                "Moradabad/Moradabad Metal Craft",
                "Yadadri Bhuvanagiri/Pochampalli Ikat",
                "Nagarkurnool/Banaganapalle Mangoes",
                "Sambalpur/Sambalpuri Bandha Saree",
                "Boudh/Berhampur Patta (Phoda Kumbha) Saree",
            ])
        let moradabad = try #require(registeredButNo.first { $0.name == "Moradabad Metal Craft" })
        #expect(moradabad.registryName == "Moradabad Metal Craft" && !moradabad.listedGI)
        #expect(result.registeredButNotFlagged == registeredButNo.count)

        // Yes flags counted from the raw file by the test itself: each is confirmed by a
        // registry match or reported as unconfirmed.
        let records = RawCSV.records(csv)
        let giColumn = try #require(records[0].firstIndex(of: "GI Status"))
        let yesRows = records.dropFirst().filter { RawCSV.fold($0[giColumn]).lowercased() == "yes" }.count
        #expect(yesRows == 256)
        var flaggedYes: [ProductRecord] = []
        while true {
            let page = try client.call(ProductSearch.self, .init(gi: true, limit: ProductSearch.maximumLimit, offset: flaggedYes.count))
            flaggedYes += page.items
            if page.items.isEmpty || flaggedYes.count >= page.total { break }
        }
        #expect(flaggedYes.count == yesRows)
        let unconfirmed = result.items.filter { $0.kind == "flag_yes_but_unconfirmed" }
        #expect(Set(unconfirmed.map(\.productId)) == Set(flaggedYes.filter { $0.giRegistry == nil }.map(\.id)))
        #expect(unconfirmed.allSatisfy { $0.listedGI && $0.registryName == nil })
        #expect(result.flaggedButUnconfirmed == unconfirmed.count)
        #expect(registeredButNo.count + unconfirmed.count == result.items.count)
        #expect(unconfirmed.contains { $0.name == "Silk Products" && $0.district == "Varanasi" })
    }
}
