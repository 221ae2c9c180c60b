import ODOPReference
/// A product whose ODOP list GI flag disagrees with the GI registry.
public struct GIDiscrepancy: Sendable, Hashable, CustomStringConvertible {
    /// Raw values are the wire forms (`gi.discrepancies` items' `kind`).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The list says No, but the product names a registered GI (e.g. Moradabad Metal Craft).
        case registeredButFlaggedNo = "flag_no_but_registered"
        /// The list says Yes, but no registered GI matches the product's name in its state.
        /// Not necessarily wrong (the product may be a GI under another name): unconfirmed.
        case flaggedYesButUnconfirmed = "flag_yes_but_unconfirmed"
    }

    public let kind: Kind
    public let product: ProductKey
    public let state: StateUT
    public let district: String
    public let productName: String
    public let sourceLines: [Int]
    /// The matched GI, for `registeredButFlaggedNo`.
    public let match: GIMatch?

    public var description: String {
        let summary = kind == .registeredButFlaggedNo ? "registered but flagged No" : "flagged Yes, unconfirmed"
        return "\(summary): \(state.name) / \(district) / \(productName)"
            + (match.map { " = GI \"\($0.entry.name)\" (\($0.rule.rawValue))" } ?? "")
    }
}

/// Compares the ODOP list's GI flags with the GI registry.
///
/// Each product is matched with `GIRegistry.bestMatch(productName:state:district:)`. A product
/// flagged No that matches is `registeredButFlaggedNo`; a product flagged Yes that matches
/// nothing is `flaggedYesButUnconfirmed`; products without a flag are not judged. Results keep
/// the order of `products`.
public enum GIReconciliation {
    /// The registry match of every product that has one, keyed by product.
    public static func matches(products: [PlannedProduct], registry: GIRegistry) -> [ProductKey: GIMatch] {
        var result: [ProductKey: GIMatch] = [:]
        for product in products {
            if let match = registry.bestMatch(productName: product.name, state: product.state, district: product.district) {
                result[product.key] = match
            }
        }
        return result
    }

    /// Products whose flag disagrees with the registry.
    public static func reconcile(products: [PlannedProduct], registry: GIRegistry) -> [GIDiscrepancy] {
        products.compactMap { product in
            guard let flag = product.giFlag else { return nil }
            let match = registry.bestMatch(productName: product.name, state: product.state, district: product.district)
            let kind: GIDiscrepancy.Kind
            switch (flag, match) {
            case (false, .some): kind = .registeredButFlaggedNo
            case (true, .none): kind = .flaggedYesButUnconfirmed
            default: return nil
            }
            return GIDiscrepancy(
                kind: kind, product: product.key, state: product.state, district: product.district,
                productName: product.name, sourceLines: product.sourceLines, match: match
            )
        }
    }
}
