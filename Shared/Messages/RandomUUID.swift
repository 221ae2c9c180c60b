import Foundation

/// Random (version 4) UUIDs as lowercase text, for event and request ids.
///
/// Drawn from the kernel's generator through `KernelRandom` (its bytes read 4 KiB at a time),
/// which is as random as Foundation's `UUID()` but makes no system call per id: ids are made on
/// every event and every request, so this is on the hot path.
public enum RandomUUID {
    public static func string() -> String {
        let (high, low) = KernelRandom.next128()
        return string(high: high, low: low)
    }

    /// The UUID of 128 random bits, `high` first, with its version and variant bits set.
    static func string(high: UInt64, low: UInt64) -> String {
        var (high, low) = (high, low)
        high = (high & ~0xF000) | 0x4000  // version 4
        low = (low & ~(0xC000_0000_0000_0000)) | 0x8000_0000_0000_0000  // RFC 4122 variant
        return String(unsafeUninitializedCapacity: 36) { buffer in
            // 8-4-4-4-12 hex digits: the 32 digits of `high` then `low`, most significant first,
            // with a dash before digits 8, 12, 16 and 20. Written digit by digit from a constant,
            // without an array or a closure per digit (this runs for every request and event).
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
