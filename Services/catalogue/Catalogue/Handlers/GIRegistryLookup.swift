import Foundation
import ODOPMessages
import ODOPReference

/// The GI registry the catalogue matches products against, loaded once at start from the
/// registry file (or absent, when none was configured: then no product has a registry match).
struct GIRegistryLookup: Sendable {
    let registry: GIRegistry?

    static let none = GIRegistryLookup(registry: nil)

    /// Loads and parses the registry file.
    static func load(path: String) throws -> GIRegistryLookup {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return GIRegistryLookup(registry: try GIRegistry.parse(text: text))
    }

    func match(name: String, state: StateUT, district: String) -> GIRegistryMatch? {
        guard let entry = registry?.match(productName: name, state: state, district: district) else { return nil }
        return GIRegistryMatch(name: entry.name, goods: entry.goods?.rawValue ?? "")
    }
}
