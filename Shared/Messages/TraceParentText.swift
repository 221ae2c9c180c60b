import Foundation

/// The text form of a W3C Trace Context `traceparent` (version 00):
/// `00-<trace id: 32 lowercase hex digits>-<parent id: 16 lowercase hex digits>-<flags: 2 hex digits>`,
/// where neither id is all zeros. Only the shape is checked here (Foundation only); the runtime
/// parses and generates trace contexts with swift-w3c-trace-context.
public enum TraceParentText {
    /// Whether `text` is a well-formed version-00 traceparent.
    public static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isWellFormed)
    }

    /// The trace id of a well-formed traceparent.
    public static func traceId(of text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            isWellFormed(bytes) ? String(decoding: UnsafeBufferPointer(rebasing: bytes[3..<35]), as: UTF8.self) : nil
        }
    }

    /// Whether `bytes` are a well-formed traceparent (55 bytes: `00-`, the trace id's 32 hex digits
    /// at 3..<35, `-`, 16 hex digits, `-`, 2 hex digits). Read by position, without splitting: it
    /// runs for every command that carries a trace and every event stored.
    private static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 55, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "0"),
            bytes[2] == UInt8(ascii: "-"), bytes[35] == UInt8(ascii: "-"), bytes[52] == UInt8(ascii: "-")
        else { return false }
        let trace = bytes[3..<35]
        let parent = bytes[36..<52]
        return trace.allSatisfy(isHexDigit) && parent.allSatisfy(isHexDigit) && bytes[53..<55].allSatisfy(isHexDigit)
            && trace.contains(where: { $0 != UInt8(ascii: "0") }) && parent.contains(where: { $0 != UInt8(ascii: "0") })
    }

    /// Whether `text` is a trace id: 32 lowercase hex digits, not all zeros.
    public static func isTraceId(_ text: String) -> Bool {
        isHex(Substring(text), count: 32) && text.contains { $0 != "0" }
    }

    private static func isHex(_ text: Substring, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy(isHexDigit)
    }

    /// A lowercase hex digit's byte.
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (97...102).contains(byte)
    }
}
