import Foundation

/// The text form of a W3C Trace Context `traceparent` (version 00):
/// `00-<trace id: 32 lowercase hex digits>-<parent id: 16 lowercase hex digits>-<flags: 2 hex digits>`,
/// where neither id is all zeros. Only the shape is checked here (Foundation only); the runtime
/// parses and generates trace contexts with swift-w3c-trace-context.
public enum TraceParentText {
    /// Whether `text` is a well-formed version-00 traceparent.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "00",
            isHex(parts[1], count: 32), isHex(parts[2], count: 16), isHex(parts[3], count: 2)
        else { return false }
        return parts[1].contains { $0 != "0" } && parts[2].contains { $0 != "0" }
    }

    /// The trace id of a well-formed traceparent.
    public static func traceId(of text: String) -> String? {
        guard isValid(text) else { return nil }
        return String(text.split(separator: "-")[1])
    }

    /// Whether `text` is a trace id: 32 lowercase hex digits, not all zeros.
    public static func isTraceId(_ text: String) -> Bool {
        isHex(Substring(text), count: 32) && text.contains { $0 != "0" }
    }

    private static func isHex(_ text: Substring, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
