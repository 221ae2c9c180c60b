import Foundation

/// Time-ordered (version 7, RFC 9562) UUIDs as lowercase text, for the ids that are keys of an
/// index written on every write: event ids (`odop_events.id`) and request ids (the stored
/// replies' key and the events' `correlation_id`).
///
/// Contract:
/// - The first 48 bits are the Unix time in milliseconds, then the version (7), then 74 bits
///   from the kernel's generator (`KernelRandom`) around the RFC 4122 variant. Ids are unique
///   and unguessable in practice (74 random bits per millisecond, where a version 4 UUID has
///   122 in all), and an id made in a later millisecond sorts after one made earlier, as text
///   and as bytes. Within a millisecond the order is random: nothing relies on the order, only
///   on where the keys fall.
/// - A clock set back gives ids that sort earlier than some made before; they stay unique.
/// - Why: in a B-tree index of random keys every new key lands on a page of its own, so each
///   write of a group dirties one page per such index, and the WAL and then the checkpoint write
///   every one of them. Keys that grow with time land on the index's last page, which the whole
///   group shares. Written bytes per `bench.write` fell from 37–39 KB to about 15 KB with these
///   ids and `TraceIDSource`'s (docs/performance/README.md, ninth pass).
public enum TimeOrderedUUID {
    /// A new id for something made at `time` (now unless given; `EventLog` passes the event's
    /// own time, so that the id and the envelope's `time` agree to the millisecond).
    public static func string(at time: Date = Date()) -> String {
        let (high, low) = KernelRandom.next128()
        return string(milliseconds: milliseconds(since1970: time.timeIntervalSince1970), high: high, low: low)
    }

    /// The version 7 UUID of `milliseconds` (its low 48 bits) and the random `high` and `low`:
    /// 12 bits of `high` and 62 of `low` are used.
    static func string(milliseconds: UInt64, high: UInt64, low: UInt64) -> String {
        let high = timeField(milliseconds: milliseconds) | 0x7000 | (high & 0x0FFF)  // version 7, then 12 random bits
        let low = (low & ~(0xC000_0000_0000_0000)) | 0x8000_0000_0000_0000  // RFC 4122 variant
        return UUIDText.string(high: high, low: low)
    }

    /// The first 64 bits of a time-ordered id, with only the time set: the low 48 bits of
    /// `milliseconds` at the top, the 16 bits below left for the caller (here the version and 12
    /// random bits; `TraceIDSource` puts 16 random bits there).
    public static func timeField(milliseconds: UInt64) -> UInt64 {
        (milliseconds & 0xFFFF_FFFF_FFFF) << 16
    }

    /// Milliseconds since 1970 of a time given in seconds, rounded as `RFC3339.string(from:)`
    /// rounds them (so an event's id and its `time` name the same millisecond); 0 before 1970
    /// and for what is not a number, 2^48 − 1 past the year 10889.
    public static func milliseconds(since1970 seconds: Double) -> UInt64 {
        let milliseconds = (seconds * 1000).rounded()
        guard milliseconds > 0 else { return 0 }  // also NaN
        return milliseconds < 0xFFFF_FFFF_FFFF ? UInt64(milliseconds) : 0xFFFF_FFFF_FFFF
    }
}

/// The canonical text of a UUID, shared by `RandomUUID` and `TimeOrderedUUID`.
enum UUIDText {
    /// 8-4-4-4-12 lowercase hex digits: the 32 digits of `high` then `low`, most significant
    /// first, with a dash before digits 8, 12, 16 and 20. Written digit by digit from a constant,
    /// without an array or a closure per digit (this runs for every request and event).
    static func string(high: UInt64, low: UInt64) -> String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            var index = 0
            for digit in 0..<32 {
                if digit == 8 || digit == 12 || digit == 16 || digit == 20 {
                    buffer[index] = UInt8(ascii: "-")
                    index += 1
                }
                let word = digit < 16 ? high : low
                let nibble = UInt8(truncatingIfNeeded: word >> UInt64(60 - 4 * (digit & 15))) & 0xF
                buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
                index += 1
            }
            return index
        }
    }
}
