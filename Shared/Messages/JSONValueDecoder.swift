import Foundation

/// A `Decoder` that reads `Decodable` types directly from a `JSONValue` tree.
///
/// Strict in the same way as the wire format: integers accept only integral numbers that fit
/// (`1.5` and `"1"` are type mismatches), strings only strings, booleans only booleans, and
/// `null` is never a value for a non-optional. Members not asked for are ignored. Errors are
/// `DecodingError`s whose coding paths use `MemberKey` and whose `underlyingError` is a
/// `ValueMismatch` when the decoder itself found the wrong kind of value; `WireFormat` turns
/// them into `CommandError`s.
///
/// Special cases, matching `JSONDecoder`'s defaults: `JSONValue` is taken as is, `Data` is a
/// base64 string, `URL` a string, `Decimal` a number, `Date` seconds since 1970 (a number).
final class JSONValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: JSONValue, codingPath: [any CodingKey]) {
        self.value = value
        self.codingPath = codingPath
    }

    /// Decodes `type` from `value`, which sits at `path` in the document.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, at path: [any CodingKey]) throws -> T {
        if T.self == JSONValue.self { return value as! T }
        if T.self == String.self { return try unboxString(value, path: path) as! T }
        if T.self == Int64.self { return try unboxInteger(value, as: Int64.self, path: path) as! T }
        if T.self == Int.self { return try unboxInteger(value, as: Int.self, path: path) as! T }
        if T.self == Bool.self { return try unboxBool(value, path: path) as! T }
        if T.self == Double.self { return try unboxFloat(value, as: Double.self, path: path) as! T }
        if T.self == Data.self { return try unboxData(value, path: path) as! T }
        if T.self == URL.self { return try unboxURL(value, path: path) as! T }
        if T.self == Decimal.self { return try unboxDecimal(value, path: path) as! T }
        return try T(from: JSONValueDecoder(value: value, codingPath: path))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw Self.mismatch([String: Any].self, expected: "an object", found: value, path: codingPath)
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw Self.mismatch([Any].self, expected: "an array", found: value, path: codingPath)
        }
        return UnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(value: value, codingPath: codingPath)
    }
}

/// The decoder found a value of the wrong kind (or `null`) where it expected `expected`.
struct ValueMismatch: Error {
    /// What was wanted, as a phrase: "an integer", "a string", …
    var expected: String
    var found: JSONValue
}

/// The decoder found a value of the right kind that the target type cannot hold.
struct ValueOutOfRange: Error {
    var message: String
}

// MARK: - Unboxing scalars

// The coding path is taken lazily: it is needed only for an error, and building it for every
// member decoded (an array append) was a good part of decoding a small payload.

extension JSONValueDecoder {
    static func mismatch(_ type: Any.Type, expected: String, found: JSONValue, path: [any CodingKey]) -> DecodingError {
        let context = DecodingError.Context(
            codingPath: path, debugDescription: "Expected \(expected) but found \(found.kindDescription).",
            underlyingError: ValueMismatch(expected: expected, found: found))
        if found.isNull {
            return .valueNotFound(type, context)
        }
        return .typeMismatch(type, context)
    }

    static func unboxBool(_ value: JSONValue, path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        guard case .bool(let bool) = value else {
            throw mismatch(Bool.self, expected: "a boolean", found: value, path: path())
        }
        return bool
    }

    static func unboxString(_ value: JSONValue, path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard case .string(let string) = value else {
            throw mismatch(String.self, expected: "a string", found: value, path: path())
        }
        return string
    }

    static func unboxInteger<T: FixedWidthInteger>(_ value: JSONValue, as type: T.Type, path: @autoclosure () -> [any CodingKey]) throws
        -> T
    {
        switch value {
        case .int(let integer):
            if let result = T(exactly: integer) { return result }
            throw outOfRange(type, "\(integer) does not fit in \(T.self)", path: path())
        case .double(let double) where double.rounded(.towardZero) == double:
            if let result = T(exactly: double) { return result }
            throw outOfRange(type, "\(double) does not fit in \(T.self)", path: path())
        default:
            throw mismatch(type, expected: "an integer", found: value, path: path())
        }
    }

    static func unboxFloat<T: BinaryFloatingPoint>(_ value: JSONValue, as type: T.Type, path: @autoclosure () -> [any CodingKey]) throws
        -> T
    {
        let double: Double
        switch value {
        case .int(let integer): double = Double(integer)
        case .double(let number): double = number
        default: throw mismatch(type, expected: "a number", found: value, path: path())
        }
        let result = T(double)
        guard result.isFinite else {
            throw outOfRange(type, "\(double) does not fit in \(T.self)", path: path())
        }
        return result
    }

    static func unboxData(_ value: JSONValue, path: @autoclosure () -> [any CodingKey]) throws -> Data {
        let string = try unboxString(value, path: path())
        guard let data = Data(base64Encoded: string) else {
            throw outOfRange(Data.self, "not valid base64", path: path())
        }
        return data
    }

    static func unboxURL(_ value: JSONValue, path: @autoclosure () -> [any CodingKey]) throws -> URL {
        let string = try unboxString(value, path: path())
        guard let url = URL(string: string) else {
            throw outOfRange(URL.self, "not a valid URL", path: path())
        }
        return url
    }

