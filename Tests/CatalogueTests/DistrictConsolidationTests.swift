import ODOPReference
import Testing

@testable import Catalogue

@Suite("District spelling rule")
struct DistrictSpellingTests {
    @Test(arguments: [
        ("Belagavi", "Belagavi (Belgaum)"), ("Shivamogga", "Shivamogga (Shimoga)"), ("Davanagere", "Davangere"),
        ("Kachch", "Kachchh"), ("Khurda", "Khurdha"), ("Karimnagar", "Karimnager"), ("Dharampuri", "Dharmapuri"),
        ("Dr BR Ambedkar Konaseema", "Dr. B. R. Ambedkar Konaseema"), ("Chikkballapur", "Chikkaballapura"),
        ("Bengaluru (Bangalore) Urban", "Bengaluru Urban"), ("Ballari (Bellary)", "Ballary"),
        ("Anantapuram (Anantapur)", "Ananthpuram (Anantapur)"), ("Chamarajanagar", "Chamarajanagara"),
    ])
    func variants(a: String, b: String) {
        #expect(DistrictSpelling(a).isVariant(of: DistrictSpelling(b)))
        #expect(DistrictSpelling(b).isVariant(of: DistrictSpelling(a)))
    }

    @Test(arguments: [
        ("Kandhamal", "Kalahandi"), ("Hooghly", "Howrah"), ("Warangal Rural", "Warangal Urban (Hanumakonda)"),
        ("Kamrup (M)", "Kamrup(R)"), ("East Siang", "West Siang"), ("Ranga Reddy", "Sangareddy"),
        ("North Goa", "South Goa"), ("Etah", "Etawah"), ("Mewat", "Bhagalpur"), ("Nalanda", "Nawada"),
    ])
    func notVariants(a: String, b: String) {
        #expect(!DistrictSpelling(a).isVariant(of: DistrictSpelling(b)))
        #expect(!DistrictSpelling(b).isVariant(of: DistrictSpelling(a)))
    }

    @Test func baseNameAndKey() {
        let spelling = DistrictSpelling("  Bengaluru (Bangalore)   Urban ")
        #expect(spelling.text == "Bengaluru (Bangalore) Urban")
        #expect(spelling.baseName == "Bengaluru Urban")
        #expect(spelling.comparisonKey == "bengaluruurban")
        #expect(spelling.qualifiers == ["urban"])
        #expect(DistrictSpelling("Kamrup (M)").baseName == "Kamrup (M)")
    }
}

@Suite("DistrictConsolidation")
struct DistrictConsolidationTests {
    static func row(_ line: Int, _ state: String, _ district: String, _ code: Int?, product: String = "P") -> ODOPListRow {
        ODOPListRow(
            line: line, state: StateDirectory.resolve(state)!, districtName: district, lgdCode: code,
            productName: product, category: nil, sector: .others, description: "", giFlag: nil,
            ministry: nil, photoURL: nil
        )
    }

    @Test func sameCodeVariantsMergeAndSharedCodesStayApart() {
        let rows = [
            Self.row(2, "Karnataka", "Belagavi (Belgaum)", 527),
            Self.row(3, "Karnataka", "Belagavi", 527),
            Self.row(4, "Karnataka", "Belagavi", 527, product: "Q"),
            Self.row(5, "Odisha", "Kandhamal", 358),
            Self.row(6, "Odisha", "Kalahandi", 358),
            Self.row(7, "West Bengal", "Hooghly", 312),
            Self.row(8, "West Bengal", "Howrah", 312),
            Self.row(9, "West Bengal", "Howrah", 313),
            Self.row(10, "Haryana", "Mewat", 192),
            Self.row(11, "Bihar", "Bhagalpur", 192),
            Self.row(12, "Goa", "North Goa", nil),
            Self.row(13, "Goa", "north  goa", 551),
            Self.row(14, "Karnataka", "Belgavi", 999),  // a variant spelling under another code: not merged
        ]
        let consolidation = DistrictConsolidation(rows: rows)
        let names = consolidation.districts.map { "\($0.state.code)/\($0.name)" }
        #expect(
            names == [
                "BR/Bhagalpur", "GA/North Goa", "HR/Mewat", "KA/Belagavi", "KA/Belgavi", "OD/Kalahandi",
                "OD/Kandhamal", "WB/Hooghly", "WB/Howrah",
            ])
        let belagavi = consolidation.district(for: rows[0])
        #expect(belagavi?.name == "Belagavi")
        #expect(belagavi?.aliases == ["Belagavi (Belgaum)"])
        #expect(consolidation.district(for: rows[1]) == belagavi)
        #expect(consolidation.district(for: rows[6])?.lgdCode == 313)  // Howrah under 312
        #expect(consolidation.district(for: rows[7]) == consolidation.district(for: rows[6]))  // and under 313
        #expect(consolidation.district(for: rows[5])?.lgdCode == 312)  // Hooghly
        #expect(consolidation.district(for: rows[11])?.lgdCode == 551)
        #expect(consolidation.district(for: rows[11])?.aliases == ["north goa"])
        #expect(consolidation.merges.map(\.canonicalName) == ["North Goa", "Belagavi", "Howrah"])
        #expect(consolidation.merges.last?.lgdCodes == [312, 313])
        #expect(consolidation.sharedCodes.map(\.code) == [192, 358])
    }

    @Test func canonicalNamePrefersMoreRowsThenLongerThenEarlier() {
        let consolidation = DistrictConsolidation(rows: [
            Self.row(2, "Odisha", "Khurda", 362), Self.row(3, "Odisha", "Khurdha", 362),
            Self.row(4, "Odisha", "Khurda", 362, product: "Q"),
            Self.row(5, "Gujarat", "Kachch", 449), Self.row(6, "Gujarat", "Kachchh", 449),
            Self.row(7, "Tamil Nadu", "Dharmapuri", 571), Self.row(8, "Tamil Nadu", "Dharampuri", 571),
        ])
        #expect(consolidation.districts.map(\.name) == ["Kachchh", "Khurda", "Dharmapuri"])
    }

    @Test func aCanonicalBaseNameNeverTakesAnotherDistrictsName() {
        // "Foobar (Baz)" and "Foobarr" merge (code 1); a separate district is called "Foobar" (code 2),
        // so the merged one cannot take the base name "Foobar".
        let consolidation = DistrictConsolidation(rows: [
            Self.row(2, "Goa", "Foobar (Baz)", 1), Self.row(3, "Goa", "Foobarr", 1), Self.row(4, "Goa", "Foobar", 2),
        ])
        #expect(consolidation.districts.map(\.name) == ["Foobar", "Foobarr"])
        #expect(consolidation.districts.map(\.lgdCode) == [2, 1])
    }
}
