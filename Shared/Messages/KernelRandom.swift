import Foundation
import Synchronization

/// The kernel's random bytes (`/dev/urandom`, the pool getrandom draws from), read 4 KiB at a
/// time and handed out in order, so that ids made on every request and every event cost no
/// system call each.
///
/// Contract:
/// - Every value is bytes the kernel's generator produced, each handed out once: as random and
///   as unpredictable as `SystemRandomNumberGenerator` (which makes one getrandom call per 8
///   bytes). Unlike a seeded generator, seeing some ids tells nothing of the others, so request
///   ids (idempotency keys) stay unguessable.
/// - Safe from any thread: one lock, held for a copy out of the buffer and, once every 256
///   UUIDs, for the read that refills it. The device stays open (one descriptor, close-on-exec).
/// - The buffer is the process's own: a process that `fork`s without `exec` would hand the same
///   bytes to parent and child. Our processes never do (children are started by `Process`, which
///   `exec`s).
public struct KernelRandom: RandomNumberGenerator, Sendable {
    public init() {}

    public mutating func next() -> UInt64 { Self.pool.withLock { $0.next() } }

    /// Two values under one lock: the 128 bits of a UUID or a trace id.
    public static func next128() -> (high: UInt64, low: UInt64) {
        pool.withLock { pool in (pool.next(), pool.next()) }
    }

    private static let pool = Mutex(Pool())

    private struct Pool: ~Copyable {
        static let capacity = 512  // UInt64 values: 4 KiB
        private var values = [UInt64](repeating: 0, count: Pool.capacity)
        private var used = Pool.capacity
        /// The kernel's generator, opened once (`read` on it is getrandom's pool, which the
        /// standard library does not expose in bulk); -1 when it cannot be opened.
        private static let device = open("/dev/urandom", O_RDONLY | O_CLOEXEC)

        mutating func next() -> UInt64 {
            if used == Self.capacity { refill() }
            defer { used += 1 }
            return values[used]
        }

        private mutating func refill() {
            values.withUnsafeMutableBytes { buffer in
                var filled = 0
                while filled < buffer.count, Self.device >= 0 {
                    let count = read(Self.device, buffer.baseAddress! + filled, buffer.count - filled)
                    if count > 0 {
                        filled += count
                    } else if count == 0 || errno != EINTR {
                        break
                    }
                }
                if filled < buffer.count {
                    // No /dev/urandom to read (a sandbox without /dev): the standard library's
                    // generator, one system call a value, rather than hand out zeros.
                    var system = SystemRandomNumberGenerator()
                    for index in (filled / 8)..<(buffer.count / 8) {
                        buffer.storeBytes(of: system.next() as UInt64, toByteOffset: index * 8, as: UInt64.self)
                    }
                }
            }
            used = 0
        }
    }
}
