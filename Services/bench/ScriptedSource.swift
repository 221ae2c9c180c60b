import Foundation
import ODOPMessages
import Synchronization
import ZeroMQ

/// A stand-in for the `bench` service that only publishes: pre-built `bench.row.written`
/// envelopes (the same JSON the runtime writes) on a PUB socket, and `events.replay` answered
/// from them on a ROUTER socket. It feeds a real follower as fast as the follower can take
/// events, so that the subscriber's live apply rate is measured apart from the writer's.
final class ScriptedSource: Sendable {
    let commandsEndpoint: String
    let eventsEndpoint: String
    private let envelopes: [Data]
    private let topic = Data(BenchRowWritten.eventType.utf8)
    private let context: ZMQContext
    private let pub: ZMQSocket
    private let progress: Progress
    private let server: WorkerThread

    /// What the publishing thread and the replay thread share.
    private final class Progress: Sendable {
        let published = Atomic<Int>(0)
        let stopping = Atomic<Bool>(false)
    }

    /// Builds `count` envelopes with seq 1...count (by string interpolation: keys in the
    /// wire's sorted order, as `WireFormat` writes them).
    init(count: Int) throws {
        let time = RFC3339.string(from: Date())
        let emitted = Int64(nowNanos())
        let progress = Progress()
        self.progress = progress
        let envelopes = (1...max(1, count)).map { seq in
            let id = "00000000-0000-4000-8000-" + String(String(seq, radix: 16).suffix(12)).leftPadded(to: 12)
            return Data("""
                {"correlationId":null,"data":{"emittedNs":\(emitted),"payload":"event","row":\(seq)},"id":"\(id)",\
                "schema":1,"seq":\(seq),"source":"bench","time":"\(time)","type":"\(BenchRowWritten.eventType)"}
                """.utf8)
        }
        self.envelopes = envelopes
        context = try ZMQContext()
        pub = try context.socket(.pub)
        try pub.set(.linger(milliseconds: 0), .sendHighWaterMark(100_000))
        try pub.bind("tcp://127.0.0.1:*")
        eventsEndpoint = try pub.lastEndpoint
        let router = try context.socket(.router)
        try router.set(.linger(milliseconds: 0))
        try router.bind("tcp://127.0.0.1:*")
        commandsEndpoint = try router.lastEndpoint
        server = WorkerThread(name: "scripted-replay") { [envelopes, progress] in
            Self.serveReplay(router, envelopes: envelopes, progress: progress)
        }
    }

    var count: Int { envelopes.count }

    /// Publishes envelopes `from...to` (1-based seqs), waiting whenever more than `window` are
    /// ahead of what `appliedSeq()` reports, so that no queue overflows (nothing is dropped).
    func publish(from: Int, to: Int, window: Int, appliedSeq: () -> Int64) throws {
        guard from <= to else { return }
        for seq in from...to {
            while seq - Int(appliedSeq()) > window { usleep(200) }
            try pub.send(multipart: [topic, envelopes[seq - 1]])
            progress.published.store(seq, ordering: .releasing)
        }
    }

    func stop() {
        guard !progress.stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        server.join()
        pub.close()
        context.terminate()
    }

    deinit { stop() }

    private static func serveReplay(_ router: ZMQSocket, envelopes: [Data], progress: Progress) {
        defer { router.close() }
        var poller = Poller()
        poller.register(router)
        while !progress.stopping.load(ordering: .acquiring) {
            guard (try? poller.poll(timeout: .milliseconds(50))) ?? 0 > 0 else { continue }
            while let frames = try? router.receiveMultipart(dontWait: true) {
                guard frames.count >= 3, let body = frames.last else { continue }
                let reply: Data
                switch CommandRequest.parse(body) {
                case .failure(let rejection):
                    reply = CommandReply.failureFrame(id: rejection.id, error: rejection.error)
                case .success(let request) where request.command == EventsReplay.name:
                    do {
                        let args = try request.decodeArgs(EventsReplay.Arguments.self)
                        let last = progress.published.load(ordering: .acquiring)
                        let first = Int(max(0, args.after))
                        let end = min(last, first + args.effectiveLimit)
                        let page = first < end ? Array(envelopes[first..<end]) : []
                        reply = CommandReply.successFrame(
                            id: request.id, resultJSON: EventsReplay.resultJSON(encodedEvents: page, lastSeq: Int64(last)))
                    } catch {
                        reply = CommandReply.failureFrame(id: request.id, error: error)
                    }
                case .success(let request):
                    reply = CommandReply.failureFrame(id: request.id, error: .unknownCommand(request.command))
                }
                _ = try? router.send(multipart: Array(frames.dropLast()) + [reply])
            }
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
