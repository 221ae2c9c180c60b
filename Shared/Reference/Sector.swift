/// The catalogue's fixed sector taxonomy for ODOP products. Raw values are the stored,
/// lowercase forms used on the wire.
///
/// Taxonomy (follows the national ODOP list's `Sector` column, which the catalogue adopts as is):
/// - `agriculture`: crops, fruit, vegetables, spices and plantation produce sold largely
///   unprocessed (Basmati rice, mangoes, turmeric, tea, coconut).
/// - `dairy`: milk and milk products.
/// - `food processing`: processed or packaged foods and drinks (namkeen, pickles, jaggery, rice
///   mills, spice processing).
/// - `handicraft`: artisan crafts (metal craft, pottery, woodwork, paintings, toys, embroidery).
/// - `handloom`: hand-woven fabrics and sarees.
/// - `manufacturing`: industrial and factory goods (glass, locks, engineering, perfume, stone).
/// - `marine`: fish, shrimp and other sea food.
/// - `textile`: mill and power-loom textiles, silk products, garments, carpets.
/// - `others`: whatever the source files under "Others" (tourism, IT, minerals, ...).
///
/// `Sector(parsing:)` trims, folds white space and case, and accepts exactly these spellings:
///
/// | input (after folding)           | sector            |
/// | ------------------------------- | ----------------- |
/// | agriculture, agricultural       | agriculture       |
/// | dairy                           | dairy             |
/// | food processing                 | food processing   |
/// | handicraft, handicrafts         | handicraft        |
/// | handloom, handlooms             | handloom          |
/// | manufacturing                   | manufacturing     |
/// | marine                          | marine            |
/// | textile, textiles               | textile           |
/// | others, other                   | others            |
///
/// This covers every value in the ODOP CSV (`Agriculture`, `Dairy`, `dairy`, `Food Processing`,
/// `Food processing`, `Handicraft`, `handicraft`, `Handloom`, `handlooms`, `Manufacturing`,
/// `Marine`, `Others`, `Textile`, `textile `). Anything else is `nil`.
public enum Sector: String, Sendable, Hashable, CaseIterable, Codable {
    case agriculture
    case dairy
    case foodProcessing = "food processing"
    case handicraft
    case handloom
    case manufacturing
    case marine
    case textile
    case others

    /// The sector named by `raw` (see the table in the type's documentation), or `nil`.
    public init?(parsing raw: String) {
        guard let sector = Sector.spellings[TextFolding.caseFolded(raw)] else { return nil }
        self = sector
    }

    private static let spellings: [String: Sector] = [
        "agriculture": .agriculture, "agricultural": .agriculture,
        "dairy": .dairy,
        "food processing": .foodProcessing,
        "handicraft": .handicraft, "handicrafts": .handicraft,
        "handloom": .handloom, "handlooms": .handloom,
        "manufacturing": .manufacturing,
        "marine": .marine,
        "textile": .textile, "textiles": .textile,
        "others": .others, "other": .others,
    ]
}
