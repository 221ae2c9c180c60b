import Foundation
import ODOPMessages

/// Random record ids: a prefix naming the kind (`art`, `app`, `bat`, `enr`, `tk`, `st`, `pay`)
/// and 16 characters of a random UUID. Random, so an id reveals nothing about who or how many.
enum RecordId {
    static func make(_ prefix: String) -> String {
        let random = RandomUUID.string().replacingOccurrences(of: "-", with: "").prefix(16)
        return "\(prefix)-\(random)"
    }

    /// A certificate number: `CERT-<scheme initials>-<year>-<12 random characters>`, uppercase.
    static func certificate(schemeId: String, year: Int) -> String {
        let initials = schemeId.split(separator: "-").compactMap(\.first).map(String.init).joined().uppercased()
        let random = RandomUUID.string().replacingOccurrences(of: "-", with: "").prefix(12).uppercased()
        return "CERT-\(initials)-\(year)-\(random)"
    }
}
