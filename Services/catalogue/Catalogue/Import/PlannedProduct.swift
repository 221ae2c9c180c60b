import ODOPReference

/// A product the import will make sure exists, built from one or more ODOP list rows that
/// share a `ProductKey` once districts are merged.
///
/// Field values come from the earliest source row; `sourceLines` lists every row folded in.
public struct PlannedProduct: Sendable, Hashable {
    public let key: ProductKey
    public let state: StateUT
    /// The district's canonical name (`PlannedDistrict.name`).
    public let district: String
    /// Display name: the earliest row's product name, trimmed, white space collapsed, case kept.
    public let name: String
    public let sector: Sector
    public let category: ProductCategory?
    public let description: String
    /// The list's GI flag (unreliable: see `GIReconciliation`); `nil` when not given.
    public let giFlag: Bool?
    /// Canonical ministry name; `nil` when not given.
    public let ministry: String?
    public let photoURL: String?
    /// The district's chosen LGD code.
    public let lgdCode: Int?
    /// Lines of the source rows, ascending.
    public let sourceLines: [Int]

    public init(
        key: ProductKey, state: StateUT, district: String, name: String, sector: Sector,
        category: ProductCategory?, description: String, giFlag: Bool?, ministry: String?,
        photoURL: String?, lgdCode: Int?, sourceLines: [Int]
    ) {
        self.key = key
        self.state = state
        self.district = district
        self.name = name
        self.sector = sector
        self.category = category
        self.description = description
        self.giFlag = giFlag
        self.ministry = ministry
        self.photoURL = photoURL
        self.lgdCode = lgdCode
        self.sourceLines = sourceLines
    }
}

/// Rows that became one product after district merging (same state, canonical district and
/// normalised product name). The earliest row's values are kept.
public struct ProductDuplicate: Sendable, Hashable, CustomStringConvertible {
    public let key: ProductKey
    /// The row whose values the product keeps.
    public let keptLine: Int
    /// The other rows folded into it, ascending.
    public let foldedLines: [Int]
    /// Columns whose cleaned values differ between the kept row and a folded one
    /// (e.g. `["Sector", "GI Status"]`): information the fold discarded.
    public let differingColumns: [String]

    public var description: String {
        "\(key): kept line \(keptLine), folded \(foldedLines)"
            + (differingColumns.isEmpty ? "" : ", differing \(differingColumns.joined(separator: ", "))")
    }
}
