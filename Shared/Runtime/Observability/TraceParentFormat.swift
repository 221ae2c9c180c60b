import W3CTraceContext

/// Writes a trace context's `traceparent` header value, byte for byte what
/// `TraceContext.traceParentHeaderValue` writes (`00-<trace id>-<span id>-<flags>`, lowercase
/// hex) in one 55-byte string instead of a string interpolation of three descriptions: the
/// runtime writes one per command and per event applied.
enum TraceParentFormat {
    static func text(of trace: TraceContext) -> String {
        String(unsafeUninitializedCapacity: 55) { buffer in
            var index = 0
            func put(_ byte: UInt8) {
                buffer[index] = byte
                index += 1
            }
            func putHex(_ byte: UInt8) {
                put(hexDigits[Int(byte >> 4)])
                put(hexDigits[Int(byte & 0x0F)])
            }
            put(UInt8(ascii: "0"))
            put(UInt8(ascii: "0"))
            put(UInt8(ascii: "-"))
            withUnsafeBytes(of: trace.traceID.bytes) { for byte in $0 { putHex(byte) } }
            put(UInt8(ascii: "-"))
            withUnsafeBytes(of: trace.spanID.bytes) { for byte in $0 { putHex(byte) } }
            put(UInt8(ascii: "-"))
            putHex(trace.flags.rawValue)
            return index
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
