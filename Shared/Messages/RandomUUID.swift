import Foundation

/// Random (version 4) UUIDs as lowercase text, for ids whose every bit should be random: record
/// ids, a source's epoch. Event and request ids are `TimeOrderedUUID`s (keys of indexes written
/// on every write).
///
/// Drawn from the kernel's generator through `KernelRandom` (its bytes read 4 KiB at a time),
/// which is as random as Foundation's `UUID()` but makes no system call per id.
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
        return UUIDText.string(high: high, low: low)
    }
}
