import Foundation

/// A pipe that wakes a poll loop from another thread: `signal()` makes `fileDescriptor`
/// readable until the loop calls `drain()`. Register `fileDescriptor` with a `Poller`.
final class Wakeup: Sendable {
    let fileDescriptor: Int32
    private let writeEnd: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        precondition(pipe(&fds) == 0, "pipe() failed: \(String(cString: strerror(errno)))")
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        fileDescriptor = fds[0]
        writeEnd = fds[1]
    }

    deinit {
        close(fileDescriptor)
        close(writeEnd)
    }

    func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)  // a full pipe already means "wake up"
    }

    func drain() {
        var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { bytes in
            while read(fileDescriptor, bytes.baseAddress, bytes.count) > 0 {}
        }
    }
}
