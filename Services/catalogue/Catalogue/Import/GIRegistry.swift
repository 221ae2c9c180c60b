import ODOPReference

/// One registered Indian Geographical Indication, after word/logo duplicates are collapsed.
public struct GIEntry: Sendable, Hashable, CustomStringConvertible {
    /// The name as first listed, with any `(Logo)` marker removed and white space collapsed.
    public let name: String
    /// Normalised goods class; `nil` when the registry's label is not recognised.
    public let goods: GIGoodsClass?
    /// Every state/UT the GI is registered for, in column order, without repeats.
    public let states: [StateUT]
    /// Other spellings of the same GI from collapsed rows (e.g. `"Pochampally Ikat"` for
    /// `"Pochampalli Ikat"`), in file order.
    public let alternativeNames: [String]
    /// The registry's `S.No` values of the collapsed rows (not unique in the source).
    public let serialNumbers: [Int]
    /// 1-based lines of the collapsed rows, ascending.
    public let lines: [Int]

    /// Comparable words of `name` and of each alternative name.
    let names: [GIName]

    public var description: String {
        "\(name) [\(goods?.label ?? "?")] " + states.map(\.code).joined(separator: "/")
    }
}

/// A registry row that does not become an entry of its own.
public struct GIRegistryRow: Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    /// The row's name as written, white space collapsed.
    public let name: String
    /// Why: for skipped rows, e.g. `no Indian state or union territory ("France")`; for collapsed
    /// rows, the entry it was folded into.
    public let reason: String

    public var description: String { "line \(line): \(name): \(reason)" }
}

/// A GI registry file that cannot be read as a whole.
public enum GIRegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    case malformedCSV(CSVError)
    case missingHeader
    /// Neither a name column nor any state column was found, or one of them is missing.
    case missingColumns([String])

    public var description: String {
        switch self {
        case .malformedCSV(let error): "malformed CSV: \(error)"
        case .missingHeader: "the file is empty: no header row"
        case .missingColumns(let columns): "missing required columns: " + columns.joined(separator: ", ")
        }
    }
}

/// India's registered Geographical Indications, read from the GI Registry's list
/// (`Total Registered GI details of GI Application in India.txt`, a CSV).
///
/// Contract of `parse(text:)`:
/// - Columns by header name (case, spaces and punctuation ignored): the name column
///   (`Geographical Indications`), `Goods`, `S.No`, and every column whose header starts with
///   `State` (`State`, `State 2` … `State 7`). The name and at least one state column are required.
/// - States are resolved with `StateDirectory.resolve`. A row none of whose states resolves is
///   foreign (Champagne, Scotch Whisky, …) and is listed in `foreign`, not kept. A row with some
///   unresolvable states keeps the others and is noted in `warnings`. A row without a name is
///   listed in `warnings` and skipped.
/// - Word and logo registrations of one GI are collapsed into one entry (listed in `collapsed`):
///   two rows are the same GI when they have the same set of states, the same goods class after
///   normalisation (`Handicraft` = `Handicrafts`), and names that are equal after `GIName`
///   normalisation (which ignores case, spacing, punctuation, a `(Logo)` marker and plural `s`)
///   or, when both normalised names have at least 10 characters, differ by one edit
///   (`Pochampalli Ikat` / `Pochampally Ikat`). The first row gives the entry's name and goods.
/// - Entries keep file order.
public struct GIRegistry: Sendable {
    /// Data records read (header excluded).
    public let rowsRead: Int
    /// Indian GIs, deduplicated, in order of first appearance.
    public let entries: [GIEntry]
    /// Rows skipped because none of their states is Indian.
    public let foreign: [GIRegistryRow]
    /// Rows folded into an earlier entry (word/logo duplicates).
    public let collapsed: [GIRegistryRow]
    /// Rows kept partially (unknown state names) or skipped for a missing name.
    public let warnings: [GIRegistryRow]

    /// Entry indexes per state code, for matching.
    let entriesByState: [String: [Int]]

