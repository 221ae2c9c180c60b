import Foundation

/// Reading a document container by container, for readers that build their values straight from
/// the bytes (see `EnvelopeReader`) instead of through a whole `JSONValue` tree. The grammar, the
/// depth limit and the string rules are the parser's own; duplicate member names are the
/// caller's to refuse (it knows which names it has seen).
extension JSONParser {
    /// Runs `body` with a parser over `data`, positioned at its first value (after a byte-order
    /// mark and whitespace). `body` must consume the whole document; `atEnd` tells it whether it did.
    static func reading<R>(_ data: Data, _ body: (inout JSONParser) throws -> R) rethrows -> R {
        try data.withUnsafeBytes { raw in
            var parser = JSONParser(bytes: raw)
            parser.skipByteOrderMarkAndWhitespace()
            return try body(&parser)
        }
    }

    /// True when only whitespace is left.
    mutating func atEnd() -> Bool {
        skipWhitespace()
        return index == bytes.count
    }

    /// Enters the object at the current position (which must be `{`).
    mutating func enterObject() throws(JSONParseError) {
        guard peek() == UInt8(ascii: "{") else { throw unexpected("an object") }
        try enterContainer()
        index += 1
    }

    /// The next member name of the object entered last, the parser then at its value; nil when
    /// the object ends (its `}` consumed). `first` is true before the first member. The name is
    /// given as it lies in the document when it is plain ASCII (no escape, no control character):
    /// readers that only compare names to the ones they know then build no string (`MemberName`).
    mutating func nextMemberName(first: inout Bool) throws(JSONParseError) -> MemberName? {
        skipWhitespace()
        if first {
            first = false
            if peek() == UInt8(ascii: "}") {
                leaveContainer()
                return nil
            }
        } else {
            switch peek() {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                leaveContainer()
                return nil
            default:
                throw unexpected("',' or '}'")
            }
        }
        guard peek() == UInt8(ascii: "\"") else { throw unexpected("a member name in quotes") }
        var end = index + 1
        while end < bytes.count, bytes[end] >= 0x20, bytes[end] < 0x80, bytes[end] != UInt8(ascii: "\\"),
            bytes[end] != UInt8(ascii: "\"")
        {
            end += 1
        }
        let name: MemberName
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            name = MemberName(plain: UnsafeRawBufferPointer(rebasing: bytes[(index + 1)..<end]))
            index = end + 1
        } else {
            name = MemberName(decoded: try parseString())  // escapes, non-ASCII, or the parser's error
        }
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { throw unexpected("':' after a member name") }
        index += 1
        skipWhitespace()
        return name
    }

    /// Enters the array at the current position (which must be `[`).
    mutating func enterArray() throws(JSONParseError) {
        guard peek() == UInt8(ascii: "[") else { throw unexpected("an array") }
        try enterContainer()
        index += 1
    }

    /// Moves to the next element of the array entered last and answers true, or answers false
    /// when the array ends (its `]` consumed). `first` is true before the first element.
    mutating func nextElement(first: inout Bool) throws(JSONParseError) -> Bool {
        skipWhitespace()
        if first {
            first = false
            if peek() == UInt8(ascii: "]") {
                leaveContainer()
                return false
            }
            return true
        }
        switch peek() {
        case UInt8(ascii: ","):
            index += 1
            skipWhitespace()
            return true
        case UInt8(ascii: "]"):
            leaveContainer()
            return false
        default:
            throw unexpected("',' or ']'")
        }
    }

    /// Consumes the closing bracket or brace of the container entered last.
    private mutating func leaveContainer() {
        index += 1
        depth -= 1
    }

    private func unexpected(_ expected: String) -> JSONParseError {
        JSONParseError(kind: .syntax, message: "expected \(expected)", offset: index)
    }
}

/// A member name read by `nextMemberName`: the name's bytes in the document when it is plain
/// ASCII, else the decoded string. It matches a known name (`case "id":` in a `switch`) by
/// comparing bytes, as the decoded string would compare, since plain ASCII has one spelling.
/// Valid only while the parser's bytes are.
struct MemberName {
    private enum Text {
        case plain(UnsafeRawBufferPointer)
        case decoded(String)
    }
    private let text: Text

    init(plain: UnsafeRawBufferPointer) { text = .plain(plain) }

    init(decoded: String) { text = .decoded(decoded) }

    /// The name as a string (built for plain names).
    var string: String {
        switch text {
        case .plain(let bytes): String(decoding: bytes, as: UTF8.self)
        case .decoded(let string): string
        }
    }

    static func ~= (known: StaticString, name: MemberName) -> Bool {
        switch name.text {
        case .plain(let bytes):
            guard bytes.count == known.utf8CodeUnitCount else { return false }
            return bytes.isEmpty || memcmp(bytes.baseAddress!, known.utf8Start, bytes.count) == 0
        case .decoded(let string):
            return known.withUTF8Buffer { String(decoding: $0, as: UTF8.self) } == string
        }
    }
}