    static func unboxDecimal(_ value: JSONValue, path: @autoclosure () -> [any CodingKey]) throws -> Decimal {
        switch value {
        case .int(let integer): return Decimal(integer)
        case .double(let double): return Decimal(double)
        default: throw mismatch(Decimal.self, expected: "a number", found: value, path: path())
        }
    }

    private static func outOfRange(_ type: Any.Type, _ message: String, path: @autoclosure () -> [any CodingKey]) -> DecodingError {
        .dataCorrupted(
            DecodingError.Context(
                codingPath: path(), debugDescription: message, underlyingError: ValueOutOfRange(message: message)))
    }
}

// MARK: - Keyed container

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    private func value(for key: Key) throws -> JSONValue {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(
                    codingPath: codingPath, debugDescription: "No value for key '\(key.stringValue)'."))
        }
        return value
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool { try value(for: key).isNull }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try JSONValueDecoder.unboxBool(value(for: key), path: path(key))
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try JSONValueDecoder.unboxString(value(for: key), path: path(key))
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try float(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try float(type, key) }
    // Int and Int64, the integers payloads use, take an integral `.int` straight away: through
    // the generic `integer`, which the compiler shares between all widths, each one cost about
    // a thousand instructions of metadata lookups (callgrind, a subscriber's decode).
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        let value = try value(for: key)
        if case .int(let integer) = value, let result = Int(exactly: integer) { return result }
        return try JSONValueDecoder.unboxInteger(value, as: type, path: path(key))
    }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        let value = try value(for: key)
        if case .int(let integer) = value { return integer }
        return try JSONValueDecoder.unboxInteger(value, as: type, path: path(key))
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try JSONValueDecoder.decode(type, from: value(for: key), at: path(key))
    }

    /// Missing and `null` both mean "absent" for an optional member.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = members[key.stringValue], !value.isNull else { return nil }
        return try JSONValueDecoder.decode(type, from: value, at: path(key))
    }

    private func integer<T: FixedWidthInteger>(_ type: T.Type, _ key: Key) throws -> T {
        try JSONValueDecoder.unboxInteger(value(for: key), as: type, path: path(key))
    }

    private func float<T: BinaryFloatingPoint>(_ type: T.Type, _ key: Key) throws -> T {
        try JSONValueDecoder.unboxFloat(value(for: key), as: type, path: path(key))
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try JSONValueDecoder(value: value(for: key), codingPath: path(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try JSONValueDecoder(value: value(for: key), codingPath: path(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        let key = MemberKey("super")
        return JSONValueDecoder(value: members[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        JSONValueDecoder(value: members[key.stringValue] ?? .null, codingPath: path(key))
    }
}

// MARK: - Unkeyed container

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private var currentPath: [any CodingKey] { codingPath + [MemberKey(index: currentIndex)] }

    private mutating func next<T>(_ type: T.Type, _ read: (JSONValue, [any CodingKey]) throws -> T) throws -> T {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type, DecodingError.Context(codingPath: currentPath, debugDescription: "Unkeyed container is at end."))
        }
        let result = try read(elements[currentIndex], currentPath)
        currentIndex += 1
        return result
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                JSONValue.self,
                DecodingError.Context(codingPath: currentPath, debugDescription: "Unkeyed container is at end."))
        }
        if elements[currentIndex].isNull {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        try next(type) { value, path in try JSONValueDecoder.unboxBool(value, path: path) }
    }
    mutating func decode(_ type: String.Type) throws -> String {
        try next(type) { value, path in try JSONValueDecoder.unboxString(value, path: path) }
    }
    mutating func decode(_ type: Double.Type) throws -> Double { try float(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try float(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next(type) { value, path in try JSONValueDecoder.decode(type, from: value, at: path) }
    }

    private mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        try next(type) { value, path in try JSONValueDecoder.unboxInteger(value, as: type, path: path) }
    }

    private mutating func float<T: BinaryFloatingPoint>(_ type: T.Type) throws -> T {
        try next(type) { value, path in try JSONValueDecoder.unboxFloat(value, as: type, path: path) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try next(KeyedDecodingContainer<NestedKey>.self) { value, path in
            try JSONValueDecoder(value: value, codingPath: path).container(keyedBy: type)
        }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next((any UnkeyedDecodingContainer).self) { value, path in
            try JSONValueDecoder(value: value, codingPath: path).unkeyedContainer()
        }
    }

    mutating func superDecoder() throws -> any Decoder {
        try next((any Decoder).self) { value, path in JSONValueDecoder(value: value, codingPath: path) }
    }
}

// MARK: - Single value container

private struct SingleValueContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value.isNull }

    func decode(_ type: Bool.Type) throws -> Bool { try JSONValueDecoder.unboxBool(value, path: codingPath) }
    func decode(_ type: String.Type) throws -> String { try JSONValueDecoder.unboxString(value, path: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try float(type) }
    func decode(_ type: Float.Type) throws -> Float { try float(type) }
    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONValueDecoder.decode(type, from: value, at: codingPath)
    }

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        try JSONValueDecoder.unboxInteger(value, as: type, path: codingPath)
    }

    private func float<T: BinaryFloatingPoint>(_ type: T.Type) throws -> T {
        try JSONValueDecoder.unboxFloat(value, as: type, path: codingPath)
    }
}
