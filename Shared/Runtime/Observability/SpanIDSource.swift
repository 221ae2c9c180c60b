import Synchronization
import W3CTraceContext

/// New span ids for the runtime's tracer, from SplitMix64 over a counter seeded once from the
/// system's generator: distinct for 2^64 spans of a process and never all zeros. A span id must
/// be unique within its trace, not secret (W3C Trace Context); `SpanID.random()` asks the kernel
/// for 8 bytes (one getrandom call) for every command and every event applied, which was a tenth
/// of a subscriber's time. New trace ids come from `TraceIDSource`.
enum SpanIDSource {
    private static let state = Atomic<UInt64>(UInt64.random(in: .min ... .max))

    static func next() -> SpanID {
        while true {
            let counter = state.wrappingAdd(0x9E37_79B9_7F4A_7C15, ordering: .relaxed).newValue
            var z = counter
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            if z != 0 {
                return withUnsafeBytes(of: z.bigEndian) { bytes in
                    SpanID(bytes: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7]))
                }
            }
        }
    }
}
