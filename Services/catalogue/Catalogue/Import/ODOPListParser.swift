import ODOPReference

/// One accepted data row of the national ODOP list, cleaned.
///
/// Text fields are trimmed with white space runs collapsed (original case kept), except
/// `description`, which is only trimmed. Enumerations are parsed by the reference tables.
public struct ODOPListRow: Sendable, Hashable {
    /// 1-based line of the CSV text on which the row starts.
    public let line: Int
    public let state: StateUT
    /// The district as spelled in this row (before spelling variants are merged).
    public let districtName: String
    /// The row's LGD district code; `nil` when the column is absent or the cell empty.
    public let lgdCode: Int?
    public let productName: String
    public let category: ProductCategory?
    public let sector: Sector
    /// Free text; empty when absent.
    public let description: String
    /// The list's GI flag; `nil` when the column is absent or the cell empty.
    public let giFlag: Bool?
    /// Canonical ministry name (`Ministry.normalise`); `nil` when absent or empty.
    public let ministry: String?
    /// The photo link as written (trimmed, not validated); `nil` when absent or empty.
    public let photoURL: String?

    public init(
        line: Int, state: StateUT, districtName: String, lgdCode: Int?, productName: String,
        category: ProductCategory?, sector: Sector, description: String, giFlag: Bool?,
        ministry: String?, photoURL: String?
    ) {
        self.line = line
        self.state = state
        self.districtName = districtName
        self.lgdCode = lgdCode
        self.productName = productName
        self.category = category
        self.sector = sector
        self.description = description
        self.giFlag = giFlag
        self.ministry = ministry
        self.photoURL = photoURL
    }
}

/// A data row that was not accepted, with the line it starts on and why.
///
/// `reason` names each offending column and the problem, joined by `"; "`, e.g.
/// `State: unknown state or union territory "Atlantis"; Product: empty`.
public struct RowRejection: Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}

/// A file the ODOP list parser refuses as a whole.
public enum ODOPListError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The CSV itself cannot be read.
    case malformedCSV(CSVError)
    /// The text has no header record.
    case missingHeader
    /// Required columns are absent from the header.
    case missingColumns([ODOPListColumn])
    /// Two header cells name the same column.
    case duplicateColumn(ODOPListColumn, headers: [String])

    public var description: String {
        switch self {
        case .malformedCSV(let error):
            "malformed CSV: \(error)"
        case .missingHeader:
            "the file is empty: no header row"
        case .missingColumns(let columns):
            "missing required column\(columns.count == 1 ? "" : "s"): "
                + columns.map(\.rawValue).joined(separator: ", ")
        case .duplicateColumn(let column, let headers):
            "column \(column.rawValue) appears more than once (headers "
                + headers.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
        }
    }
}

/// The parsed ODOP list: accepted rows and rejected ones, both in file order.
public struct ODOPList: Sendable, Hashable {
    /// Number of data records read (header excluded, blank lines not counted).
    public let rowsRead: Int
    public let rows: [ODOPListRow]
    public let rejections: [RowRejection]
}

/// Parses the national ODOP list CSV (`One District One Product.csv`) into clean rows.
///
/// Contract:
/// - The first record is the header; columns are found by name (`ODOPListColumn`). A missing
///   required column, a duplicated column or an unreadable CSV throws, refusing the whole file.
/// - Each later record becomes an `ODOPListRow` or a `RowRejection`. A row is rejected when:
///   `State` is empty or not a state/UT (`StateDirectory.resolve`); `District` or `Product` is
///   empty; `Sector` is empty or unknown (`Sector(parsing:)`); a non-empty `Category` or
///   `GI Status` does not parse; a non-empty `LGD Code` is not a positive whole number; every
///   cell is empty; or the record has more fields than the header. All problems of a row are
///   reported together.
/// - Pure: no I/O, no global state.
public enum ODOPListParser {
    public static func parse(csvText: String) throws(ODOPListError) -> ODOPList {
        let records: [CSVRecord]
        do {
            records = try CSVReader.records(in: csvText)
        } catch {
            throw .malformedCSV(error)
        }
        guard let header = records.first else { throw .missingHeader }
        let columns = try columnIndexes(header: header.fields)

        var rows: [ODOPListRow] = []
        var rejections: [RowRejection] = []
        rows.reserveCapacity(records.count)
        var vocabulary = Vocabulary()
        for record in records.dropFirst() {
            switch row(from: record, columns: columns, headerWidth: header.fields.count, vocabulary: &vocabulary) {
            case .accepted(let row): rows.append(row)
            case .rejected(let rejection): rejections.append(rejection)
            }
        }
        return ODOPList(rowsRead: records.count - 1, rows: rows, rejections: rejections)
    }

    /// Memoised lookups of the enumerated columns: the list repeats a few dozen distinct values.
    private struct Vocabulary {
        private var states: [String: StateUT?] = [:]
        private var sectors: [String: Sector?] = [:]
        private var categories: [String: ProductCategory?] = [:]
        private var giFlags: [String: Bool?] = [:]
        private var ministries: [String: String] = [:]

