import ODOPReference

/// The ODOP list's "GI Status" flag: whether the product is said to carry a registered
/// Geographical Indication. (The flag is not reliable; see `GIReconciliation`.)
///
/// `GIStatus.parse(_:)` trims, folds white space and case and maps
/// `yes`, `y`, `true` → `true` and `no`, `n`, `false` → `false`. This covers every spelling in
/// the ODOP CSV (`Yes`, `Yes `, `yes`, `yes `, `No`, `No `, `NO `, `no`, `no `). Anything else,
/// including the empty string, is `nil` (unknown), never a guess.
public enum GIStatus {
    /// `true` for a Yes variant, `false` for a No variant, `nil` otherwise.
    public static func parse(_ raw: String) -> Bool? {
        switch TextFolding.caseFolded(raw) {
        case "yes", "y", "true": true
        case "no", "n", "false": false
        default: nil
        }
    }
}
