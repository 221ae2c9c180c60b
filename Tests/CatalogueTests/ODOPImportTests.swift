import Foundation
import ODOPReference
import Testing

@testable import Catalogue

/// The same-code spelling variants in the real file, written out by hand:
/// (state as in the file, LGD code, spelling, other spelling, expected canonical name).
let knownVariantPairs: [(state: String, code: String, a: String, b: String, canonical: String)] = [
    ("Andhra Pradesh", "502", "Anantapuram (Anantapur)", "Ananthpuram (Anantapur)", "Anantapuram"),
    ("Andhra Pradesh", "747", "Dr BR Ambedkar Konaseema", "Dr. B. R. Ambedkar Konaseema", "Dr BR Ambedkar Konaseema"),
    ("Gujarat", "449", "Kachch", "Kachchh", "Kachchh"),
    ("Karnataka", "525", "Bengaluru (Bangalore) Urban", "Bengaluru Urban", "Bengaluru Urban"),
    ("Karnataka", "527", "Belagavi", "Belagavi (Belgaum)", "Belagavi"),
    ("Karnataka", "528", "Ballari (Bellary)", "Ballary", "Ballari"),
    ("Karnataka", "531", "Chamarajanagar", "Chamarajanagara", "Chamarajanagara"),
    ("Karnataka", "532", "Chikkamagaluru", "Chikkamagaluru (Chikmagalur)", "Chikkamagaluru"),
    ("Karnataka", "535", "Davanagere", "Davangere", "Davanagere"),
    ("Karnataka", "547", "Shivamogga", "Shivamogga (Shimoga)", "Shivamogga"),
    ("Karnataka", "630", "Chikkaballapura", "Chikkballapur", "Chikkaballapura"),
    ("Odisha", "362", "Khurda", "Khurdha", "Khurda"),
    ("Tamil Nadu", "571", "Dharampuri", "Dharmapuri", "Dharmapuri"),
    ("Telangana", "508", "Karimnagar", "Karimnager", "Karimnagar"),
]

/// Distinct districts the file gives one code by mistake: (state, name, state, name, code).
let knownSharedCodes: [(stateA: String, a: String, stateB: String, b: String, code: Int)] = [
    ("Odisha", "Kandhamal", "Odisha", "Kalahandi", 358),
    ("West Bengal", "Hooghly", "West Bengal", "Howrah", 312),
    ("Haryana", "Mewat", "Bihar", "Bhagalpur", 192),
    ("Maharashtra", "Aurangabad", "Chhattisgarh", "Dhamtari", 377),
    ("Chhattisgarh", "Kanker", "Madhya Pradesh", "Mandla", 415),
    ("Chhattisgarh", "Raipur", "Maharashtra", "Osmanabad", 387),
    ("Tamil Nadu", "Erode", "Mizoram", "Kolasib", 573),
    ("Telangana", "Warangal Rural", "Telangana", "Warangal Urban (Hanumakonda)", 522),
]

/// Figures computed from the raw file by the test's own simple code (no Catalogue code involved).
struct IndependentFigures {
    var rowsRead = 0
    var stateNames: Set<String> = []
    var distinctTriples = 0
    var districts = 0
    var merges = 0
    var products = 0
    var productsBySector: [String: Int] = [:]
    var productsByState: [String: Int] = [:]
    var distinctDistrictNames = 0
    var distinctCodes = 0