    public static func parse(text: String) throws(GIRegistryError) -> GIRegistry {
        let records: [CSVRecord]
        do {
            records = try CSVReader.records(in: text)
        } catch {
            throw .malformedCSV(error)
        }
        guard let header = records.first else { throw .missingHeader }
        var nameColumn: Int?
        var goodsColumn: Int?
        var serialColumn: Int?
        var stateColumns: [Int] = []
        for (index, cell) in header.fields.enumerated() {
            let key = TextFolding.letterDigitKey(cell)
            switch key {
            case "geographicalindications", "geographicalindication", "name", "giname":
                if nameColumn == nil { nameColumn = index }
            case "goods", "goodsclass", "class":
                if goodsColumn == nil { goodsColumn = index }
            case "sno", "serialnumber", "slno", "no":
                if serialColumn == nil { serialColumn = index }
            default:
                if key.hasPrefix("state") { stateColumns.append(index) }
            }
        }
        var missing: [String] = []
        if nameColumn == nil { missing.append("Geographical Indications") }
        if stateColumns.isEmpty { missing.append("State") }
        guard missing.isEmpty, let nameColumn else { throw .missingColumns(missing) }

        struct Draft {
            var name: String
            var goods: GIGoodsClass?
            var states: [StateUT]
            var stateKey: [String]
            var names: [GIName]
            var alternativeNames: [String]
            var serialNumbers: [Int]
            var lines: [Int]
        }
        var drafts: [Draft] = []
        var foreign: [GIRegistryRow] = []
        var collapsed: [GIRegistryRow] = []
        var warnings: [GIRegistryRow] = []

        for record in records.dropFirst() {
            func cell(_ index: Int?) -> String {
                guard let index, index < record.fields.count else { return "" }
                return TextFolding.collapsingWhitespace(record.fields[index])
            }
            let rawName = cell(nameColumn)
            let name = GIName.removingLogoMarker(rawName)
            let stateNames = stateColumns.map(cell).filter { !$0.isEmpty }
            if name.isEmpty {
                warnings.append(GIRegistryRow(line: record.line, name: rawName, reason: "empty name; skipped"))
                continue
            }
            var states: [StateUT] = []
            var unknown: [String] = []
            for stateName in stateNames {
                if let state = StateDirectory.resolve(stateName) {
                    if !states.contains(state) { states.append(state) }
                } else {
                    unknown.append(stateName)
                }
            }
            let quotedUnknown = unknown.map { "\"\($0)\"" }.joined(separator: ", ")
            if states.isEmpty {
                foreign.append(
                    GIRegistryRow(
                        line: record.line, name: rawName,
                        reason: "no Indian state or union territory (\(quotedUnknown))"
                    ))
                continue
            }
            if !unknown.isEmpty {
                warnings.append(
                    GIRegistryRow(
                        line: record.line, name: rawName,
                        reason: "state names not recognised and ignored: \(quotedUnknown)"
                    ))
            }
            let goods = GIGoodsClass(parsing: cell(goodsColumn))
            let giName = GIName(name)
            let stateKey = states.map(\.code).sorted()
            let serial = Int(cell(serialColumn))

            if let existing = drafts.firstIndex(where: {
                $0.stateKey == stateKey && $0.goods == goods && $0.names.contains { Self.sameGI($0, giName) }
            }) {
                drafts[existing].lines.append(record.line)
                if let serial { drafts[existing].serialNumbers.append(serial) }
                let known = [drafts[existing].name] + drafts[existing].alternativeNames
                if !known.contains(where: { TextFolding.caseFolded($0) == TextFolding.caseFolded(name) }) {
                    drafts[existing].alternativeNames.append(name)
                    drafts[existing].names.append(giName)
                }
                collapsed.append(
                    GIRegistryRow(
                        line: record.line, name: rawName,
                        reason: "same GI as \"\(drafts[existing].name)\" (line \(drafts[existing].lines[0]))"
                    ))
                continue
            }
            drafts.append(
                Draft(
                    name: name, goods: goods, states: states, stateKey: stateKey, names: [giName],
                    alternativeNames: [], serialNumbers: serial.map { [$0] } ?? [], lines: [record.line]
                ))
        }

        let entries = drafts.map {
            GIEntry(
                name: $0.name, goods: $0.goods, states: $0.states, alternativeNames: $0.alternativeNames,
                serialNumbers: $0.serialNumbers, lines: $0.lines, names: $0.names
            )
        }
        var entriesByState: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            for state in entry.states { entriesByState[state.code, default: []].append(index) }
        }
        return GIRegistry(
            rowsRead: records.count - 1, entries: entries, foreign: foreign, collapsed: collapsed,
            warnings: warnings, entriesByState: entriesByState
        )
    }

    /// The duplicate rule on names (states and goods are compared by the caller).
    static func sameGI(_ a: GIName, _ b: GIName) -> Bool {
        if a.words == b.words { return true }
        let lengthA = a.key.unicodeScalars.count
        let lengthB = b.key.unicodeScalars.count
        guard lengthA >= 10, lengthB >= 10, abs(lengthA - lengthB) <= 1 else { return false }
        return EditDistance.optimalStringAlignment(a.key, b.key) <= 1
    }
}
