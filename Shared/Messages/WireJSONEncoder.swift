import Foundation

/// Writes JSON exactly as Foundation's `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]`
/// writes it (the wire format, `WireFormat.encode`), at a fraction of its cost: members are kept
/// in arrays, not hashed into dictionaries, and written straight into one byte buffer.
///
/// Contract:
/// - For every value it accepts, the bytes are Foundation's: compact; object members sorted by
///   their keys' UTF-8 bytes, a key written twice keeping its last value; `/` not escaped; `"`,
///   `\` and control characters escaped as Foundation escapes them (`\b \f \n \r \t`, else
///   `\u00xx`), every other character as UTF-8; integers in decimal; floating-point numbers as
///   their `description` without a trailing `.0`; `null` only where a type writes it.
/// - It refuses (`Unsupported`) what Foundation writes in ways of its own or refuses itself:
///   `Date`, `Data`, `URL` and `Decimal` values, a super encoder, a non-finite number, a value
///   that writes nothing. `WireFormat.encode` then encodes the whole value with Foundation's
///   encoder, so the output, and any error, stay Foundation's.
/// `WireJSONEncoderTests` compares the two byte for byte.
enum WireJSONEncoder {
    /// The value holds something only Foundation's encoder writes.
    struct Unsupported: Error {}

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        try encode(value, appendingTo: &bytes)
        return Data(bytes)
    }

    /// Writes `value`'s JSON at the end of `bytes` (a frame being built around it); on a throw,
    /// `bytes` is as it was.
    static func encode<T: Encodable>(_ value: T, appendingTo bytes: inout [UInt8]) throws {
        if T.self == NoArguments.self {  // every command without arguments sends one
            JSONText.appendLiteral("{}", to: &bytes)
            return
        }
        // The types that write themselves, by metatype (a cast to the protocol cost more than
        // the rest of a small write).
        if T.self == HealthReport.self {
            try write(unsafeBitCast(value, to: HealthReport.self), appendingTo: &bytes)
            return
        }
        let state = EncodingState()
        let root = try Node(encoding: value, parent: nil, key: nil, state: state)
        guard !state.unsupported else { throw Unsupported() }
        var writer = JSONBytes(bytes: bytes)
        bytes = []  // the writer holds the only reference: it appends without copying
        writer.write(root)
        bytes = writer.bytes
    }

    /// A `WireWritable` value's own JSON at the end of `bytes`; on a throw, `bytes` is as it was.
    static func write(_ value: some WireWritable, appendingTo bytes: inout [UInt8]) throws {
        let start = bytes.count
        var writer = JSONBytes(bytes: bytes)
        bytes = []  // the writer holds the only reference: it appends without copying
        defer { bytes = writer.bytes }
        do { try value.write(to: &writer) } catch {
            writer.bytes.removeSubrange(start...)
            throw error
        }
    }

    // MARK: The value tree

    /// A value as the encoder collects it; objects and arrays are boxes their containers fill.
    enum Node {
        case null
        case bool(Bool)
        case int(Int64)
        case uint(UInt64)
        case number(String)
        case string(String)
        case object(ObjectNode)
        case array(ArrayNode)

        /// `value` as a node, by `value.encode(to:)` (the common types directly).
        init<T: Encodable>(encoding value: T, parent: Encoding?, key: (any CodingKey)?, state: EncodingState) throws {
            if let direct = try Node(direct: value) {
                self = direct
                return
            }
            if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
                throw Unsupported()
            }
            let encoder = Encoding(parent: parent, key: key, state: state)
            try value.encode(to: encoder)
            guard let node = encoder.node else { throw Unsupported() }  // it wrote nothing
            self = node
        }

        /// The types written most, without going through their `encode(to:)` (the metatype is
        /// compared, not cast to: a cast per candidate type cost more than it saved).
        private init?<T: Encodable>(direct value: T) throws {
            if T.self == String.self {
                self = .string(unsafeBitCast(value, to: String.self))
            } else if T.self == Int.self {
                self = .int(Int64(unsafeBitCast(value, to: Int.self)))
            } else if T.self == Int64.self {
                self = .int(unsafeBitCast(value, to: Int64.self))
            } else if T.self == Bool.self {
                self = .bool(unsafeBitCast(value, to: Bool.self))
            } else if T.self == JSONValue.self {
                self = try Node(unsafeBitCast(value, to: JSONValue.self))
            } else {
                return nil
            }
        }

        /// A parsed value as a node, as `JSONValue.encode(to:)` writes it.
        init(_ json: JSONValue) throws {
            switch json {
            case .null: self = .null
            case .bool(let value): self = .bool(value)
            case .int(let value): self = .int(value)
            case .double(let value):
                guard let number = Node.number(value) else { throw Unsupported() }
                self = number
            case .string(let value): self = .string(value)
            case .array(let elements):
                let array = ArrayNode()
                array.elements = try elements.map(Node.init)
                self = .array(array)
            case .object(let members):
                let object = ObjectNode()
                object.members.reserveCapacity(members.count)
                for (key, value) in members { object.members.append((key, try Node(value))) }
                self = .object(object)
            }
        }

        /// A finite floating-point number as Foundation writes it; nil for NaN and infinities.
        static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) -> Node? {
            guard value.isFinite else { return nil }
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            return .number(text)
        }
    }

    final class ObjectNode {
        var members: [(key: String, value: Node)] = []
    }

    final class ArrayNode {
        var elements: [Node] = []
    }

    /// Shared by every encoder of one `encode` call.
    final class EncodingState {
        /// Set when the value asked for something only Foundation writes (a super encoder, a
        /// non-finite number); the whole value then goes to Foundation.
        var unsupported = false
    }

    // MARK: Encoder

    /// The encoder one value encodes itself to; its coding path is its chain of parents.
    final class Encoding: Encoder {
        let parent: Encoding?
        let key: (any CodingKey)?
        let state: EncodingState
        var node: Node?

        init(parent: Encoding?, key: (any CodingKey)?, state: EncodingState) {
            self.parent = parent
            self.key = key
            self.state = state
        }

        var codingPath: [any CodingKey] {
            var path: [any CodingKey] = []
            var encoder: Encoding? = self
            while let current = encoder {
                if let key = current.key { path.append(key) }
                encoder = current.parent
            }
            return path.reversed()
        }

        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object(let object)? = node { return KeyedEncodingContainer(KeyedContainer(object: object, encoder: self)) }
            let object = ObjectNode()
            object.members.reserveCapacity(8)  // growing from empty reallocated at 1, 2 and 4 members
            node = .object(object)
            return KeyedEncodingContainer(KeyedContainer(object: object, encoder: self))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .array(let array)? = node { return UnkeyedContainer(array: array, encoder: self) }
            let array = ArrayNode()
            node = .array(array)
            return UnkeyedContainer(array: array, encoder: self)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleValueContainer(encoder: self)
        }

        /// For what only Foundation writes: marks the value unsupported and answers an encoder
        /// whose output is dropped.
        func unsupported() -> Encoding {
            state.unsupported = true
            return Encoding(parent: self, key: nil, state: state)
        }

        func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) -> Node {
            guard let node = Node.number(value) else {
                state.unsupported = true
                return .null
            }
            return node
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: ObjectNode
        let encoder: Encoding
        var codingPath: [any CodingKey] { encoder.codingPath }

        private func add(_ node: Node, _ key: Key) { object.members.append((key.stringValue, node)) }

        mutating func encodeNil(forKey key: Key) throws { add(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { add(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { add(.string(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { add(encoder.number(value), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { add(encoder.number(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { add(.int(Int64(value)), key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { add(.int(Int64(value)), key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { add(.int(Int64(value)), key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { add(.int(Int64(value)), key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { add(.int(value), key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { add(.uint(UInt64(value)), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { add(.uint(UInt64(value)), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { add(.uint(UInt64(value)), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { add(.uint(UInt64(value)), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { add(.uint(value), key) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            add(try Node(encoding: value, parent: encoder, key: key, state: encoder.state), key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            let nested = ObjectNode()
            add(.object(nested), key)
            let child = Encoding(parent: encoder, key: key, state: encoder.state)
            child.node = .object(nested)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, encoder: child))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = ArrayNode()
            add(.array(nested), key)
            let child = Encoding(parent: encoder, key: key, state: encoder.state)
            child.node = .array(nested)
            return UnkeyedContainer(array: nested, encoder: child)
        }

        mutating func superEncoder() -> any Encoder { encoder.unsupported() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.unsupported() }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let array: ArrayNode
        let encoder: Encoding
        var codingPath: [any CodingKey] { encoder.codingPath }
        var count: Int { array.elements.count }

        private func add(_ node: Node) { array.elements.append(node) }

        mutating func encodeNil() throws { add(.null) }
        mutating func encode(_ value: Bool) throws { add(.bool(value)) }
        mutating func encode(_ value: String) throws { add(.string(value)) }
        mutating func encode(_ value: Double) throws { add(encoder.number(value)) }
        mutating func encode(_ value: Float) throws { add(encoder.number(value)) }
        mutating func encode(_ value: Int) throws { add(.int(Int64(value))) }
        mutating func encode(_ value: Int8) throws { add(.int(Int64(value))) }
        mutating func encode(_ value: Int16) throws { add(.int(Int64(value))) }
        mutating func encode(_ value: Int32) throws { add(.int(Int64(value))) }
        mutating func encode(_ value: Int64) throws { add(.int(value)) }
        mutating func encode(_ value: UInt) throws { add(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt8) throws { add(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt16) throws { add(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt32) throws { add(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt64) throws { add(.uint(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            add(try Node(encoding: value, parent: encoder, key: IndexKey(count), state: encoder.state))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = ObjectNode()
            let child = Encoding(parent: encoder, key: IndexKey(count), state: encoder.state)
            child.node = .object(nested)
            add(.object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, encoder: child))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = ArrayNode()
            let child = Encoding(parent: encoder, key: IndexKey(count), state: encoder.state)
            child.node = .array(nested)
            add(.array(nested))
            return UnkeyedContainer(array: nested, encoder: child)
        }

        mutating func superEncoder() -> any Encoder { encoder.unsupported() }
    }

    struct SingleValueContainer: SingleValueEncodingContainer {
        let encoder: Encoding
        var codingPath: [any CodingKey] { encoder.codingPath }

        private func set(_ node: Node) { encoder.node = node }

        mutating func encodeNil() throws { set(.null) }
        mutating func encode(_ value: Bool) throws { set(.bool(value)) }
        mutating func encode(_ value: String) throws { set(.string(value)) }
        mutating func encode(_ value: Double) throws { set(encoder.number(value)) }
        mutating func encode(_ value: Float) throws { set(encoder.number(value)) }
        mutating func encode(_ value: Int) throws { set(.int(Int64(value))) }
        mutating func encode(_ value: Int8) throws { set(.int(Int64(value))) }
        mutating func encode(_ value: Int16) throws { set(.int(Int64(value))) }
        mutating func encode(_ value: Int32) throws { set(.int(Int64(value))) }
        mutating func encode(_ value: Int64) throws { set(.int(value)) }
        mutating func encode(_ value: UInt) throws { set(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt8) throws { set(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt16) throws { set(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt32) throws { set(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt64) throws { set(.uint(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            // The value's own encoder is this one (a wrapper encodes its wrapped value in place).
            set(try Node(encoding: value, parent: encoder.parent, key: encoder.key, state: encoder.state))
        }
    }

    /// An array element's place in a coding path.
    struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "Index \(intValue ?? 0)" }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    // MARK: Writing

    /// The bytes written so far.
    struct JSONBytes {
        var bytes: [UInt8]

        mutating func write(_ node: Node) {
            switch node {
            case .null: append("null")
            case .bool(let value): append(value ? "true" : "false")
            case .int(let value): writeInteger(value.magnitude, negative: value < 0)
            case .uint(let value): writeInteger(value, negative: false)
            case .number(let text): bytes.append(contentsOf: text.utf8)
            case .string(let text): writeString(text)
            case .array(let array):
                bytes.append(UInt8(ascii: "["))
                for (index, element) in array.elements.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    write(element)
                }
                bytes.append(UInt8(ascii: "]"))
            case .object(let object):
                bytes.append(UInt8(ascii: "{"))
                var first = true
                // A type that encodes its members in key order (see `HealthReport`) is written as
                // it came: the check is a pass over the keys' first bytes, the sort two arrays.
                let members = Self.isInKeyOrder(object.members) ? object.members : Self.sortedMembers(object.members)
                for (key, value) in members {
                    if !first { bytes.append(UInt8(ascii: ",")) }
                    first = false
                    writeString(key)
                    bytes.append(UInt8(ascii: ":"))
                    write(value)
                }
                bytes.append(UInt8(ascii: "}"))
            }
        }

        /// Whether every key is greater than the one before it by UTF-8 bytes (then no key is
        /// given twice, and the sorted members are the members as they are).
        private static func isInKeyOrder(_ members: [(key: String, value: Node)]) -> Bool {
            guard members.count > 1 else { return true }
            var previous = prefix(members[0].key)
            for index in 1..<members.count {
                let next = prefix(members[index].key)
                if next < previous { return false }
                if next == previous, compare(members[index - 1].key, members[index].key) >= 0 { return false }
                previous = next
            }
            return true
        }

        /// Members sorted by their keys' UTF-8 bytes; of a key given twice, the last value. Ties
        /// are broken by the order written, so a repeated key's last copy ends its run. Objects are
        /// small: up to 32 members, an insertion sort.
        private static func sortedMembers(_ members: [(key: String, value: Node)]) -> [(key: String, value: Node)] {
            guard members.count > 1 else { return members }
            // Each key's first eight bytes as a big-endian number: most keys differ there, so
            // most comparisons are of two integers; equal prefixes compare the whole keys.
            var order = members.indices.map { (prefix: Self.prefix(members[$0].key), index: $0) }
            func sameKey(_ a: (prefix: UInt64, index: Int), _ b: (prefix: UInt64, index: Int)) -> Bool {
                a.prefix == b.prefix && compare(members[a.index].key, members[b.index].key) == 0
            }
            func precedes(_ a: (prefix: UInt64, index: Int), _ b: (prefix: UInt64, index: Int)) -> Bool {
                if a.prefix != b.prefix { return a.prefix < b.prefix }
                let comparison = compare(members[a.index].key, members[b.index].key)
                return comparison < 0 || (comparison == 0 && a.index < b.index)
            }
            if order.count > 32 {
                order.sort(by: precedes)
            } else {
                for index in 1..<order.count {
                    var position = index
                    while position > 0, precedes(order[position], order[position - 1]) {
                        order.swapAt(position - 1, position)
                        position -= 1
                    }
                }
            }
            var sorted: [(key: String, value: Node)] = []
            sorted.reserveCapacity(order.count)
            for (position, entry) in order.enumerated() where position + 1 == order.count || !sameKey(entry, order[position + 1]) {
                sorted.append(members[entry.index])
            }
            return sorted
        }

        /// The first eight UTF-8 bytes of `key`, big-endian, zero-padded: ordered as the keys.
        private static func prefix(_ key: String) -> UInt64 {
            var prefix: UInt64 = 0
            var count = 0
            for byte in key.utf8 {
                prefix = prefix << 8 | UInt64(byte)
                count += 1
                if count == 8 { break }
            }
            return count == 8 ? prefix : prefix << (8 * UInt64(8 - count))
        }

        /// Compares two strings by their UTF-8 bytes.
        private static func compare(_ a: String, _ b: String) -> Int {
            let result = a.utf8.withContiguousStorageIfAvailable { a in
                b.utf8.withContiguousStorageIfAvailable { b in
                    let common = min(a.count, b.count)
                    if common > 0, let left = a.baseAddress, let right = b.baseAddress {
                        let result = memcmp(left, right, common)
                        if result != 0 { return Int(result) }
                    }
                    return a.count - b.count
                }
            }
            if let result, let result { return result }
            // Not contiguous (a bridged string): compare byte by byte.
            return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : (a.utf8.elementsEqual(b.utf8) ? 0 : 1)
        }

        private mutating func append(_ literal: StaticString) {
            literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        private mutating func writeInteger(_ magnitude: UInt64, negative: Bool) {
            if negative { bytes.append(UInt8(ascii: "-")) }
            guard magnitude >= 10 else {
                bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
                return
            }
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
            var count = 0
            var rest = magnitude
            withUnsafeMutableBytes(of: &digits) { buffer in
                while rest > 0 {
                    count += 1
                    buffer[24 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                bytes.append(contentsOf: buffer[(24 - count)...])
            }
        }

        private mutating func writeString(_ text: String) {
            JSONText.appendString(text, to: &bytes)
        }
    }
}
