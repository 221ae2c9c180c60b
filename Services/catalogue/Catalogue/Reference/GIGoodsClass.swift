import ODOPReference

/// The class of goods a Geographical Indication is registered under, as used by India's GI
/// Registry. Raw values are the stored, lowercase forms used on the wire (`GIRegistryMatch.goods`);
/// `label` is the registry's display label.
///
/// `GIGoodsClass(parsing:)` folds case, spaces and punctuation and accepts the labels of the
/// registry file and their variants:
///
/// | input (folded)                       | class          |
/// | ------------------------------------ | -------------- |
/// | agricultural, agriculture            | agricultural   |
/// | handicraft, handicrafts              | handicraft     |
/// | manufactured, manufacture            | manufactured   |
/// | foodstuff, foodstuffs (`Food Stuff`) | foodstuff      |
/// | natural, naturalgoods                | naturalGoods   |
///
/// Anything else is `nil`.
public enum GIGoodsClass: String, Sendable, Hashable, CaseIterable, Codable {
    case agricultural
    case handicraft
    case manufactured
    case foodstuff
    case naturalGoods = "natural goods"

    /// The registry's label: `Agricultural`, `Handicraft`, `Manufactured`, `Food Stuff`, `Natural Goods`.
    public var label: String {
        switch self {
        case .agricultural: "Agricultural"
        case .handicraft: "Handicraft"
        case .manufactured: "Manufactured"
        case .foodstuff: "Food Stuff"
        case .naturalGoods: "Natural Goods"
        }
    }

    /// The class named by `raw` (see the table in the type's documentation), or `nil`.
    public init?(parsing raw: String) {
        switch TextFolding.letterDigitKey(raw) {
        case "agricultural", "agriculture": self = .agricultural
        case "handicraft", "handicrafts": self = .handicraft
        case "manufactured", "manufacture": self = .manufactured
        case "foodstuff", "foodstuffs": self = .foodstuff
        case "natural", "naturalgoods": self = .naturalGoods
        default: return nil
        }
    }
}
