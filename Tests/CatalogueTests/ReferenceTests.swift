import ODOPReference
import Testing

@testable import Catalogue

@Suite("StateDirectory")
struct StateDirectoryTests {
    /// ISO 3166-2:IN code → LGD name, written out here independently of the directory.
    static let expected: [String: String] = [
        "AN": "Andaman and Nicobar Islands", "AP": "Andhra Pradesh", "AR": "Arunachal Pradesh",
        "AS": "Assam", "BR": "Bihar", "CH": "Chandigarh", "CG": "Chhattisgarh",
        "DH": "Dadra and Nagar Haveli and Daman and Diu", "DL": "Delhi", "GA": "Goa", "GJ": "Gujarat",
        "HR": "Haryana", "HP": "Himachal Pradesh", "JK": "Jammu and Kashmir", "JH": "Jharkhand",
        "KA": "Karnataka", "KL": "Kerala", "LA": "Ladakh", "LD": "Lakshadweep", "MP": "Madhya Pradesh",
        "MH": "Maharashtra", "MN": "Manipur", "ML": "Meghalaya", "MZ": "Mizoram", "NL": "Nagaland",
        "OD": "Odisha", "PY": "Puducherry", "PB": "Punjab", "RJ": "Rajasthan", "SK": "Sikkim",
        "TN": "Tamil Nadu", "TS": "Telangana", "TR": "Tripura", "UP": "Uttar Pradesh",
        "UK": "Uttarakhand", "WB": "West Bengal",
    ]
    static let unionTerritories: Set<String> = ["AN", "CH", "DH", "DL", "JK", "LA", "LD", "PY"]

    @Test func thirtySixStatesAndUnionTerritoriesWithLGDNamesAndISOCodes() {
        #expect(StateDirectory.all.count == 36)
        #expect(Set(StateDirectory.all.map(\.code)).count == 36)
        #expect(Dictionary(uniqueKeysWithValues: StateDirectory.all.map { ($0.code, $0.name) }) == Self.expected)
        #expect(Set(StateDirectory.all.filter { $0.kind == .unionTerritory }.map(\.code)) == Self.unionTerritories)
        #expect(StateDirectory.all.filter { $0.kind == .state }.count == 28)
        #expect(StateDirectory.all.map(\.name) == StateDirectory.all.map(\.name).sorted())
        #expect(StateDirectory.resolve("Uttar Pradesh")?.isoCode == "IN-UP")
    }

    @Test func everyNameAndAliasResolvesToItsOwnEntry() {
        for state in StateDirectory.all {
            #expect(StateDirectory.resolve(state.name) == state, "\(state.name)")
            for alias in state.aliases {
                #expect(StateDirectory.resolve(alias) == state, "\(alias) → \(state.name)")
            }
        }
    }

    @Test(arguments: [
        // The ODOP CSV's two-line cell.
        ("Dadra & Nagar Haveli (UT)\nDaman & Diu (UT)", "DH"),
        // The GI registry's spellings.
        ("Chattisgarh", "CG"), ("Tamilnadu", "TN"), ("Uttar Predesh", "UP"), ("Uttarkhand", "UK"),
        ("Jammu & Kashmir (UT)", "JK"), ("Jammu & Kashmir", "JK"), ("Ladakh (UT)", "LA"),
        ("Pondicherry", "PY"), ("Dadara & Nagar Haveli", "DH"), ("Daman Diu", "DH"), ("Orissa", "OD"),
        // Folding: case, spaces, newlines, &, (UT), a leading "The", NCT of Delhi.
        ("  uttar   PRADESH ", "UP"), ("andaman & nicobar islands (ut)", "AN"),
        ("The Dadra and Nagar Haveli and Daman and Diu", "DH"), ("Tamil\nNadu", "TN"),
        ("NCT of Delhi", "DL"), ("Delhi", "DL"), ("Uttaranchal", "UK"), ("Odisha", "OD"),
    ])
    func resolvesSpellings(raw: String, code: String) {
        #expect(StateDirectory.resolve(raw)?.code == code, "\(raw)")
    }

    @Test(arguments: ["", "   ", "France", "United Kingdom", "Atlantis", "Uttar", "Pradesh", "Daman and", "UP", "IN-UP"])
    func unknownNamesDoNotResolve(raw: String) {
        #expect(StateDirectory.resolve(raw) == nil, "\(raw)")
    }

    @Test func codesResolveOnlyThroughStateCode() {
        #expect(StateDirectory.state(code: "up")?.name == "Uttar Pradesh")
        #expect(StateDirectory.state(code: "IN-DH")?.name == "Dadra and Nagar Haveli and Daman and Diu")
        #expect(StateDirectory.state(code: "CT") == nil)  // pre-2023 code for Chhattisgarh
    }

