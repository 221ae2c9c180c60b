import ODOPReference

/// Several `(spelling, LGD code)` entries of one state consolidated into one district.
public struct DistrictMerge: Sendable, Hashable, CustomStringConvertible {
    public let state: StateUT
    /// The canonical name the entries were merged under.
    public let canonicalName: String
    /// Every distinct spelling merged, in order of first appearance (may include the canonical one).
    public let spellings: [String]
    /// Every LGD code the merged rows carried, ascending.
    public let lgdCodes: [Int]
    /// The code chosen for the district.
    public let lgdCode: Int?

    public var description: String {
        "\(state.name): \(canonicalName) ← " + spellings.map { "\"\($0)\"" }.joined(separator: " + ")
            + " codes \(lgdCodes.map(String.init).joined(separator: "/")) → \(lgdCode.map(String.init) ?? "none")"
    }
}

/// An LGD code that still names more than one district after consolidation: the source gave
/// distinct districts one code by mistake. The districts stay apart; the code is not unique.
public struct SharedLGDCode: Sendable, Hashable {
    public let code: Int
    /// The districts carrying the code, as `(state, name)`, sorted.
    public let districts: [PlannedDistrict]
}

/// Groups ODOP list rows into districts, merging spelling variants and keeping apart distinct
/// districts that share a code.
///
/// Contract:
/// - District identity is `(state, canonical name)`; LGD codes are evidence, not keys.
/// - Within one state, two rows belong to the same district when
///   1. their district names are equal ignoring case and white space (whatever their codes:
///      `Howrah` under 312 and under 313 is one district), or
///   2. they carry the same LGD code and their names are spelling variants
///      (`DistrictSpelling.isVariant(of:)`): `Belagavi` / `Belagavi (Belgaum)`, `Khurda` / `Khurdha`.
///   The relation is closed transitively. Rows of different states never merge. Rows without a
///   code merge only by rule 1. Names sharing a code that are not variants (`Kandhamal` /
///   `Kalahandi`, `Hooghly` / `Howrah`) stay separate districts.
/// - Canonical name: a district seen under one spelling keeps it unchanged. Otherwise it is one
///   of its spellings' base names (parenthesised alternative removed), chosen by, in order:
///   most rows; longer name (a dropped letter is the commoner slip: `Kachch`, `Davangere`,
///   `Chikkballapur`); earliest line. A base name that another district of the state uses as
///   its spelling or name is skipped (if all are, the earliest spelling is used), so names stay
///   unique within a state. Every other spelling becomes an alias.
/// - Code: among the codes the district's rows carry, prefer one no other district uses (so
///   `Howrah` takes 313, not 312 which `Hooghly` also carries), then the most rows, then the
///   lowest. Codes used by several districts afterwards are listed in `sharedCodes`.
/// - Deterministic: output depends only on the rows and their order; lists are sorted by state
///   name, then case-folded district name.
public struct DistrictConsolidation: Sendable {
    /// The districts, sorted by state name then name.
    public let districts: [PlannedDistrict]
    /// Districts built from more than one `(spelling, code)` entry, in the same order.
    public let merges: [DistrictMerge]
    /// Codes that remain on more than one district, ascending.
    public let sharedCodes: [SharedLGDCode]

    private let districtIndexByEntry: [EntryKey: Int]

    public init(rows: [ODOPListRow]) {
        // 1. Distinct (state, spelling, code) entries, in order of first appearance.
        var entries: [Entry] = []
        var entryIndex: [EntryKey: Int] = [:]
        for row in rows {
            let key = EntryKey(row)
            if let index = entryIndex[key] {
                entries[index].rows += 1
            } else {
                entryIndex[key] = entries.count
                entries.append(
                    Entry(
                        state: row.state, spelling: DistrictSpelling(row.districtName),
                        code: row.lgdCode, rows: 1, firstLine: row.line
                    ))
            }
        }

        // 2. Union the entries that name the same district.
        var sets = DisjointSets(count: entries.count)
        var byName: [NameKey: Int] = [:]
        var byCode: [CodeKey: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            let nameKey = NameKey(state: entry.state.code, name: TextFolding.caseFolded(entry.spelling.text))
            if let first = byName[nameKey] { sets.union(first, index) } else { byName[nameKey] = index }
            if let code = entry.code {
                let codeKey = CodeKey(state: entry.state.code, code: code)
                for other in byCode[codeKey, default: []] where entries[other].spelling.isVariant(of: entry.spelling) {
                    sets.union(other, index)
                }
                byCode[codeKey, default: []].append(index)
            }
        }
        var groups: [Int: [Int]] = [:]
        for index in entries.indices { groups[sets.find(index), default: []].append(index) }
        // Groups in order of first appearance, so later tie-breaks are deterministic.
        let memberLists = groups.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }

        // Spelling keys per state: a canonical name must not take another district's spelling.
        var spellingKeysByState: [String: Set<String>] = [:]
        for entry in entries {
            spellingKeysByState[entry.state.code, default: []].insert(TextFolding.caseFolded(entry.spelling.text))
        }
        var namesTakenByState: [String: Set<String>] = [:]

        // 3. Which groups use each code (codes are national, so across states).
        var groupsByCode: [Int: Set<Int>] = [:]
        for (groupNumber, members) in memberLists.enumerated() {
            for member in members {
                if let code = entries[member].code { groupsByCode[code, default: []].insert(groupNumber) }
            }
        }

