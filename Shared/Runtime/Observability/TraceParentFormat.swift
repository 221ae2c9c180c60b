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
            put(UInt8(ascii: "0"))
            put(UInt8(ascii: "0"))
            put(UInt8(ascii: "-"))
            putHex(of: trace.traceID.bytes, into: buffer, at: &index)
            put(UInt8(ascii: "-"))
            putHex(of: trace.spanID.bytes, into: buffer, at: &index)
            put(UInt8(ascii: "-"))
            putHex(of: trace.flags.rawValue, into: buffer, at: &index)
            return index
        }
    }

    /// The trace id alone, 32 lowercase hex digits: what `text(of:)` writes between its first
    /// two dashes, for log lines, without writing the rest.
    static func traceID(of trace: TraceContext) -> String {
        String(unsafeUninitializedCapacity: 32) { buffer in
            var index = 0
            putHex(of: trace.traceID.bytes, into: buffer, at: &index)
            return index
        }
    }

    /// Writes `value`'s bytes, in memory order, as two lowercase hex digits each.
    private static func putHex<T>(of value: T, into buffer: UnsafeMutableBufferPointer<UInt8>, at index: inout Int) {
        withUnsafeBytes(of: value) { bytes in
            for byte in bytes {
                buffer[index] = hexDigits[Int(byte >> 4)]
                buffer[index + 1] = hexDigits[Int(byte & 0x0F)]
                index += 2
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
