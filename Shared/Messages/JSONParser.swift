import Foundation

/// Why a byte sequence is not acceptable JSON text.
struct JSONParseError: Error, Sendable {
    enum Kind: Sendable {
        /// The bytes do not follow the JSON grammar (RFC 8259), including invalid UTF-8
        /// outside string literals and input nested too deeply.
        case syntax
        /// A string literal holds invalid UTF-8 or an unpaired `\u` surrogate escape.
        case invalidString
        /// An object names the same member twice.
        case duplicateKey
    }

    var kind: Kind
    var message: String
    /// Byte offset into the input where the problem was found.
    var offset: Int
    /// Path from the document root to the value holding the problem, innermost last.
    var path: [MemberKey] = []
    /// True when the bad string is an object member name rather than a value.
    var inKey = false

    /// The error as it is reported on the wire: always `invalid_json`; a problem inside a
    /// string names the field (the full path from the document root) that holds it.
    var commandError: CommandError {
        let field = FieldPath.render(path)
        switch kind {
        case .syntax:
            return CommandError(code: .invalidJSON, message: "invalid JSON at byte \(offset): \(message)")
        case .invalidString:
            let place: String
            if inKey {
                place = field.map { "an object key inside field '\($0)'" } ?? "an object key"
            } else {
                place = field.map { "field '\($0)'" } ?? "a string"
            }
            return CommandError(
                code: .invalidJSON, message: "\(message) in \(place) (byte \(offset))", field: field)
        case .duplicateKey:
            return CommandError(
                code: .invalidJSON, message: "duplicate key '\(field ?? "")' (byte \(offset))", field: field)
        }
    }
}

/// A strict RFC 8259 JSON parser producing `JSONValue`.
///
/// Strict means: UTF-8 only (a leading byte-order mark is skipped), no trailing commas, no
/// comments, no leading zeros, no `NaN`/`Infinity`, no unescaped control characters, no
/// unpaired surrogate escapes, no duplicate member names, no data after the value, and at most
/// `maximumDepth` nested arrays/objects. Integral numbers that fit `Int64` become `.int`.
struct JSONParser {
    static let maximumDepth = 256

    let bytes: UnsafeRawBufferPointer
    var index = 0
    var depth = 0
    /// When true, invalid strings are decoded with U+FFFD replacement instead of failing.
    private let lossyStrings: Bool

    init(bytes: UnsafeRawBufferPointer, lossyStrings: Bool = false) {
        self.bytes = bytes
        self.lossyStrings = lossyStrings
    }

