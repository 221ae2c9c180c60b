import Foundation

/// The one place where JSON is written and read for the wire.
///
/// Writing: compact UTF-8 JSON, object keys sorted, `/` not escaped, never pretty-printed.
/// Optional members that are `nil` are omitted unless a type says otherwise (the reply `id`
/// and the envelope's `seq` and `correlationId` are always written, as `null` when absent).
///
/// Reading is strict and every failure is a `CommandError` that names the field:
/// - not JSON (syntax error, invalid UTF-8, duplicate member name, nesting deeper than 256)
///   → `invalid_json`; invalid UTF-8 inside a string names the field holding it, as a path
///   from the document root (`args.name`);
/// - a missing member → `code`, field = dotted path, message `missing field 'state'`;
/// - a value of the wrong kind, or `null` for a non-optional → `code`, message
///   `field 'limit' must be an integer, got "1"` (`1.5` and `"1"` are not integers);
/// - a value the type rejects (unknown enum raw value, out of range) → `code`, naming the field.
/// Members the type does not know are ignored, so a newer producer never breaks an older consumer.
public enum WireFormat {
    /// Encodes `value` as compact JSON with sorted keys.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        if let encoded = try? WireJSONEncoder.encode(value) { return encoded }
        return try foundationEncoder().encode(value)
    }

    /// Appends `value`'s JSON, as `encode(_:)` writes it, to `bytes` (a frame being built
    /// around it), without a buffer of its own in between.
    public static func encode<T: Encodable>(_ value: T, appendingTo bytes: inout [UInt8]) throws {
        do {
            try WireJSONEncoder.encode(value, appendingTo: &bytes)
        } catch {
            bytes.append(contentsOf: try foundationEncoder().encode(value))
        }
    }

    /// Foundation's encoder with the wire's options, for what only Foundation writes (see
    /// `WireJSONEncoder`), and its errors.
    private static func foundationEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Parses JSON text into a `JSONValue`; any failure is `invalid_json`.
    public static func parse(_ data: Data) throws(CommandError) -> JSONValue {
        do throws(JSONParseError) {
            return try JSONParser.parse(data)
        } catch {
            throw error.commandError
        }
    }

    /// Decodes `type` from JSON text. Schema failures use `code`; JSON failures `invalid_json`.
    public static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, as code: ErrorCode = .invalidArgument
    ) throws(CommandError) -> T {
        let root = try parse(data)
        return try decode(type, from: root, as: code)
    }

    /// Decodes `type` from an already parsed value (for example a request's `args`), with the
    /// same rules; field paths are relative to `value`.
    public static func decode<T: Decodable>(
        _ type: T.Type, from value: JSONValue, as code: ErrorCode = .invalidArgument
    ) throws(CommandError) -> T {
        do {
            return try JSONValueDecoder.decode(type, from: value, at: [])
        } catch {
            throw DecodingFailure.commandError(for: error, root: value, code: code)
        }
    }

    /// The wire's name for a coding path (`interventions.2.title`), or nil for the root.
    /// Useful for a type that validates inside `init(from:)` and throws a `CommandError`.
    public static func fieldPath(_ codingPath: [any CodingKey]) -> String? {
        FieldPath.render(codingPath)
    }
}
