import Foundation

/// Writes a Swift string as a JSON string literal, escaping as `WireFormat.encode` does:
/// `"` and `\` and control characters are escaped, `/` and non-ASCII are written as is.
enum JSONStringLiteral {
    static func append(_ string: String, to output: inout Data) {
        output.append(UInt8(ascii: "\""))
        var run: [UInt8] = []
        run.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): run.append(contentsOf: [0x5C, UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): run.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: run.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: run.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: run.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: run.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: run.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                run.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                run.append(hex[Int(byte >> 4)])
                run.append(hex[Int(byte & 0x0F)])
            default:
                run.append(byte)
            }
        }
        output.append(contentsOf: run)
        output.append(UInt8(ascii: "\""))
    }

    /// `"…"` for a string, `null` for nil.
    static func appendOptional(_ string: String?, to output: inout Data) {
        if let string {
            append(string, to: &output)
        } else {
            output.append(contentsOf: "null".utf8)
        }
    }
}
