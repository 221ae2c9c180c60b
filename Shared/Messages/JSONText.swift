/// JSON text written byte by byte exactly as `WireFormat.encode` writes it (compact, `/` not
/// escaped), for frames assembled around JSON that was encoded once: an event envelope around its
/// payload, a request around its arguments.
///
/// Strings are copied in runs between the characters that need escaping; appending to `Data`
/// byte by byte cost more than the rest of such a frame.
public enum JSONText {
    /// Appends `literal`'s bytes as they are (JSON punctuation and names that need no escape):
    /// a `String` literal's `.utf8` went through the general copy, about 150 instructions each.
    @inline(__always)
    public static func appendLiteral(_ literal: StaticString, to out: inout [UInt8]) {
        literal.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Appends `string` as a JSON string literal, or `null` for nil. Runs that need no escape
    /// are copied whole, found eight bytes at a time.
    public static func appendString(_ string: String?, to out: inout [UInt8]) {
        guard var string else {
            appendLiteral("null", to: &out)
            return
        }
        out.append(UInt8(ascii: "\""))
        string.withUTF8 { utf8 in
            var start = 0
            var index = 0
            while index < utf8.count {
                if index + 8 <= utf8.count, !needsEscape(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                index += 1
                start = index
                appendEscaped(byte, to: &out)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// How `byte` (a quote, a backslash or a control character) is escaped.
    private static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
        case 0x0A: out.append(contentsOf: #"\n"#.utf8)
        case 0x0D: out.append(contentsOf: #"\r"#.utf8)
        case 0x09: out.append(contentsOf: #"\t"#.utf8)
        case 0x08: out.append(contentsOf: #"\b"#.utf8)
        case 0x0C: out.append(contentsOf: #"\f"#.utf8)
        default:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: #"\u00"#.utf8)
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
    }

    /// Whether any of the eight bytes in `word` is a quote, a backslash or a control character:
    /// the classic "has a zero byte" test, `(x - 0x01…) & ~x & 0x80…`, exact for whether any
    /// byte matches. (Bytes beyond ASCII are written as they are; `JSONParser` looks at them.)
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let quote = hasZeroByte(word ^ (ones &* 0x22))
        let backslash = hasZeroByte(word ^ (ones &* 0x5C))
        let control = (word &- ones &* 0x20) & ~word & highs
        return (quote | backslash | control) != 0
    }
}
