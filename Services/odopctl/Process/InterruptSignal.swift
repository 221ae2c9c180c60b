import Dispatch
import Foundation

/// Turns SIGINT (Ctrl-C) and SIGTERM into a readable file descriptor, so that a loop waiting on
/// sockets (`events tail`) wakes up and ends cleanly instead of being killed mid-line.
///
/// Once a signal arrived the descriptor stays readable. Only one instance should exist; it
/// restores the default handlers when released.
final class InterruptSignal {
    /// Readable once a signal arrived: register it with a poller.
    let fileDescriptor: Int32
    private let writeEnd: Int32
    private var sources: [any DispatchSourceSignal] = []
    private static let signals = [SIGINT, SIGTERM]

    init() throws(OdopctlFailure) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw OdopctlFailure(.internal, ["error: cannot create a pipe: \(String(cString: strerror(errno)))"])
        }
        fileDescriptor = ends[0]
        writeEnd = ends[1]
        let writeEnd = self.writeEnd
        for number in Self.signals {
            // Dispatch delivers the signal on its queue; the default action must be off.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                var byte: UInt8 = 1
                _ = write(writeEnd, &byte, 1)
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
        for number in Self.signals { signal(number, SIG_DFL) }
        close(fileDescriptor)
        close(writeEnd)
    }

    /// Whether a signal has arrived.
    var isRaised: Bool {
        var item = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        return poll(&item, 1, 0) == 1
    }
}