    init(csv: String) throws {
        let records = RawCSV.records(csv)
        let header = records[0]
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let state = try column("State")
        let district = try column("District")
        let code = try column("LGD Code")
        let product = try column("Product")
        let sector = try column("Sector")
        let rows = records.dropFirst()
        rowsRead = rows.count

        // The one state cell that is not an LGD name, mapped by hand.
        let lgdName = { (raw: String) -> String in
            raw == "Dadra & Nagar Haveli (UT)\nDaman & Diu (UT)" ? "Dadra and Nagar Haveli and Daman and Diu" : raw
        }
        stateNames = Set(rows.map { lgdName($0[state]) })

        var triples: Set<[String]> = []
        for row in rows { triples.insert([row[state], row[code], RawCSV.fold(row[district])]) }
        distinctTriples = triples.count
        distinctDistrictNames = Set(triples.map { [$0[0], $0[2]] }).count
        distinctCodes = Set(triples.map { $0[1] }).count
        for pair in knownVariantPairs {
            #expect(triples.contains([pair.state, pair.code, pair.a]), "stale pair \(pair.a)")
            #expect(triples.contains([pair.state, pair.code, pair.b]), "stale pair \(pair.b)")
        }
        // The same name in one state under several codes is one district.
        var codesByName: [[String]: Set<String>] = [:]
        for triple in triples { codesByName[[triple[0], triple[2].lowercased()], default: []].insert(triple[1]) }
        let extraCodes = codesByName.values.map { $0.count - 1 }.reduce(0, +)
        let namesUnderSeveralCodes = codesByName.values.filter { $0.count > 1 }.count
        districts = distinctTriples - knownVariantPairs.count - extraCodes
        merges = knownVariantPairs.count + namesUnderSeveralCodes

        // Product identity: district (variant pairs by code, others by name) + lowercased product.
        let pairCodes = Set(knownVariantPairs.map { [$0.state, $0.code] })
        var sectorOfProduct: [String: String] = [:]
        var stateOfProduct: [String: String] = [:]
        for row in rows {
            let districtID =
                pairCodes.contains([row[state], row[code]])
                ? "code:" + row[code] : "name:" + RawCSV.fold(row[district]).lowercased()
            let key = [row[state], districtID, RawCSV.fold(row[product]).lowercased()].joined(separator: "|")
            if sectorOfProduct[key] == nil {
                var label = RawCSV.fold(row[sector]).lowercased()
                if label != "others" && label.hasSuffix("s") { label.removeLast() }
                sectorOfProduct[key] = label
                stateOfProduct[key] = lgdName(row[state])
            }
        }
        products = sectorOfProduct.count
        for label in sectorOfProduct.values { productsBySector[label, default: 0] += 1 }
        for name in stateOfProduct.values { productsByState[name, default: 0] += 1 }
    }
}

@Suite("ODOP import of the real file")
struct ODOPImportRealDataTests {
    @Test func countsMatchFiguresComputedIndependentlyFromTheRawFile() throws {
        let csv = try SharedData.text(SharedData.odopListFile)
        let expected = try IndependentFigures(csv: csv)
        let plan = try ODOPImport.plan(csvText: csv)

        // The independent figures themselves, as documented in shared/data/SOURCES.md.
        #expect(expected.rowsRead == 1241)
        #expect(expected.stateNames.count == 36)
        #expect(expected.distinctDistrictNames == 787)
        #expect(expected.distinctCodes == 766)

        #expect(plan.rowsRead == expected.rowsRead)
        #expect(plan.rejected.isEmpty)
        #expect(Set(plan.states.map(\.name)) == expected.stateNames)
        #expect(plan.districts.count == expected.districts)
        #expect(plan.merges.count == expected.merges)
        #expect(plan.products.count == expected.products)
        #expect(plan.duplicates.count == expected.rowsRead - expected.products)
        var bySector: [String: Int] = [:]
        for product in plan.products { bySector[product.sector.rawValue, default: 0] += 1 }
        #expect(bySector == expected.productsBySector)
        var byState: [String: Int] = [:]
        for product in plan.products { byState[product.state.name, default: 0] += 1 }
        #expect(byState == expected.productsByState)

        // Headline figures (reported in the hand-over).
        #expect(expected.distinctTriples == 788)
        #expect(expected.districts == 773)
        #expect(expected.merges == 15)
        #expect(expected.products == 1241)
        #expect(
            expected.productsBySector == [
                "agriculture": 418, "dairy": 10, "food processing": 122, "handicraft": 252, "handloom": 101,
                "manufacturing": 173, "marine": 32, "textile": 104, "others": 29,
            ])
        print(
            "ODOP import: rows \(plan.rowsRead), states \(plan.states.count), districts \(plan.districts.count), "
                + "merges \(plan.merges.count), products \(plan.products.count), by sector \(bySector.sorted { $0.key < $1.key })")
    }

    @Test func everyKnownVariantPairMergesUnderTheDocumentedCanonicalName() throws {
        let plan = try ODOPImport.plan(csvText: try SharedData.text(SharedData.odopListFile))
        for pair in knownVariantPairs {
            let state = try #require(StateDirectory.resolve(pair.state))
            let matching = plan.districts.filter { district in
                district.state == state && ([district.name] + district.aliases).contains(pair.a)
            }
            #expect(matching.count == 1, "\(pair.a)")
            let district = try #require(matching.first)
            #expect(([district.name] + district.aliases).contains(pair.b), "\(pair.a) / \(pair.b) not merged")
            #expect(district.name == pair.canonical)
            #expect(district.lgdCode == Int(pair.code))
        }
        for merge in plan.merges { print("merge: \(merge)") }
        let mergedSpellings = Set(plan.merges.filter { $0.spellings.count > 1 }.map { Set($0.spellings) })
        #expect(mergedSpellings == Set(knownVariantPairs.map { Set([$0.a, $0.b]) }))
    }

    @Test func knownSharedCodePairsStayApartAndHowrahIsOneDistrictUnder313() throws {
        let plan = try ODOPImport.plan(csvText: try SharedData.text(SharedData.odopListFile))
        func district(_ stateName: String, _ name: String) throws -> PlannedDistrict {
            let state = try #require(StateDirectory.resolve(stateName))
            return try #require(plan.districts.first { $0.state == state && $0.name == name }, "\(name)")
        }
        for pair in knownSharedCodes {
            let a = try district(pair.stateA, pair.a)
            let b = try district(pair.stateB, pair.b)
            #expect(a != b)
            #expect(!a.aliases.contains(pair.b) && !b.aliases.contains(pair.a))
        }
        let howrah = try district("West Bengal", "Howrah")
        #expect(howrah.lgdCode == 313)
        #expect(plan.districts.filter { $0.state.code == "WB" && $0.name == "Howrah" }.count == 1)
        #expect(try district("West Bengal", "Hooghly").lgdCode == 312)
        #expect(plan.sharedCodes.map(\.code) == knownSharedCodes.map(\.code).filter { $0 != 312 }.sorted())
        for shared in plan.sharedCodes {
            print("shared LGD code \(shared.code): " + shared.districts.map { "\($0.state.name)/\($0.name)" }.joined(separator: ", "))
        }
    }

    @Test func planIsDeterministicAndFast() throws {
        let csv = try SharedData.text(SharedData.odopListFile)
        let clock = ContinuousClock()
        var first: ImportPlan?
        let elapsed = try clock.measure { first = try ODOPImport.plan(csvText: csv) }
        let second = try ODOPImport.plan(csvText: csv)
        #expect(first == second)
        #expect(second.districts == second.districts.sorted { DistrictConsolidation.precedes($0, $1) })
        // Debug builds are several times slower than release; this bound only catches blow-ups.
        #expect(elapsed < .seconds(2))
        print("ODOPImport.plan on the full file: \(elapsed) (this build configuration)")
    }
}