    @Test func everyStateValueInTheODOPListResolves() throws {
        let records = RawCSV.records(try SharedData.text(SharedData.odopListFile))
        let column = try #require(records[0].firstIndex(of: "State"))
        let values = Set(records.dropFirst().map { $0[column] })
        #expect(values.count == 36)
        var resolved: Set<String> = []
        for value in values {
            let state = StateDirectory.resolve(value)
            #expect(state != nil, "unresolved ODOP state \(value.debugDescription)")
            if let state { resolved.insert(state.code) }
        }
        #expect(resolved.count == 36)
    }

    @Test func everyIndianStateValueInTheGIRegistryResolves() throws {
        let records = RawCSV.records(try SharedData.text(SharedData.giRegistryFile))
        let stateColumns = records[0].indices.filter { records[0][$0].hasPrefix("State") }
        #expect(stateColumns.count == 7)
        let values = Set(records.dropFirst().flatMap { record in stateColumns.map { record[$0] } })
            .map(RawCSV.fold).filter { !$0.isEmpty }
        for value in values where !GIRegistryTests.foreignCountries.contains(value) {
            #expect(StateDirectory.resolve(value) != nil, "unresolved GI state \(value.debugDescription)")
        }
        for country in GIRegistryTests.foreignCountries {
            #expect(values.contains(country), "\(country) listed in the test but not in the file")
            #expect(StateDirectory.resolve(country) == nil, "\(country)")
        }
    }
}

@Suite("Sector, category, GI status, goods class")
struct EnumerationTests {
    @Test(arguments: [
        ("Agriculture", Sector.agriculture), ("agricultural", .agriculture), ("Dairy", .dairy), ("dairy", .dairy),
        ("Food Processing", .foodProcessing), ("Food processing", .foodProcessing), ("food  processing", .foodProcessing),
        ("Handicraft", .handicraft), ("handicraft", .handicraft), ("Handicrafts", .handicraft),
        ("Handloom", .handloom), ("handlooms", .handloom), ("Manufacturing", .manufacturing),
        ("Marine", .marine), ("Textile", .textile), ("textile ", .textile), ("Textiles", .textile),
        ("Others", .others), ("other", .others), (" HANDLOOMS\n", .handloom),
    ])
    func sectorSpellings(raw: String, sector: Sector) {
        #expect(Sector(parsing: raw) == sector, "\(raw.debugDescription)")
    }

    @Test(arguments: ["", "  ", "Food", "Handi craft", "Spaceships", "Agro", "fisheries", "textile products"])
    func unknownSectors(raw: String) {
        #expect(Sector(parsing: raw) == nil, "\(raw.debugDescription)")
    }

    @Test func sectorRawValuesAreTheStoredLowercaseNames() {
        #expect(
            Sector.allCases.map(\.rawValue) == [
                "agriculture", "dairy", "food processing", "handicraft", "handloom", "manufacturing", "marine",
                "textile", "others",
            ])
        for sector in Sector.allCases { #expect(Sector(parsing: sector.rawValue) == sector) }
    }

    @Test func everySectorValueInTheODOPListParses() throws {
        let records = RawCSV.records(try SharedData.text(SharedData.odopListFile))
        let column = try #require(records[0].firstIndex(of: "Sector"))
        for value in Set(records.dropFirst().map { $0[column] }) {
            #expect(Sector(parsing: value) != nil, "\(value.debugDescription)")
        }
    }

    @Test(arguments: [
        ("Primary", ProductCategory.primary), ("primary", .primary), ("Secondary ", .secondary),
        ("TERTIARY", .tertiary), ("Others", .others), ("other", .others), ("  secondary\t", .secondary),
    ])
    func categorySpellings(raw: String, category: ProductCategory) {
        #expect(ProductCategory(parsing: raw) == category)
    }

    @Test(arguments: ["", "Quaternary", "prime", "1"])
    func unknownCategories(raw: String) {
        #expect(ProductCategory(parsing: raw) == nil)
    }

    @Test(arguments: [
        ("No", false), ("Yes", true), ("no ", false), ("No ", false), ("NO ", false), ("yes", true),
        ("yes ", true), ("no", false), ("Yes ", true), ("Y", true), ("n", false),
    ])
    func giStatusSpellings(raw: String, flag: Bool) {
        #expect(GIStatus.parse(raw) == flag, "\(raw.debugDescription)")
    }

    @Test(arguments: ["", "maybe", "applied", "Yes/No", "N/A"])
    func unknownGIStatus(raw: String) {
        #expect(GIStatus.parse(raw) == nil)
    }

