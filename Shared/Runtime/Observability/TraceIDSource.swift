import Foundation
import ODOPMessages
import W3CTraceContext

/// New trace ids for the runtime's tracer (a command or event that arrives without a
/// `traceparent` starts a trace): the Unix time in milliseconds in the first 6 bytes, then 10
/// bytes from the kernel's generator (`KernelRandom`).
///
/// Contract:
/// - Unique in practice (80 random bits per millisecond) and never all zeros (the time is not
///   zero). The last 8 bytes are wholly random, which is what samplers that decide by trace id
///   read (OpenTelemetry's ratio sampler takes the low 64 bits; W3C Trace Context Level 2's
///   random flag speaks of the rightmost 7 bytes). A time prefix is the layout AWS X-Ray uses.
/// - Why: every event carries its trace id in the indexed column `odop_events.trace_id`
///   (`events.trace`). Random ids put each write's index entry on a page of its own; ids that
///   grow with time share the index's last page within a group commit (see `TimeOrderedUUID`).
enum TraceIDSource {
    static func next(at time: Date = Date()) -> TraceID {
        let (high, low) = KernelRandom.next128()
        return traceID(milliseconds: TimeOrderedUUID.milliseconds(since1970: time.timeIntervalSince1970), high: high, low: low)
    }

    /// The trace id of `milliseconds` (its low 48 bits), 16 bits of `high`, and `low`.
    static func traceID(milliseconds: UInt64, high: UInt64, low: UInt64) -> TraceID {
        let first = TimeOrderedUUID.timeField(milliseconds: milliseconds) | (high & 0xFFFF)
        return withUnsafeBytes(of: (first.bigEndian, low.bigEndian)) { b in
            TraceID(bytes: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
        }
    }
}
