import Foundation

/// Writes a Swift string as a JSON string literal, escaping as `WireFormat.encode` does:
/// `"` and `\` and control characters are escaped, `/` and non-ASCII are written as is.
enum JSONStringLiteral {
    static func append(_ string: String, to output: inout Data) {
        var bytes: [UInt8] = []
        write(string, into: &bytes)
        output.append(contentsOf: bytes)
    }

    /// `"…"` for a string, `null` for nil.
    static func appendOptional(_ string: String?, to output: inout Data) {
        if let string {
            append(string, to: &output)
        } else {
            output.append(contentsOf: "null".utf8)
        }
    }

    /// `"…"` for a string, `null` for nil.
    static func writeOptional(_ string: String?, into bytes: inout [UInt8]) {
        if let string {
            write(string, into: &bytes)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }

    /// Appends the literal to `bytes`: runs that need no escape are copied whole, found eight
    /// bytes at a time.
    static func write(_ string: String, into bytes: inout [UInt8]) {
        var string = string
        bytes.append(UInt8(ascii: "\""))
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
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                index += 1
                start = index
                appendEscape(byte, to: &bytes)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// How `byte` (a quote, a backslash or a control character) is escaped.
    private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10 }
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex(byte >> 4), hex(byte & 0xF)])
        }
    }

    /// Whether any of the eight bytes in `word` is a quote, a backslash or a control character
    /// (the "has a zero byte" test, as `JSONParser.needsALook`; bytes beyond ASCII are written
    /// as they are).
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let quote = hasZeroByte(word ^ (ones &* 0x22))
        let backslash = hasZeroByte(word ^ (ones &* 0x5C))
        let control = (word &- ones &* 0x20) & ~word & highs
        return (quote | backslash | control) != 0
    }
}
