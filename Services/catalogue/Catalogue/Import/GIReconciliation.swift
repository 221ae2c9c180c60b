import ODOPMessages

/// Compares the ODOP list's GI flag of each product with the GI registry: the one rule behind
/// `gi.discrepancies`.
///
/// A product is judged by its stored flag (`giStatus`, `false` when the list gave none) and its
/// registry match (`giRegistry`, found by `GIRegistry.bestMatch` when the product was stored):
/// flagged No but matching a registered GI is `flag_no_but_registered` (e.g. Moradabad Metal
/// Craft); flagged Yes but matching none is `flag_yes_but_unconfirmed` (not necessarily wrong:
/// the product may be a GI under another name). Retired products are not judged.
public enum GIReconciliation {
    /// Raw values are the wire forms (`gi.discrepancies` items' `kind`).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case registeredButFlaggedNo = "flag_no_but_registered"
        case flaggedYesButUnconfirmed = "flag_yes_but_unconfirmed"
    }

    /// How a flag and a registry match disagree, or `nil` when they agree.
    public static func kind(listedGI: Bool, registered: Bool) -> Kind? {
        switch (listedGI, registered) {
        case (false, true): .registeredButFlaggedNo
        case (true, false): .flaggedYesButUnconfirmed
        default: nil
        }
    }

    /// The `gi.discrepancies` result for `products`, in their order.
    public static func discrepancies(_ products: [ProductRecord]) -> GIDiscrepancies.Result {
        let items = products.compactMap { product -> GIDiscrepancies.Item? in
            guard product.status == .active,
                let kind = kind(listedGI: product.giStatus, registered: product.giRegistry != nil)
            else { return nil }
            return GIDiscrepancies.Item(
                productId: product.id, name: product.name, state: product.state, district: product.district,
                listedGI: product.giStatus, registryName: product.giRegistry?.name, kind: kind.rawValue)
        }
        return GIDiscrepancies.Result(
            items: items, registeredButNotFlagged: items.filter { !$0.listedGI }.count,
            flaggedButUnconfirmed: items.filter(\.listedGI).count)
    }
}
