import Foundation
import ODOPMessages
import Synchronization
import ZeroMQ

/// Subscribes to a service's events and records every envelope it receives (heartbeats
/// included), on a thread of its own, until `stop()`.
public final class EventRecorder: Sendable {
    private let received = Mutex<[EventEnvelope]>([])
    private let running = Atomic<Bool>(true)
    private let finished = DispatchSemaphore(value: 0)

    public init(endpoint: String, prefix: String = "") throws {
        let context = try ZMQContext()
        let socket = try context.socket(.sub)
        try socket.set(.subscribe(Data(prefix.utf8)), .receiveHighWaterMark(0), .receiveTimeout(milliseconds: 50))
        try socket.connect(endpoint)
        let thread = Thread { [self] in
            while running.load(ordering: .acquiring) {
                guard let frames = try? socket.receiveMultipart(), frames.count == 2,
                    let envelope = try? WireFormat.decode(EventEnvelope.self, from: frames[1])
                else { continue }
                received.withLock { $0.append(envelope) }
            }
            socket.close()
            context.terminate()
            finished.signal()
        }
        thread.start()
    }

    deinit { stop() }

    /// Everything received so far.
    public var envelopes: [EventEnvelope] { received.withLock { $0 } }

    /// Events received so far (heartbeats left out).
    public var events: [EventEnvelope] { envelopes.filter { $0.seq != nil } }

    public func stop() {
        guard running.exchange(false, ordering: .acquiringAndReleasing) else { return }
        finished.wait()
    }
}
