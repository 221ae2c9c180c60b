import Foundation

/// Writes a Swift string as a JSON string literal into `Data`, escaping as `WireFormat.encode`
/// does (`JSONText.appendString`): `"` and `\` and control characters are escaped, `/` and
/// non-ASCII are written as is.
enum JSONStringLiteral {
    static func append(_ string: String, to output: inout Data) {
        var bytes: [UInt8] = []
        JSONText.appendString(string, to: &bytes)
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
}
