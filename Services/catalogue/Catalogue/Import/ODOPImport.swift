import ODOPReference

/// What importing an ODOP list would do: the districts and products it describes, and the
/// report of what was cleaned on the way.
public struct ImportPlan: Sendable, Hashable {
    /// Data records read (header excluded).
    public let rowsRead: Int
    /// Districts, sorted by state name then case-folded name.
    public let districts: [PlannedDistrict]
    /// Products, sorted by state name, case-folded district, then normalised product name.
    public let products: [PlannedProduct]
    /// District spelling/code merges, in district order.
    public let merges: [DistrictMerge]
    /// LGD codes left on more than one district, ascending.
    public let sharedCodes: [SharedLGDCode]
    /// Rows folded into another row's product, in product order.
    public let duplicates: [ProductDuplicate]
    /// Rows not accepted, by line.
    public let rejected: [RowRejection]

    /// The states/UTs that have at least one district, sorted by name.
    public var states: [StateUT] {
        var seen: Set<StateUT> = []
        return districts.map(\.state).filter { seen.insert($0).inserted }
    }
}

/// Plans the import of the national ODOP list.
///
/// `plan(csvText:)` parses (`ODOPListParser`), consolidates districts (`DistrictConsolidation`)
/// and folds rows into products keyed by `ProductKey(state, canonical district, product name)`.
/// When several rows share a key, the earliest row's values win and the fold is reported in
/// `duplicates`. It is pure and deterministic: the same text always gives an equal plan.
/// It throws `ODOPListError` when the file as a whole is refused.
public enum ODOPImport {
    public static func plan(csvText: String) throws(ODOPListError) -> ImportPlan {
        let list = try ODOPListParser.parse(csvText: csvText)
        return plan(list: list)
    }

    /// The plan for an already parsed list.
    public static func plan(list: ODOPList) -> ImportPlan {
        let consolidation = DistrictConsolidation(rows: list.rows)

        var rowsByKey: [ProductKey: [(row: ODOPListRow, district: PlannedDistrict)]] = [:]
        for row in list.rows {
            guard let district = consolidation.district(for: row) else { continue }
            rowsByKey[ProductKey(state: row.state, district: district.name, name: row.productName), default: []]
                .append((row, district))
        }

        var products: [PlannedProduct] = []
        var duplicates: [ProductDuplicate] = []
        products.reserveCapacity(rowsByKey.count)
        for (key, group) in rowsByKey {
            let sorted = group.sorted { $0.row.line < $1.row.line }
            let (kept, district) = sorted[0]
            products.append(
                PlannedProduct(
                    key: key, state: kept.state, district: district.name, name: kept.productName,
                    sector: kept.sector, category: kept.category, description: kept.description,
                    giFlag: kept.giFlag, ministry: kept.ministry, photoURL: kept.photoURL,
                    lgdCode: district.lgdCode, sourceLines: sorted.map(\.row.line)
                ))
            if sorted.count > 1 {
                duplicates.append(
                    ProductDuplicate(
                        key: key, keptLine: kept.line, foldedLines: sorted.dropFirst().map(\.row.line),
                        differingColumns: differingColumns(kept, sorted.dropFirst().map(\.row))
                    ))
            }
        }
        products.sort { a, b in
            if a.state.name != b.state.name { return a.state.name < b.state.name }
            if a.key.district != b.key.district { return a.key.district < b.key.district }
            return a.key.name < b.key.name
        }
        let position = Dictionary(uniqueKeysWithValues: products.enumerated().map { ($1.key, $0) })
        duplicates.sort { position[$0.key]! < position[$1.key]! }

        return ImportPlan(
            rowsRead: list.rowsRead,
            districts: consolidation.districts,
            products: products,
            merges: consolidation.merges,
            sharedCodes: consolidation.sharedCodes,
            duplicates: duplicates,
            rejected: list.rejections.sorted { $0.line < $1.line }
        )
    }

    private static func differingColumns(_ kept: ODOPListRow, _ others: [ODOPListRow]) -> [String] {
        var columns: [ODOPListColumn] = []
        func check(_ column: ODOPListColumn, _ differs: (ODOPListRow) -> Bool) {
            if others.contains(where: differs) { columns.append(column) }
        }
        check(.product) { $0.productName != kept.productName }
        check(.district) { $0.districtName != kept.districtName }
        check(.lgdCode) { $0.lgdCode != kept.lgdCode }
        check(.category) { $0.category != kept.category }
        check(.sector) { $0.sector != kept.sector }
        check(.description) { $0.description != kept.description }
        check(.giStatus) { $0.giFlag != kept.giFlag }
        check(.photo) { $0.photoURL != kept.photoURL }
        check(.ministry) { $0.ministry != kept.ministry }
        return columns.map(\.rawValue)
    }
}
