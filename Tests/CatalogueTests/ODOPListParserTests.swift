import ODOPReference
import Testing

@testable import Catalogue

@Suite("ODOPListParser")
struct ODOPListParserTests {
    static let header = "State,Product,District,LGD Code,Category,Sector,Description,GI Status,Photo,Ministry/ Department"

    @Test func cleansAnAcceptedRow() throws {
        let text =
            Self.header + "\n"
            + "\"Dadra & Nagar Haveli (UT)\nDaman & Diu (UT)\", Channapatna  Toys ,Dadra & Nagar Haveli,\u{A0}645 ,"
            + "Secondary , handicrafts ,\"  A toy.\nWith two lines.  \",yes ,https://example.invalid/p,Minsitry of Textile\n"
        let list = try ODOPListParser.parse(csvText: text)
        #expect(list.rowsRead == 1)
        #expect(list.rejections.isEmpty)
        let row = try #require(list.rows.first)
        #expect(row.line == 2)
        #expect(row.state.code == "DH")
        #expect(row.productName == "Channapatna Toys")
        #expect(row.districtName == "Dadra & Nagar Haveli")
        #expect(row.lgdCode == 645)
        #expect(row.category == .secondary)
        #expect(row.sector == .handicraft)
        #expect(row.description == "A toy.\nWith two lines.")
        #expect(row.giFlag == true)
        #expect(row.photoURL == "https://example.invalid/p")
        #expect(row.ministry == "Ministry of Textiles")
    }

    @Test func rejectsBadRowsWithLineNumbersAndReasonsNamingTheColumn() throws {
        let text =
            Self.header + "\n"
            + "Goa,Feni,North Goa,551,Primary,Food Processing,Cashew spirit,Yes,,Ministry of Food Processing\n"  // 2 ok
            + "Atlantis,Pearls,Deep,1,Primary,Marine,\"multi\nline\",No,,\n"  // 3-4 unknown state
            + "Goa,Feni,South Goa,552,Primary,Spaceships,x,No,,\n"  // 5 unknown sector
            + "Goa,  ,South Goa,552,Primary,Agriculture,x,No,,\n"  // 6 empty product
            + "Goa,Cashew,,552,Primary,Agriculture,x,No,,\n"  // 7 empty district
            + "Goa,Cashew,South Goa,abc,Quaternary,Agriculture,x,maybe,,\n"  // 8 code, category, GI
            + ",Cashew,South Goa,552,Primary,,x,No,,\n"  // 9 empty state, sector
            + ",,,,,,,,,\n"  // 10 empty row
            + "Goa,Cashew,South Goa,552,Primary,Agriculture,x,No,,,extra\n"  // 11 too many fields
            + "Goa,Cashew,South Goa,552,Primary,Agriculture,x,No,,,\n"  // 12 ok: empty extra field
        let list = try ODOPListParser.parse(csvText: text)
        #expect(list.rowsRead == 10)  // records, not lines: line 3-4 is one record
        #expect(list.rows.map(\.line) == [2, 12])
        let reasons = Dictionary(uniqueKeysWithValues: list.rejections.map { ($0.line, $0.reason) })
        #expect(reasons.keys.sorted() == [3, 5, 6, 7, 8, 9, 10, 11])
        #expect(reasons[3] == #"State: unknown state or union territory "Atlantis""#)
        #expect(reasons[5] == #"Sector: unknown sector "Spaceships""#)
        #expect(reasons[6] == "Product: empty")
        #expect(reasons[7] == "District: empty")
        #expect(reasons[8]?.contains(#"LGD Code: not a positive whole number "abc""#) == true)
        #expect(reasons[8]?.contains(#"Category: unknown category "Quaternary""#) == true)
        #expect(reasons[8]?.contains(#"GI Status: not Yes or No "maybe""#) == true)
        #expect(reasons[9] == "State: empty; Sector: empty")
        #expect(reasons[10] == "empty row")
        #expect(reasons[11] == "row has 11 fields; the header has 10")
        #expect(list.rejections.first?.description == #"line 3: State: unknown state or union territory "Atlantis""#)
    }

    @Test func headerIsMatchedByNameToleratingCaseSpacesAndOrder() throws {
        let text =
            " district ,MINISTRY / DEPARTMENT,sector,STATE,Lgd  code,Product\n"
            + "Kullu,DC Handloom,Handloom,Himachal Pradesh,22,Kullu Shawl\n"
        let list = try ODOPListParser.parse(csvText: text)
        let row = try #require(list.rows.first)
        #expect(row.districtName == "Kullu")
        #expect(row.state.code == "HP")
        #expect(row.lgdCode == 22)
        #expect(row.ministry == "Development Commissioner (Handlooms)")
        #expect(row.category == nil)
        #expect(row.giFlag == nil)
        #expect(row.description == "")
        #expect(row.photoURL == nil)
    }

    @Test func aFileMissingARequiredColumnIsRefused() {
        let text = "State,Product,District,LGD Code,Category\nGoa,Feni,North Goa,551,Primary\n"
        #expect(throws: ODOPListError.missingColumns([.sector])) {
            try ODOPListParser.parse(csvText: text)
        }
        #expect(ODOPListError.missingColumns([.sector]).description == "missing required column: Sector")
        #expect(throws: ODOPListError.missingColumns([.state, .product, .district, .sector])) {
            try ODOPListParser.parse(csvText: "Name,Place\nx,y\n")
        }
    }

    @Test func otherWholeFileFailures() {
        #expect(throws: ODOPListError.missingHeader) { try ODOPListParser.parse(csvText: "") }
        #expect(throws: ODOPListError.malformedCSV(CSVError(kind: .unterminatedQuote, line: 2))) {
            try ODOPListParser.parse(csvText: Self.header + "\n\"Goa,Feni\n")
        }
        #expect(throws: ODOPListError.duplicateColumn(.state, headers: ["State", "state "])) {
            try ODOPListParser.parse(csvText: "State,Product,District,Sector,state \n")
        }
    }
}
