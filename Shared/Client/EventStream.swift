import Foundation
import ODOPMessages
import ZeroMQ

/// Follows the event (PUB) sockets of one or more services: one SUB socket per source, read
/// through one poller, each message checked against the protocol (`[topic, envelope]`, the
/// envelope valid JSON of the right shape, the topic equal to its `type`).
///
/// This is a live view for tools (`odopctl events tail`, test recorders): PUB drops what a
/// subscriber misses, so it gives no delivery guarantee. A durable consumer catches up through
/// `events.replay` as the runtime's subscriber does.
///
/// Use a stream from one thread. `next(timeout:)` also returns when `wakeFileDescriptor`
/// becomes readable, so a loop can end on a signal (write to a pipe from the signal handler).
public final class EventStream {
    /// A service whose events are followed.
    public struct Source: Sendable, Equatable {
        /// The service's name (`catalogue`), used in reports.
        public var name: String
        /// Its events endpoint, e.g. `tcp://127.0.0.1:7102`.
        public var endpoint: String
        /// CURVE keys, when the publisher requires them.
        public var curve: CurveClientKeys?

        public init(name: String, endpoint: String, curve: CurveClientKeys? = nil) {
            self.name = name
            self.endpoint = endpoint
            self.curve = curve
        }
    }

    /// What `next` hands out.
    public enum Delivery: Sendable, Equatable {
        /// A well-formed envelope (an event or a heartbeat) from `source`.
        case event(EventEnvelope, source: Source)
        /// A message that breaks the protocol, with what is wrong with it.
        case malformed(source: Source, problem: String)
    }

    public let sources: [Source]
    private let context: ZMQContext
    private let ownsContext: Bool
    private var sockets: [ZMQSocket] = []
    private var poller = Poller()
    private var pending: [Delivery] = []
    private var pendingIndex = 0
    /// Where draining starts next time, so that a busy source cannot starve the others.
    private var nextSocket = 0
    private var isClosed = false

    /// Connects to every source's events endpoint and subscribes to each prefix in `topics`
    /// (`""` for everything, `catalogue.product.` for product events; heartbeats are topics
    /// too, `catalogue.heartbeat`).
    public init(
        sources: [Source], topics: [String] = [""], wakeFileDescriptor: Int32? = nil, context: ZMQContext? = nil
    ) throws(ZMQError) {
        self.sources = sources
        if let context {
            self.context = context
            ownsContext = false
        } else {
            self.context = try ZMQContext()
            ownsContext = true
        }
        do throws(ZMQError) {
            for source in sources {
                let socket = try self.context.socket(.sub)
                sockets.append(socket)
                // A tool following a burst should not lose it to the default high-water mark.
                try socket.set(.linger(milliseconds: 0), .receiveHighWaterMark(100_000))
                for topic in topics {
                    try socket.set(.subscribe(Data(topic.utf8)))
                }
                if let curve = source.curve { try curve.apply(to: socket) }
                try socket.connect(source.endpoint)
                poller.register(socket)
            }
        } catch {
            close()
            throw error
        }
        if let wakeFileDescriptor {
            poller.register(fileDescriptor: wakeFileDescriptor)
        }
    }

    deinit { close() }

    /// Closes the sockets (and the context, when the stream made it). Idempotent.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        for socket in sockets { socket.close() }
        sockets.removeAll()
        if ownsContext { context.terminate() }
    }

    /// The next message from any source: waits up to `timeout` (nil: indefinitely). Returns nil
    /// when the time passed, or at once when the wake descriptor is readable.
    public func next(timeout: Duration?) throws(ZMQError) -> Delivery? {
        if let delivery = takePending() { return delivery }
        guard !isClosed, try poller.poll(timeout: timeout) > 0 else { return nil }
        try drainReadableSockets()
        return takePending()
    }

    private func takePending() -> Delivery? {
        guard pendingIndex < pending.count else { return nil }
        let delivery = pending[pendingIndex]
        pendingIndex += 1
        if pendingIndex == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
        }
        return delivery
    }

    /// Takes what the readable sockets hold, a bounded number per socket per call.
    private func drainReadableSockets() throws(ZMQError) {
        let count = sockets.count
        for offset in 0..<count {
            let index = (nextSocket + offset) % count
            guard poller.isReadable(index) else { continue }
            for _ in 0..<256 {
                guard let frames = try sockets[index].receiveMultipart(dontWait: true) else { break }
                pending.append(Self.delivery(frames: frames, from: sources[index]))
            }
        }
        if count > 0 { nextSocket = (nextSocket + 1) % count }
    }

    /// Checks one message against the protocol.
    static func delivery(frames: [Data], from source: Source) -> Delivery {
        guard frames.count == 2 else {
            return .malformed(source: source, problem: "expected 2 frames [topic, envelope], got \(frames.count)")
        }
        let envelope: EventEnvelope
        do throws(CommandError) {
            envelope = try EventEnvelope.read(frames[1])
        } catch {
            return .malformed(source: source, problem: "unreadable envelope: \(error)")
        }
        let topic = String(decoding: frames[0], as: UTF8.self)
        guard topic == envelope.type else {
            return .malformed(source: source, problem: "topic '\(topic)' does not match type '\(envelope.type)'")
        }
        return .event(envelope, source: source)
    }
}