@Suite("ODOP import on synthetic input")
struct ODOPImportSyntheticTests {
    static let header = "State,Product,District,LGD Code,Category,Sector,Description,GI Status,Photo,Ministry/ Department\n"

    @Test func rowsThatCollideAfterDistrictMergingFoldIntoOneProduct() throws {
        let text =
            Self.header
            + "Karnataka,Kunda,Belagavi (Belgaum),527,Primary,Food Processing,first,No,,\n"
            + "Karnataka,Kunda ,Belagavi,527,Secondary,Food Processing,second,No,,\n"
            + "Karnataka,Saree,Belagavi,527,Primary,Handloom,,Yes,,\n"
            + "Goa,Feni,North Goa,551,Primary,Spaceships,,No,,\n"
        let plan = try ODOPImport.plan(csvText: text)
        #expect(plan.rowsRead == 4)
        #expect(plan.districts.count == 1)
        #expect(plan.products.map(\.name) == ["Kunda", "Saree"])
        let kunda = plan.products[0]
        #expect(kunda.sourceLines == [2, 3])
        #expect(kunda.description == "first")
        #expect(kunda.category == .primary)
        #expect(kunda.district == "Belagavi")
        #expect(kunda.lgdCode == 527)
        #expect(kunda.key == ProductKey(state: StateDirectory.resolve("Karnataka")!, district: "belagavi", name: " KUNDA"))
        #expect(plan.duplicates.count == 1)
        #expect(plan.duplicates.first?.keptLine == 2)
        #expect(plan.duplicates.first?.foldedLines == [3])
        #expect(plan.duplicates.first?.differingColumns == ["District", "Category", "Description"])
        #expect(plan.rejected == [RowRejection(line: 5, reason: #"Sector: unknown sector "Spaceships""#)])
    }

    @Test func productKeyNormalisesCaseAndWhitespaceOnly() {
        let goa = StateDirectory.resolve("Goa")!
        #expect(
            ProductKey(state: goa, district: "North Goa", name: "Cashew  Feni ")
                == ProductKey(state: goa, district: " north goa", name: "cashew feni"))
        #expect(
            ProductKey(state: goa, district: "North Goa", name: "Basmati (Rice)")
                != ProductKey(state: goa, district: "North Goa", name: "Basmati Rice"))
        #expect(ProductKey.normalise("  Channapatna\u{A0} TOYS ") == "channapatna toys")
    }
}