    /// Parses one complete JSON document.
    /// - Parameter lossyStrings: repair invalid UTF-8 inside strings instead of failing; used
    ///   only to salvage readable members (such as a request id) from a rejected document.
    static func parse(_ data: Data, lossyStrings: Bool = false) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = data.withUnsafeBytes { raw in
            var parser = JSONParser(bytes: raw, lossyStrings: lossyStrings)
            return Result { () throws(JSONParseError) -> JSONValue in try parser.parseDocument() }
        }
        switch result {
        case .success(let value):
            return value
        case .failure(var error):
            error.path.reverse()  // collected innermost-first while unwinding
            throw error
        }
    }

    // MARK: Grammar

    private mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipByteOrderMarkAndWhitespace()
        guard index < bytes.count else { throw syntaxError("no JSON value (empty input)") }
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw unexpectedByte(expecting: "end of input") }
        return value
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw syntaxError("unexpected end of input") }
        switch bytes[index] {
        case .openBrace: return try parseObject()
        case .openBracket: return try parseArray()
        case .quote: return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw unexpectedByte(expecting: "a JSON value")
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        index += 1  // {
        skipWhitespace()
        if peek() == .closeBrace {
            index += 1
            return .object([:])
        }
        // Room for a typical payload's members at once: growing from empty rehashed the members
        // twice for an object of three (callgrind).
        var members = [String: JSONValue](minimumCapacity: 8)
        while true {
            guard peek() == .quote else { throw unexpectedByte(expecting: "a member name in quotes") }
            let keyOffset = index
            let key: String
            do throws(JSONParseError) {
                key = try parseString()
            } catch {
                var error = error
                error.inKey = true
                throw error
            }
            skipWhitespace()
            guard peek() == .colon else { throw unexpectedByte(expecting: "':' after a member name") }
            index += 1
            skipWhitespace()
            let value: JSONValue
            do throws(JSONParseError) {
                value = try parseValue()
            } catch {
                var error = error
                error.path.append(MemberKey(key))
                throw error
            }
            if members.updateValue(value, forKey: key) != nil {
                throw JSONParseError(
                    kind: .duplicateKey, message: "duplicate key", offset: keyOffset, path: [MemberKey(key)])
            }
            skipWhitespace()
            switch peek() {
            case .comma:
                index += 1
                skipWhitespace()
            case .closeBrace:
                index += 1
                return .object(members)
            default:
                throw unexpectedByte(expecting: "',' or '}'")
            }
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        index += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == .closeBracket {
            index += 1
            return .array(elements)
        }
        while true {
            do throws(JSONParseError) {
                elements.append(try parseValue())
            } catch {
                var error = error
                error.path.append(MemberKey(index: elements.count))
                throw error
            }
            skipWhitespace()
            switch peek() {
            case .comma:
                index += 1
                skipWhitespace()
            case .closeBracket:
                index += 1
                return .array(elements)
            default:
                throw unexpectedByte(expecting: "',' or ']'")
            }
        }
    }

    mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            depth -= 1
            throw syntaxError("nested deeper than \(Self.maximumDepth) arrays/objects")
        }
    }

    // MARK: Strings

    /// Parses a string literal starting at the opening quote.
    mutating func parseString() throws(JSONParseError) -> String {
        try parseString(reusing: nil)
    }

    /// Parses a string literal starting at the opening quote; answers `previous` itself when the
    /// literal holds exactly its bytes, unescaped, instead of building an equal string (for
    /// members that repeat from one envelope to the next: `EventEnvelope.RepeatedStrings`).
    mutating func parseString(reusing previous: String?) throws(JSONParseError) -> String {
        index += 1  // opening quote
        let contentStart = index
        var isASCII = true
        // Eight bytes at a time while none needs a look (ids, times and names are plain ASCII);
        // the loop below takes the first eight that do, byte by byte.
        while index + 8 <= bytes.count, !Self.needsALook(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == .quote {
                let content = UnsafeRawBufferPointer(rebasing: bytes[contentStart..<index])
                index += 1
                if let previous, Self.holds(previous, content) {
                    return previous  // its bytes are valid UTF-8: the string was built from them
                }
                if isASCII {
                    return String(decoding: content, as: UTF8.self)
                }
                return try validatedString(content, offset: contentStart)
            }
            if byte == .backslash {
                return try parseEscapedString(contentStart: contentStart)
            }
            if byte < 0x20 {
                throw syntaxError("unescaped control character in a string")
            }
            if byte >= 0x80 {
                isASCII = false
            }
            index += 1
        }
        throw syntaxError("unterminated string", at: contentStart - 1)
    }

    /// Whether `string`'s UTF-8 is exactly `content`.
    private static func holds(_ string: String, _ content: UnsafeRawBufferPointer) -> Bool {
        string.utf8.withContiguousStorageIfAvailable { utf8 in
            guard utf8.count == content.count else { return false }
            guard let stored = utf8.baseAddress, let read = content.baseAddress else { return utf8.isEmpty }
            return memcmp(stored, read, utf8.count) == 0
        } ?? false
    }

    /// Whether any of the eight bytes in `word` is a quote, a backslash, a control character or
    /// beyond ASCII (the classic "has a zero byte" test, `(x - 0x01…) & ~x & 0x80…`, exact for
    /// whether any byte matches).
    private static func needsALook(_ word: UInt64) -> Bool {
        JSONText.needsEscape(word) || word & 0x8080_8080_8080_8080 != 0
    }

    /// The slow path for strings that contain escapes; `index` is at the first backslash.
    private mutating func parseEscapedString(contentStart: Int) throws(JSONParseError) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(index - contentStart + 16)
        buffer.append(contentsOf: bytes[contentStart..<index])
        var isASCII = !buffer.contains { $0 >= 0x80 }
        var brokenEscape: (message: String, offset: Int)?
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case .quote:
                index += 1
                if let brokenEscape {
                    if lossyStrings {
                        return String(decoding: buffer, as: UTF8.self)
                    }
                    throw JSONParseError(
                        kind: .invalidString, message: brokenEscape.message, offset: brokenEscape.offset)
                }
                if isASCII {
                    return String(decoding: buffer, as: UTF8.self)
                }
                if let string = String(validating: buffer, as: UTF8.self) {
                    return string
                }
                if lossyStrings {
                    return String(decoding: buffer, as: UTF8.self)
                }
                // Escapes shift offsets, so the string's start is reported rather than the byte.
                throw JSONParseError(kind: .invalidString, message: "invalid UTF-8", offset: contentStart)
            case .backslash:
                let escapeOffset = index
                index += 1
                guard index < bytes.count else { break }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case .quote, .backslash, UInt8(ascii: "/"): buffer.append(escaped)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape(escapeOffset: escapeOffset)
                    if let scalar {
                        if scalar.value >= 0x80 { isASCII = false }
                        UTF8.encode(scalar) { buffer.append($0) }
                    } else {
                        brokenEscape = brokenEscape ?? ("unpaired UTF-16 surrogate escape", escapeOffset)
                        isASCII = false
                        UTF8.encode("\u{FFFD}") { buffer.append($0) }
                    }
                default:
                    throw syntaxError("invalid escape sequence in a string", at: escapeOffset)
                }
            default:
                if byte < 0x20 {
                    throw syntaxError("unescaped control character in a string")
                }
                if byte >= 0x80 { isASCII = false }
                buffer.append(byte)
                index += 1
            }
        }
        throw syntaxError("unterminated string", at: contentStart - 1)
    }

    /// Reads `XXXX` (and a following low-surrogate escape when the first is a high surrogate);
    /// `index` is just after the `u`. Returns nil for an unpaired surrogate.
    private mutating func parseUnicodeEscape(escapeOffset: Int) throws(JSONParseError) -> Unicode.Scalar? {
        let first = try readHex4(escapeOffset: escapeOffset)
        switch first {
        case 0xD800...0xDBFF:
            // A high surrogate must be followed by `\u` and a low surrogate.
            guard index + 1 < bytes.count, bytes[index] == .backslash, bytes[index + 1] == UInt8(ascii: "u")
            else { return nil }
            let save = index
            index += 2
            let second = try readHex4(escapeOffset: save)
            guard (0xDC00...0xDFFF).contains(second) else {
                index = save  // the second escape is parsed on its own
                return nil
            }
            let value = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
            return Unicode.Scalar(value)
        case 0xDC00...0xDFFF:
            return nil
        default:
            return Unicode.Scalar(UInt32(first))
        }
    }

    private mutating func readHex4(escapeOffset: Int) throws(JSONParseError) -> UInt16 {
        guard index + 4 <= bytes.count else {
            throw syntaxError("truncated \\u escape in a string", at: escapeOffset)
        }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntaxError("invalid \\u escape in a string", at: escapeOffset)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private func validatedString(_ content: UnsafeRawBufferPointer, offset: Int) throws(JSONParseError) -> String {
        if let string = String(validating: content, as: UTF8.self) {
            return string
        }
        if lossyStrings {
            return String(decoding: content, as: UTF8.self)
        }
        throw JSONParseError(
            kind: .invalidString, message: "invalid UTF-8",
            offset: offset + Self.firstInvalidUTF8Offset(in: content))
    }

    /// Offset of the first byte that starts an ill-formed UTF-8 sequence (for the message).
    private static func firstInvalidUTF8Offset(in content: UnsafeRawBufferPointer) -> Int {
        var iterator = content.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
            case .error(let length):
                _ = length
                return offset
            case .emptyInput:
                return offset
            }
        }
    }

    // MARK: Numbers and literals

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard let firstDigit = peek(), firstDigit.isDigit else {
            throw unexpectedByte(expecting: "a digit")
        }
        if firstDigit == UInt8(ascii: "0") {
            index += 1
            if let next = peek(), next.isDigit {
                throw syntaxError("leading zeros are not allowed in numbers", at: start)
            }
        } else {
            skipDigits()
        }
        var isInteger = true
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let next = peek(), next.isDigit else { throw unexpectedByte(expecting: "a digit after '.'") }
            skipDigits()
        }
        if let next = peek(), next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                index += 1
            }
            guard let digit = peek(), digit.isDigit else { throw unexpectedByte(expecting: "an exponent digit") }
            skipDigits()
        }
        let lexeme = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        if isInteger, let value = Self.int64(fromDigitsOf: lexeme, negative: negative) {
            return .int(value)
        }
        guard let value = Double(String(decoding: lexeme, as: UTF8.self)), value.isFinite else {
            throw syntaxError("number out of range", at: start)
        }
        if let integral = Int64(exactly: value) {
            return .int(integral)
        }
        return .double(value)
    }

    /// The exact value of an integer lexeme, or nil when it does not fit `Int64`.
    private static func int64(fromDigitsOf lexeme: UnsafeRawBufferPointer, negative: Bool) -> Int64? {
        let digits = UnsafeRawBufferPointer(rebasing: lexeme[(negative ? 1 : 0)...])
        if digits.count <= 18 {
            // Fewer than 19 digits cannot overflow: no checks per digit (seqs, counts, times in ns).
            var value: Int64 = 0
            for byte in digits { value = value &* 10 &+ Int64(byte &- UInt8(ascii: "0")) }
            return negative ? -value : value
        }
        var value: Int64 = 0
        for byte in digits {
            let digit = Int64(byte &- UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
        }
        return value
    }

    private mutating func skipDigits() {
        while index < bytes.count, bytes[index].isDigit {
            index += 1
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let start = index
        let expected = UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard bytes.count - index >= expected.count,
            bytes[index..<index + expected.count].elementsEqual(expected)
        else {
            throw syntaxError("invalid literal (expected '\(literal)')", at: start)
        }
        index += expected.count
    }

    // MARK: Scanning helpers

    /// Skips a leading UTF-8 byte-order mark (at the start only) and whitespace.
    mutating func skipByteOrderMarkAndWhitespace() {
        if index == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
        }
        skipWhitespace()
    }

    @inline(__always)
    func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func syntaxError(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(kind: .syntax, message: message, offset: offset ?? index)
    }

    private func unexpectedByte(expecting expected: String) -> JSONParseError {
        guard index < bytes.count else {
            return syntaxError("unexpected end of input, expected \(expected)")
        }
        let byte = bytes[index]
        let shown: String
        if byte >= 0x20 && byte < 0x7F {
            shown = "character '\(Character(Unicode.Scalar(byte)))'"
        } else {
            shown = "byte 0x" + String(byte, radix: 16, uppercase: true)
        }
        return syntaxError("unexpected \(shown), expected \(expected)")
    }
}

extension UInt8 {
    fileprivate static let quote = UInt8(ascii: "\"")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let openBrace = UInt8(ascii: "{")
    fileprivate static let closeBrace = UInt8(ascii: "}")
    fileprivate static let openBracket = UInt8(ascii: "[")
    fileprivate static let closeBracket = UInt8(ascii: "]")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let comma = UInt8(ascii: ",")

    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
