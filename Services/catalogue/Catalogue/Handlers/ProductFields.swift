import Foundation
import ODOPMessages
import ODOPReference
import ODOPRuntime

/// The catalogue's field rules, applied to every command argument before anything is stored.
/// Each failure is `invalid_argument` naming the field. States and sectors are read by the rule
/// every service shares, `PlaceArguments`; free text by `TextArguments` (one rule and one wording
/// for "trimmed, non-empty, at most N").
enum ProductFields {
    static let maxNameLength = 200
    static let maxDescriptionLength = 5000
    static let maxMinistryLength = 200
    static let maxReasonLength = 1000

    static func name(_ raw: String, field: String = "name", max: Int = maxNameLength) throws(CommandError) -> String {
        try TextArguments.name(raw, field: field, maximum: max)
    }

    static func category(_ raw: String?) throws(CommandError) -> ProductCategory? {
        guard let raw else { return nil }
        guard let category = ProductCategory(parsing: raw) else {
            throw .invalidArgument(
                "unknown category '\(raw)'; one of: \(ProductCategory.allCases.map(\.rawValue).joined(separator: ", "))", field: "category")
        }
        return category
    }

    static func description(_ raw: String?) throws(CommandError) -> String? {
        try TextArguments.optional(raw, field: "description", maximum: maxDescriptionLength)
    }

    static func ministry(_ raw: String?) throws(CommandError) -> String? {
        guard let raw else { return nil }
        let text = try name(raw, field: "ministry", max: maxMinistryLength)
        return Ministry.normalise(text)
    }

    static func reason(_ raw: String?) throws(CommandError) -> String? {
        try TextArguments.optional(raw, field: "reason", maximum: maxReasonLength)
    }

    static func lgdCode(_ raw: Int?) throws(CommandError) -> Int? {
        guard let raw else { return nil }
        guard (1...99_999).contains(raw) else {
            throw .invalidArgument("field 'lgdCode' must be a positive LGD district code, got \(raw)", field: "lgdCode")
        }
        return raw
    }

    static func id(_ raw: String) throws(CommandError) -> String {
        let id = raw.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty, id.count <= 100 else { throw .invalidArgument("field 'id' must be a product id", field: "id") }
        return id
    }
}