    @Test(arguments: [
        ("Handicraft", GIGoodsClass.handicraft), ("Handicrafts", .handicraft), ("Agricultural", .agricultural),
        ("Agriculture", .agricultural), ("Food Stuff", .foodstuff), ("Food stuff", .foodstuff),
        ("Natural", .naturalGoods), ("Natural Goods", .naturalGoods), ("Manufactured", .manufactured),
    ])
    func goodsClassLabels(raw: String, goods: GIGoodsClass) {
        #expect(GIGoodsClass(parsing: raw) == goods)
    }

    @Test func goodsClassRawValuesAreLowercaseAndLabelsParseBack() {
        #expect(
            GIGoodsClass.allCases.map(\.rawValue)
                == ["agricultural", "handicraft", "manufactured", "foodstuff", "natural goods"])
        for goods in GIGoodsClass.allCases {
            #expect(GIGoodsClass(parsing: goods.rawValue) == goods)
            #expect(GIGoodsClass(parsing: goods.label) == goods)
        }
        #expect(GIGoodsClass(parsing: "Textiles") == nil)
    }
}

@Suite("Ministry")
struct MinistryTests {
    /// Every distinct raw value of the ODOP list's `Ministry/ Department` column and its canonical name.
    static let table: [String: String] = [
        "DC Handicraft": "Development Commissioner (Handicrafts)",
        "DC Handicrafts": "Development Commissioner (Handicrafts)",
        "DC handicraft": "Development Commissioner (Handicrafts)",
        "DC Handloom": "Development Commissioner (Handlooms)",
        "Department of Chemicals and Petrochemicals": "Department of Chemicals and Petrochemicals",
        "Department of Fisheries": "Department of Fisheries",
        "Department of fisheries": "Department of Fisheries",
        "Department of Industries": "Department of Industries",
        "Department of Pharmaceuticals": "Department of Pharmaceuticals",
        "Department of geology": "Department of Geology",
        "MSME": "Ministry of MSME",
        "MSME ": "Ministry of MSME",
        "Ministry of MSME": "Ministry of MSME",
        "MeitY": "Ministry of Electronics and Information Technology",
        "Ministry of Agriculture & Farmers Welfare": "Ministry of Agriculture and Farmers Welfare",
        "Ministry of Agriculture & Farmers' Welfare": "Ministry of Agriculture and Farmers Welfare",
        "Ministry of Ayush": "Ministry of Ayush",
        "Ministry of Chemicals & Fertilizers": "Ministry of Chemicals and Fertilizers",
        "Ministry of Commerce and Industry.": "Ministry of Commerce and Industry",
        "Ministry of Fisheries, Animal Husbandry and Dairying": "Ministry of Fisheries, Animal Husbandry and Dairying",
        "Ministry of Food Processing": "Ministry of Food Processing Industries",
        "Ministry of Food Processing Industries": "Ministry of Food Processing Industries",
        "Ministry of Food Processing Industries.": "Ministry of Food Processing Industries",
        "Ministry of Petroleum & Natural Gas": "Ministry of Petroleum and Natural Gas",
        "Ministry of Textile": "Ministry of Textiles",
        "Ministry of Textiles": "Ministry of Textiles",
        "Ministry of Tourism": "Ministry of Tourism",
        "Ministry of mines": "Ministry of Mines",
        "Minsitry of Textile": "Ministry of Textiles",
        "Minstry of Heavy Industries ": "Ministry of Heavy Industries",
    ]

    @Test func everyRawValueInTheFileIsInTheTableAndMapsAsListed() throws {
        let records = RawCSV.records(try SharedData.text(SharedData.odopListFile))
        let column = try #require(records[0].firstIndex(of: "Ministry/ Department"))
        let values = Set(records.dropFirst().map { $0[column] })
        #expect(values == Set(Self.table.keys))
        for (raw, canonical) in Self.table {
            #expect(Ministry.canonicalName(for: raw) == canonical, "\(raw.debugDescription)")
            #expect(Ministry.normalise(raw) == canonical)
        }
        #expect(Set(Self.table.values).count == 20)
    }

    @Test func normalisingIsIdempotentAndCanonicalNamesAreListed() {
        for canonical in Set(Self.table.values) {
            #expect(Ministry.normalise(canonical) == canonical)
            #expect(Ministry.canonicalNames.contains(canonical))
        }
    }

    @Test func unknownValuesAreKeptTrimmedAndFolded() {
        #expect(Ministry.canonicalName(for: "Ministry of Space") == nil)
        #expect(Ministry.normalise("  Ministry of \n  Space ") == "Ministry of Space")
        #expect(Ministry.normalise("") == "")
    }
}
