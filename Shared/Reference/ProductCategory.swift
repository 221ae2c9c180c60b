/// The ODOP list's product category: whether the product is the district's primary product,
/// a secondary or tertiary one, or filed under "others".
///
/// `ProductCategory(parsing:)` trims, folds white space and case: `"primary"`, `" Secondary "`,
/// `"TERTIARY"` parse; `"other"` is accepted for `others`. Anything else (including empty) is `nil`.
public enum ProductCategory: String, Sendable, Hashable, CaseIterable, Codable {
    case primary
    case secondary
    case tertiary
    case others

    /// The category named by `raw`, or `nil`.
    public init?(parsing raw: String) {
        let key = TextFolding.caseFolded(raw)
        if let category = ProductCategory(rawValue: key) {
            self = category
        } else if key == "other" {
            self = .others
        } else {
            return nil
        }
    }
}
