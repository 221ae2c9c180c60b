import Foundation
import Logging
import ODOPMessages
import Synchronization
import ZeroMQ

/// Sends committed events on the service's PUB socket as `[topic, envelope]`, and a heartbeat
/// `<source>.heartbeat` carrying `lastSeq` every `heartbeatInterval`, from a thread of its own
/// (the only user of the socket).
///
/// Events arrive from the event log after each commit, in commit order, and are sent in that
/// order. PUB drops what no subscriber is connected for; subscribers recover through the
/// heartbeat's `lastSeq` and `events.replay`.
final class EventPublisher: Sendable {
    private struct State {
        var queue: [CommittedEvent] = []
        var lastSeq: Int64
        var stopping = false
    }

    private let socket: ZMQSocket
    private let source: String
    private let epoch: String
    private let heartbeatInterval: Duration
    private let logger: Logger
    private let state: Mutex<State>
    private let wakeup = Wakeup()

    init(socket: ZMQSocket, source: String, epoch: String, heartbeatInterval: Duration, lastSeq: Int64, logger: Logger) {
        self.socket = socket
        self.source = source
        self.epoch = epoch
        self.heartbeatInterval = heartbeatInterval
        self.logger = logger
        state = Mutex(State(lastSeq: lastSeq))
    }

    /// The highest seq committed (handed to the publisher) so far.
    var lastSeq: Int64 { state.withLock { $0.lastSeq } }

    /// Queues committed events for sending.
    func enqueue(_ events: [CommittedEvent]) {
        let wasEmpty = state.withLock { state in
            let wasEmpty = state.queue.isEmpty
            state.queue.append(contentsOf: events)
            state.lastSeq = max(state.lastSeq, events.last?.seq ?? 0)
            return wasEmpty
        }
        // A non-empty queue means the thread has been woken already and has not taken it yet.
        if wasEmpty { wakeup.signal() }
    }

    /// Asks the loop to send what is queued and stop; `run()` then returns.
    func requestStop() {
        state.withLock { $0.stopping = true }
        wakeup.signal()
    }

    /// Publishes until `requestStop()`, then closes the socket. Throws when the socket fails.
    func run() throws {
        defer { socket.close() }
        var poller = Poller()
        poller.register(fileDescriptor: wakeup.fileDescriptor)
        let clock = ContinuousClock()
        var nextHeartbeat = clock.now
        let heartbeatTopic = Data(EventEnvelope.heartbeatType(for: source).utf8)
        while true {
            let (batch, stopping, lastSeq) = state.withLock { state in
                let batch = state.queue
                state.queue.removeAll(keepingCapacity: true)
                return (batch, state.stopping, state.lastSeq)
            }
            do {
                for event in batch {
                    try socket.send(multipart: [event.topic, event.envelope])
                }
                if stopping { break }
                if clock.now >= nextHeartbeat {
                    let heartbeat = try WireFormat.encode(EventEnvelope.heartbeat(source: source, lastSeq: lastSeq, epoch: epoch))
                    try socket.send(multipart: [heartbeatTopic, heartbeat])
                    nextHeartbeat = clock.now + heartbeatInterval
                }
                try poller.poll(timeout: max(.zero, nextHeartbeat - clock.now))
            } catch {
                throw WorkerFailure(worker: "event publisher", reason: "\(error)")
            }
            wakeup.drain()
        }
    }
}
