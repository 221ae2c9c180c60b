import ODOPReference

/// A column of the national ODOP list, and how its header is recognised.
///
/// Headers are matched by name, not position: a header cell is folded to its lowercase letters
/// and digits (`"Ministry/ Department"` → `"ministrydepartment"`, `" LGD  Code"` → `"lgdcode"`)
/// and compared with each column's accepted header keys. Columns not listed here are ignored.
///
/// Required columns (a file without one of them is refused): `State`, `District`, `Product`,
/// `Sector` — the fields a catalogue product cannot exist without. The others are optional:
/// when absent, the corresponding row value is `nil` (or empty for the description).
public enum ODOPListColumn: String, Sendable, Hashable, CaseIterable {
    case state = "State"
    case product = "Product"
    case district = "District"
    case lgdCode = "LGD Code"
    case category = "Category"
    case sector = "Sector"
    case description = "Description"
    case giStatus = "GI Status"
    case photo = "Photo"
    case ministry = "Ministry/ Department"

    /// Whether a file lacking this column is refused.
    public var isRequired: Bool {
        switch self {
        case .state, .product, .district, .sector: true
        default: false
        }
    }

    /// Folded header spellings accepted for this column.
    var headerKeys: Set<String> {
        switch self {
        case .state: ["state", "stateut", "stateuts", "statename"]
        case .product: ["product", "productname", "products"]
        case .district: ["district", "districtname"]
        case .lgdCode: ["lgdcode", "lgd", "lgddistrictcode", "districtlgdcode"]
        case .category: ["category", "productcategory"]
        case .sector: ["sector"]
        case .description: ["description", "productdescription"]
        case .giStatus: ["gistatus", "gi", "gitagged", "gitag"]
        case .photo: ["photo", "photourl", "image", "imageurl"]
        case .ministry: ["ministrydepartment", "ministry", "department", "ministryordepartment"]
        }
    }

    /// The column a header cell names, or `nil`.
    static func named(byHeader header: String) -> ODOPListColumn? {
        let key = TextFolding.letterDigitKey(header)
        return allCases.first { $0.headerKeys.contains(key) }
    }
}
