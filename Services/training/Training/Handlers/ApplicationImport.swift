import Foundation
import ODOPMessages
import ODOPRuntime

/// `applications.import`: a district office's CSV, one artisan and application per row. A row
/// is registered and submitted in a savepoint: a refused row changes nothing and emits nothing,
/// and is reported with its line and reason (never echoing the Aadhaar number: no message
/// repeats a personal value).
enum ApplicationImport {
    static let required = ["name", "gender", "dateofbirth", "mobile", "aadhaar", "familyreference", "state", "district", "trade"]
    static let optional = ["productid", "bankaccount", "ifsc", "consentpurpose"]
    static let maximumRows = 50_000

    static func register(in registry: inout CommandRegistry, _ context: TrainingContext) {
        registry.change(ApplicationsImport.self, context) { args, work in try run(args, work) }
    }

    static func run(_ args: ApplicationsImport.Arguments, _ work: TrainingWork) throws -> ApplicationsImport.Result {
        let scheme = try SchemeStore(db: work.db).require(args.schemeId)
        let records = try CSVRecords.parse(args.csv, field: "csv")
        guard let header = records.first else { throw CommandError.invalidArgument("field 'csv' has no header row", field: "csv") }
        let names = header.fields.map { $0.lowercased().filter { $0.isLetter } }
        for column in required where !names.contains(column) {
            throw CommandError.invalidArgument(
                "the CSV's header has no column \"\(column)\" (needs \(required.joined(separator: ", ")))", field: "csv")
        }
        let rows = records.dropFirst().filter { !$0.fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
        guard rows.count <= maximumRows else {
            throw CommandError.invalidArgument("the CSV has \(rows.count) rows; one import takes at most \(maximumRows)", field: "csv")
        }
        var imported: [ApplicationsImport.ImportedRow] = []
        var refused: [ApplicationsImport.RefusedRow] = []
        for row in rows {
            var values: [String: String] = [:]
            for (index, name) in names.enumerated() where index < row.fields.count { values[name] = row.fields[index] }
            guard row.fields.count == names.count else {
                refused.append(
                    .init(line: row.line, field: nil, reason: "the row has \(row.fields.count) fields, the header \(names.count)"))
                continue
            }
            func value(_ name: String) -> String? {
                guard let text = values[name], !text.allSatisfy(\.isWhitespace) else { return nil }
                return text
            }
            do {
                let result = try work.undoable {
                    var bank: BankDetails?
                    if value("bankaccount") != nil || value("ifsc") != nil {
                        bank = BankDetails(accountNumber: value("bankaccount") ?? "", ifsc: value("ifsc") ?? "")
                    }
                    let registration = ArtisanRegister.Arguments(
                        name: values["name"] ?? "", gender: values["gender"] ?? "", dateOfBirth: values["dateofbirth"] ?? "",
                        mobile: values["mobile"] ?? "", aadhaar: values["aadhaar"] ?? "", familyReference: values["familyreference"] ?? "",
                        state: values["state"] ?? "", district: values["district"] ?? "", trade: values["trade"] ?? "",
                        productId: value("productid"), bank: bank, consentPurpose: value("consentpurpose") ?? scheme.parameters.name)
                    try registration.validate()
                    let artisan = try ArtisanRegistration.register(registration, work)
                    let application = try ApplicationCommands.submit(artisanId: artisan.id, schemeId: scheme.schemeId, work)
                    return ApplicationsImport.ImportedRow(line: row.line, artisanId: artisan.id, applicationId: application.applicationId)
                }
                imported.append(result)
            } catch let error as CommandError {
                refused.append(.init(line: row.line, field: error.field.map(columnName), reason: error.message))
            }
        }
        return ApplicationsImport.Result(rows: rows.count, imported: imported, refused: refused)
    }

    /// The CSV column a field error is about (`bank.accountNumber` → `bankAccount`).
    static func columnName(_ field: String) -> String {
        switch field {
        case "bank.accountNumber": "bankAccount"
        case "bank.ifsc": "ifsc"
        default: field
        }
    }
}

/// RFC 4180 records with the line each starts on (the header is line 1). Quoted fields may hold
/// commas, doubled quotes and line breaks.
struct CSVRecords {
    struct Record {
        var line: Int
        var fields: [String]
    }

    static func parse(_ text: String, field: String) throws(CommandError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var current = ""
        var quoted = false
        var line = 1
        var start = 1
        var atFieldStart = true
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        func next() -> Unicode.Scalar? {
            if let p = pending {
                pending = nil
                return p
            }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let n = iterator.next() {
                        if n == "\"" {
                            current.unicodeScalars.append("\"")
                        } else {
                            quoted = false
                            pending = n
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    current.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where atFieldStart:
                quoted = true
                atFieldStart = false
            case ",":
                fields.append(current)
                current = ""
                atFieldStart = true
            case "\r":
                continue
            case "\n":
                fields.append(current)
                records.append(Record(line: start, fields: fields))
                fields = []
                current = ""
                atFieldStart = true
                line += 1
                start = line
            default:
                current.unicodeScalars.append(c)
                atFieldStart = false
            }
        }
        if quoted { throw .invalidArgument("field '\(field)' has a quoted value that never closes (from line \(start))", field: field) }
        if !current.isEmpty || !fields.isEmpty {
            fields.append(current)
            records.append(Record(line: start, fields: fields))
        }
        return records.map { Record(line: $0.line, fields: $0.fields.map { $0.trimmingCharacters(in: .whitespaces) }) }
    }
}
