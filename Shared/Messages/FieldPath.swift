import Foundation

/// How the wire names a place inside a JSON document: member names joined by ".", array
/// indexes as decimal numbers, from the root of the document that was decoded
/// (`state`, `interventions.2.title`, `args.name`). The root itself has no name (`nil`).
enum FieldPath {
    static func render(_ path: [any CodingKey]) -> String? {
        guard !path.isEmpty else { return nil }
        return path.map(component).joined(separator: ".")
    }

    static func render(_ path: [MemberKey]) -> String? {
        guard !path.isEmpty else { return nil }
        return path.map(\.stringValue).joined(separator: ".")
    }

    private static func component(_ key: any CodingKey) -> String {
        if let key = key as? MemberKey {
            return key.stringValue
        }
        // Index keys of other decoders spell themselves "Index 2"; the wire says "2".
        if let index = key.intValue, key.stringValue.hasPrefix("Index ") {
            return String(index)
        }
        return key.stringValue
    }

    /// The value found at `path` below `root`, if any.
    static func value(at path: [any CodingKey], in root: JSONValue) -> JSONValue? {
        var current = root
        for key in path {
            switch current {
            case .object(let members):
                guard let next = members[key.stringValue] else { return nil }
                current = next
            case .array(let elements):
                guard let index = key.intValue ?? Int(key.stringValue), elements.indices.contains(index)
                else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}
