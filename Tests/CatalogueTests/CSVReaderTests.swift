import Testing

@testable import Catalogue

@Suite("CSVReader")
struct CSVReaderTests {
    @Test func plainRecordsWithLineNumbers() throws {
        let records = try CSVReader.records(in: "a,b,c\n1,2,3\n")
        #expect(
            records == [
                CSVRecord(line: 1, fields: ["a", "b", "c"]),
                CSVRecord(line: 2, fields: ["1", "2", "3"]),
            ])
    }

    @Test func embeddedNewlineKeepsTheFieldAndShiftsLaterLineNumbers() throws {
        let text = "State,District\n\"Dadra & Nagar Haveli (UT)\nDaman & Diu (UT)\",Dadra & Nagar Haveli\nGoa,North Goa\n"
        let records = try CSVReader.records(in: text)
        #expect(records.count == 3)
        #expect(records[1].line == 2)
        #expect(records[1].fields == ["Dadra & Nagar Haveli (UT)\nDaman & Diu (UT)", "Dadra & Nagar Haveli"])
        #expect(records[2].line == 4)
        #expect(records[2].fields == ["Goa", "North Goa"])
    }

    @Test func doubledQuotesAndQuotedCommas() throws {
        let records = try CSVReader.records(in: #"1,"Pattamadai Pai (""Pattamadai Mat"")","a, b",""\#n"#)
        #expect(records == [CSVRecord(line: 1, fields: ["1", #"Pattamadai Pai ("Pattamadai Mat")"#, "a, b", ""])])
    }

    @Test func crlfLineEndingsInsideAndOutsideQuotes() throws {
        let records = try CSVReader.records(in: "a,b\r\n\"x\r\ny\",z\r\nlast,row")
        #expect(
            records == [
                CSVRecord(line: 1, fields: ["a", "b"]),
                CSVRecord(line: 2, fields: ["x\r\ny", "z"]),
                CSVRecord(line: 4, fields: ["last", "row"]),
            ])
    }

    @Test func loneCarriageReturnEndsARecord() throws {
        let records = try CSVReader.records(in: "a\rb\r")
        #expect(records == [CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 2, fields: ["b"])])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let records = try CSVReader.records(in: "\u{FEFF}State,Product\nGoa,Feni\n")
        #expect(records.first?.fields == ["State", "Product"])
        #expect(records.first?.fields.first?.unicodeScalars.first == "S")
    }

    @Test func blankLinesAreSkippedButCommaOnlyLinesAreRecords() throws {
        let records = try CSVReader.records(in: "a,b\n\n,\n\nc,d")
        #expect(
            records == [
                CSVRecord(line: 1, fields: ["a", "b"]),
                CSVRecord(line: 3, fields: ["", ""]),
                CSVRecord(line: 5, fields: ["c", "d"]),
            ])
    }

    @Test func fieldsAreNotTrimmedAndQuotesInsideUnquotedFieldsAreLiteral() throws {
        let records = try CSVReader.records(in: " a ,b\"c, \"d\"e\n")
        #expect(records == [CSVRecord(line: 1, fields: [" a ", "b\"c", " \"d\"e"])])
    }

    @Test func unterminatedQuoteReportsTheLineWhereItOpens() {
        let text = "a,b\n1,2\n3,\"never closed\n4,5\n"
        #expect(throws: CSVError(kind: .unterminatedQuote, line: 3)) {
            try CSVReader.records(in: text)
        }
        do {
            _ = try CSVReader.records(in: text)
        } catch {
            #expect(error.description.contains("line 3"))
        }
    }

    @Test func emptyTextHasNoRecords() throws {
        #expect(try CSVReader.records(in: "").isEmpty)
        #expect(try CSVReader.records(in: "\u{FEFF}").isEmpty)
    }

    @Test func nonASCIITextSurvives() throws {
        let records = try CSVReader.records(in: "Montepulciano D’abruzzo,Žatecký chmel’,\u{A0}x\n")
        #expect(records[0].fields == ["Montepulciano D’abruzzo", "Žatecký chmel’", "\u{A0}x"])
    }
}
