import Foundation
import ODOPReference

/// Where a command acts: a state (by its two-letter code) and, when it names one, a district (by
/// the catalogue's district id, `<code>-<folded name>`). Used to check a scoped key and written
/// in the audit trail.
public struct CommandPlace: Sendable, Equatable {
    public var stateCode: String?
    public var districtID: String?

    public init(stateCode: String?, districtID: String? = nil) {
        self.stateCode = stateCode
        self.districtID = districtID
        if stateCode == nil, let districtID {
            self.stateCode = districtID.split(separator: "-", maxSplits: 1).first.map(String.init)
        }
    }

    /// The place of a district named `name` in `state`, with the id the catalogue gives it.
    public init(state: StateUT, district name: String?) {
        self.init(stateCode: state.code, districtID: name.map { Self.districtID(stateCode: state.code, name: $0) })
    }

    /// The catalogue's district id rule: the state code, a hyphen, the case-folded name with
    /// every run of non-alphanumerics as one hyphen (`UP-firozabad`, `TN-the-nilgiris`).
    public static func districtID(stateCode: String, name: String) -> String {
        let slug = TextFolding.caseFolded(name).unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? String($0) : "-" }.joined()
        return "\(stateCode)-\(slug.split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-"))"
    }

    var description: String { districtID ?? stateCode ?? "-" }
}