        // 4. Build districts and merge reports.
        struct Built {
            let district: PlannedDistrict
            let merge: DistrictMerge?
            let members: [Int]
        }
        var built: [Built] = []
        for members in memberLists {
            let groupEntries = members.map { entries[$0] }
            let stateCode = groupEntries[0].state.code
            let ownKeys = Set(groupEntries.map { TextFolding.caseFolded($0.spelling.text) })
            let unavailable = spellingKeysByState[stateCode, default: []].subtracting(ownKeys)
                .union(namesTakenByState[stateCode, default: []])
            let name = Self.canonicalName(groupEntries, unavailable: unavailable)
            namesTakenByState[stateCode, default: []].insert(TextFolding.caseFolded(name))
            var spellings: [String] = []
            for entry in groupEntries.sorted(by: { $0.firstLine < $1.firstLine })
            where !spellings.contains(entry.spelling.text) {
                spellings.append(entry.spelling.text)
            }
            var rowsByCode: [Int: Int] = [:]
            for entry in groupEntries { if let code = entry.code { rowsByCode[code, default: 0] += entry.rows } }
            let code = rowsByCode.keys.min { a, b in
                let aShared = groupsByCode[a, default: []].count > 1
                let bShared = groupsByCode[b, default: []].count > 1
                if aShared != bShared { return !aShared }
                if rowsByCode[a]! != rowsByCode[b]! { return rowsByCode[a]! > rowsByCode[b]! }
                return a < b
            }
            let district = PlannedDistrict(
                state: groupEntries[0].state, name: name, lgdCode: code,
                aliases: spellings.filter { $0 != name }
            )
            let merge =
                members.count > 1
                ? DistrictMerge(
                    state: district.state, canonicalName: name, spellings: spellings,
                    lgdCodes: rowsByCode.keys.sorted(), lgdCode: code
                )
                : nil
            built.append(Built(district: district, merge: merge, members: members))
        }
        built.sort { Self.precedes($0.district, $1.district) }

        var districtIndexByEntry: [EntryKey: Int] = [:]
        for (position, item) in built.enumerated() {
            for member in item.members {
                let entry = entries[member]
                districtIndexByEntry[EntryKey(state: entry.state.code, name: entry.spelling.text, code: entry.code)] = position
            }
        }
        districts = built.map(\.district)
        merges = built.compactMap(\.merge)
        self.districtIndexByEntry = districtIndexByEntry

        var districtsByCode: [Int: [PlannedDistrict]] = [:]
        for district in districts { if let code = district.lgdCode { districtsByCode[code, default: []].append(district) } }
        sharedCodes = districtsByCode.filter { $0.value.count > 1 }
            .map { SharedLGDCode(code: $0.key, districts: $0.value) }
            .sorted { $0.code < $1.code }
    }

    /// The district a row was consolidated into; `nil` for a row not given to `init(rows:)`.
    public func district(for row: ODOPListRow) -> PlannedDistrict? {
        districtIndexByEntry[EntryKey(row)].map { districts[$0] }
    }

    // MARK: - Rules

    /// `entries` are one group's, in order of first appearance; `unavailable` holds case-folded
    /// names other districts of the state already use.
    private static func canonicalName(_ entries: [Entry], unavailable: Set<String>) -> String {
        let distinctSpellings = Set(entries.map(\.spelling.text))
        if distinctSpellings.count == 1 { return entries[0].spelling.text }
        struct Candidate {
            var rows: Int
            var firstLine: Int
        }
        var candidates: [String: Candidate] = [:]
        for entry in entries {
            let base = entry.spelling.baseName
            guard !unavailable.contains(TextFolding.caseFolded(base)) else { continue }
            var candidate = candidates[base] ?? Candidate(rows: 0, firstLine: entry.firstLine)
            candidate.rows += entry.rows
            candidate.firstLine = min(candidate.firstLine, entry.firstLine)
            candidates[base] = candidate
        }
        let best = candidates.min { a, b in
            if a.value.rows != b.value.rows { return a.value.rows > b.value.rows }
            let aLength = a.key.unicodeScalars.count
            let bLength = b.key.unicodeScalars.count
            if aLength != bLength { return aLength > bLength }
            return a.value.firstLine < b.value.firstLine
        }
        // Every base name is taken by another district: keep the earliest spelling, which is
        // this group's own (equal spellings always merge).
        return best?.key ?? entries[0].spelling.text
    }

    static func precedes(_ a: PlannedDistrict, _ b: PlannedDistrict) -> Bool {
        if a.state.name != b.state.name { return a.state.name < b.state.name }
        return a.nameKey < b.nameKey
    }

    // MARK: - Bookkeeping

    private struct Entry {
        let state: StateUT
        let spelling: DistrictSpelling
        let code: Int?
        var rows: Int
        let firstLine: Int
    }

    private struct EntryKey: Hashable, Sendable {
        let state: String
        let name: String
        let code: Int?

        init(state: String, name: String, code: Int?) {
            self.state = state
            self.name = name
            self.code = code
        }

        init(_ row: ODOPListRow) {
            self.init(state: row.state.code, name: TextFolding.collapsingWhitespace(row.districtName), code: row.lgdCode)
        }
    }

    private struct NameKey: Hashable {
        let state: String
        let name: String
    }
    private struct CodeKey: Hashable {
        let state: String
        let code: Int
    }
}

/// Union–find over `0..<count` with path halving.
private struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ element: Int) -> Int {
        var element = element
        while parent[element] != element {
            parent[element] = parent[parent[element]]
            element = parent[element]
        }
        return element
    }

    mutating func union(_ a: Int, _ b: Int) {
        let rootA = find(a)
        let rootB = find(b)
        if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
    }
}
