import Foundation

/// Turns an error thrown while decoding a `JSONValue` into the `CommandError` the wire reports.
///
/// Messages name the field by its dotted path (see `FieldPath`):
/// - missing member: `missing field 'state'`
/// - wrong kind of value, or `null` for a non-optional: `field 'limit' must be an integer, got "1"`
/// - a value the type rejects (an unknown enum raw value, a number out of range):
///   `field 'state' has an invalid value "bogus"`
/// A `CommandError` thrown by a type's own `init(from:)` passes through unchanged.
enum DecodingFailure {
    static func commandError(for error: any Error, root: JSONValue, code: ErrorCode) -> CommandError {
        if let error = error as? CommandError {
            return error
        }
        guard let error = error as? DecodingError else {
            return CommandError(code: code, message: String(describing: error))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let path = context.codingPath + [key]
            let field = FieldPath.render(path) ?? key.stringValue
            return CommandError(code: code, message: "missing field '\(field)'", field: field)

        case .valueNotFound(let type, let context), .typeMismatch(let type, let context):
            let path = context.codingPath
            let field = FieldPath.render(path)
            let mismatch = context.underlyingError as? ValueMismatch
            guard let found = mismatch?.found ?? FieldPath.value(at: path, in: root) else {
                // Nothing there at all: an array shorter than the type needs, for example.
                return CommandError(code: code, message: "missing field '\(field ?? "")'", field: field)
            }
            let expected = mismatch?.expected ?? expectation(for: type)
            return CommandError(
                code: code, message: "\(subject(field)) must be \(expected), got \(describe(found))", field: field)

        case .dataCorrupted(let context):
            let path = context.codingPath
            let field = FieldPath.render(path)
            var message = "\(subject(field)) has an invalid value"
            if let found = FieldPath.value(at: path, in: root) {
                message += " \(describe(found))"
            }
            if let outOfRange = context.underlyingError as? ValueOutOfRange {
                message += ": \(outOfRange.message)"
            } else if !context.debugDescription.hasPrefix("Cannot initialize"), !context.debugDescription.isEmpty {
                // A type's own explanation; the synthesized enum message adds nothing.
                message += ": \(context.debugDescription)"
            }
            return CommandError(code: code, message: message, field: field)

        @unknown default:
            return CommandError(code: code, message: String(describing: error))
        }
    }

    private static func subject(_ field: String?) -> String {
        field.map { "field '\($0)'" } ?? "value"
    }

    private static func expectation(for type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean"
        case is any FixedWidthInteger.Type: return "an integer"
        case is any BinaryFloatingPoint.Type, is Decimal.Type: return "a number"
        case is [String: Any].Type: return "an object"
        case is [Any].Type: return "an array"
        default: return "of type \(type)"
        }
    }

    /// A short rendering of a found value: scalars as JSON (long strings cut), containers by kind.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let bool): return String(bool)
        case .int(let int): return String(int)
        case .double(let double): return String(double)
        case .string(let string):
            let shown = string.count > 40 ? String(string.prefix(40)) + "…" : string
            var data = Data()
            JSONStringLiteral.append(shown, to: &data)
            return String(decoding: data, as: UTF8.self)
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
