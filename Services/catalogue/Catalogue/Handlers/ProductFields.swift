import ODOPReference
import Foundation
import ODOPMessages

/// The catalogue's field rules, applied to every command argument before anything is stored.
/// Each failure is `invalid_argument` naming the field. States and sectors are read by the rule
/// every service shares, `PlaceArguments`.
enum ProductFields {
    static let maxNameLength = 200
    static let maxDescriptionLength = 5000
    static let maxMinistryLength = 200
    static let maxReasonLength = 1000

    static func name(_ raw: String, field: String = "name", max: Int = maxNameLength) throws(CommandError) -> String {
        let name = TextFolding.collapsingWhitespace(raw)
        guard !name.isEmpty else { throw .invalidArgument("field '\(field)' must not be empty", field: field) }
        guard name.count <= max else {
            throw .invalidArgument("field '\(field)' is \(name.count) characters; at most \(max) are allowed", field: field)
        }
        guard !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw .invalidArgument("field '\(field)' must not contain control characters", field: field)
        }
        return name
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
        guard let raw else { return nil }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= maxDescriptionLength else {
            throw .invalidArgument(
                "field 'description' is \(text.count) characters; at most \(maxDescriptionLength) are allowed", field: "description")
        }
        return text.isEmpty ? nil : text
    }

    static func ministry(_ raw: String?) throws(CommandError) -> String? {
        guard let raw else { return nil }
        let text = try name(raw, field: "ministry", max: maxMinistryLength)
        return Ministry.normalise(text)
    }

    static func reason(_ raw: String?) throws(CommandError) -> String? {
        guard let raw else { return nil }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= maxReasonLength else {
            throw .invalidArgument("field 'reason' is \(text.count) characters; at most \(maxReasonLength) are allowed", field: "reason")
        }
        return text.isEmpty ? nil : text
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