        mutating func state(_ text: String) -> StateUT? {
            if let known = states[text] { return known }
            let value = StateDirectory.resolve(text)
            states[text] = .some(value)
            return value
        }

        mutating func sector(_ text: String) -> Sector? {
            if let known = sectors[text] { return known }
            let value = Sector(parsing: text)
            sectors[text] = .some(value)
            return value
        }

        mutating func category(_ text: String) -> ProductCategory? {
            if let known = categories[text] { return known }
            let value = ProductCategory(parsing: text)
            categories[text] = .some(value)
            return value
        }

        mutating func giFlag(_ text: String) -> Bool? {
            if let known = giFlags[text] { return known }
            let value = GIStatus.parse(text)
            giFlags[text] = .some(value)
            return value
        }

        mutating func ministry(_ text: String) -> String {
            if let known = ministries[text] { return known }
            let value = Ministry.normalise(text)
            ministries[text] = value
            return value
        }
    }

    private enum RowOutcome {
        case accepted(ODOPListRow)
        case rejected(RowRejection)
    }

    private static func columnIndexes(header: [String]) throws(ODOPListError) -> [ODOPListColumn: Int] {
        var indexes: [ODOPListColumn: Int] = [:]
        for (index, cell) in header.enumerated() {
            guard let column = ODOPListColumn.named(byHeader: cell) else { continue }
            if let earlier = indexes[column] {
                throw .duplicateColumn(column, headers: [header[earlier], cell])
            }
            indexes[column] = index
        }
        let missing = ODOPListColumn.allCases.filter { $0.isRequired && indexes[$0] == nil }
        if !missing.isEmpty { throw .missingColumns(missing) }
        return indexes
    }

    private static func row(
        from record: CSVRecord,
        columns: [ODOPListColumn: Int],
        headerWidth: Int,
        vocabulary: inout Vocabulary
    ) -> RowOutcome {
        let fields = record.fields
        func cell(_ column: ODOPListColumn) -> String {
            guard let index = columns[column], index < fields.count else { return "" }
            return TextFolding.collapsingWhitespace(fields[index])
        }
        if fields.count > headerWidth, fields[headerWidth...].contains(where: { !TextFolding.isBlank($0) }) {
            return .rejected(
                RowRejection(
                    line: record.line,
                    reason: "row has \(fields.count) fields; the header has \(headerWidth)"
                ))
        }
        if fields.allSatisfy(TextFolding.isBlank) {
            return .rejected(RowRejection(line: record.line, reason: "empty row"))
        }

        var problems: [String] = []
        func problem(_ column: ODOPListColumn, _ message: String) {
            problems.append("\(column.rawValue): \(message)")
        }

        let stateText = cell(.state)
        let state = vocabulary.state(stateText)
        if stateText.isEmpty {
            problem(.state, "empty")
        } else if state == nil {
            problem(.state, "unknown state or union territory \"\(stateText)\"")
        }

        let districtName = cell(.district)
        if districtName.isEmpty { problem(.district, "empty") }

        let productName = cell(.product)
        if productName.isEmpty { problem(.product, "empty") }

        let lgdText = cell(.lgdCode)
        let lgdCode = parseCode(lgdText)
        if !lgdText.isEmpty && lgdCode == nil {
            problem(.lgdCode, "not a positive whole number \"\(lgdText)\"")
        }

        let sectorText = cell(.sector)
        let sector = vocabulary.sector(sectorText)
        if sectorText.isEmpty {
            problem(.sector, "empty")
        } else if sector == nil {
            problem(.sector, "unknown sector \"\(sectorText)\"")
        }

        let categoryText = cell(.category)
        let category = vocabulary.category(categoryText)
        if !categoryText.isEmpty && category == nil {
            problem(.category, "unknown category \"\(categoryText)\"")
        }

        let giText = cell(.giStatus)
        let giFlag = vocabulary.giFlag(giText)
        if !giText.isEmpty && giFlag == nil {
            problem(.giStatus, "not Yes or No \"\(giText)\"")
        }

        guard problems.isEmpty, let state, let sector else {
            return .rejected(RowRejection(line: record.line, reason: problems.joined(separator: "; ")))
        }

        let description: String = {
            guard let index = columns[.description], index < fields.count else { return "" }
            return TextFolding.trimmingWhitespace(fields[index])
        }()
        let ministryText = cell(.ministry)
        let photo = cell(.photo)
        return .accepted(
            ODOPListRow(
                line: record.line,
                state: state,
                districtName: districtName,
                lgdCode: lgdCode,
                productName: productName,
                category: category,
                sector: sector,
                description: description,
                giFlag: giFlag,
                ministry: ministryText.isEmpty ? nil : vocabulary.ministry(ministryText),
                photoURL: photo.isEmpty ? nil : photo
            ))
    }

    /// A positive whole number; spreadsheet exports' `"603.0"` is accepted as 603.
    private static func parseCode(_ text: String) -> Int? {
        var digits = Substring(text)
        if digits.hasSuffix(".0") { digits = digits.dropLast(2) }
        guard let value = Int(digits), value > 0 else { return nil }
        return value
    }
}
