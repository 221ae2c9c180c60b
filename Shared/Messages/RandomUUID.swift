import Foundation

/// Random (version 4) UUIDs as lowercase text, for event and request ids.
///
/// Drawn from the kernel's generator through `KernelRandom` (getrandom, 4 KiB a call), which is as
/// random as Foundation's `UUID()` but makes no system call per id: ids are made on every event
/// and every request, so this is on the hot path.
public enum RandomUUID {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    public static func string() -> String {
        var (high, low) = KernelRandom.next128()
        high = (high & ~0xF000) | 0x4000  // version 4
        low = (low & ~(0xC000_0000_0000_0000)) | 0x8000_0000_0000_0000  // RFC 4122 variant
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var index = 0
            func put(_ value: UInt64, nibbles: Int) {
                for shift in stride(from: (nibbles - 1) * 4, through: 0, by: -4) {
                    buffer[index] = hex[Int((value >> UInt64(shift)) & 0xF)]
                    index += 1
                }
            }
            func dash() {
                buffer[index] = UInt8(ascii: "-")
                index += 1
            }
            put(high >> 32, nibbles: 8)
            dash()
            put((high >> 16) & 0xFFFF, nibbles: 4)
            dash()
            put(high & 0xFFFF, nibbles: 4)
            dash()
            put(low >> 48, nibbles: 4)
            dash()
            put(low & 0xFFFF_FFFF_FFFF, nibbles: 12)
            return index
        }
    }
}
