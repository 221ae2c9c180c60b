import Foundation
import GRDB
import Logging
import ODOPMessages
import Synchronization
import ZeroMQ

/// Answers commands on the service's ROUTER socket, from a thread of its own (the only user of
/// the socket).
///
/// Contract:
/// - Every request gets exactly one reply frame, `{"id","ok":true,"result"}` or
///   `{"id","ok":false,"error":{code,message,field?}}`, routed back through the envelope it came
///   with (REQ, or DEALER with an empty delimiter frame; a DEALER without one gets its reply
///   without one). Malformed input (not one frame, oversized, not JSON, not an object, missing or
///   wrong-typed `id`/`command`/`args`) gets an error reply and changes nothing.
/// - A request id seen before returns the stored reply: from memory for any command, and from the
///   database for mutating commands, whose reply is stored in their own transaction (so a retry
///   is never applied twice, even across a restart). Stored replies are kept `replyRetention`.
/// - Each request is logged with its id, command, outcome, duration and trace id, counted in
///   `odop_commands_total{command,outcome}` and timed in `odop_command_duration_seconds` (when
///   metrics are on; a name the service does not answer is `command="unknown"`).
/// - Each request runs in a span of the runtime's tracer continuing the request's `traceparent`
///   (a new trace when it has none); events a mutating command emits carry that span's
///   `traceparent`.
/// - Frames larger than the hard limit (`ZMQ_MAXMSGSIZE`, set on the socket by the host) are
///   dropped by libzmq with the connection: there is no reply path for them.
final class CommandServer: Sendable {
    struct Settings: Sendable {
        var maxCommandBytes: Int
        var replyRetention: Duration
    }

    private let socket: ZMQSocket
    private let registry: CommandRegistry
    private let store: ServiceStore
    private let settings: Settings
    private let logger: Logger
    private let authorizer: Authorizer?
    private let stopping = Atomic<Bool>(false)
    private let wakeup = Wakeup()
    private let metrics: ServiceMetrics?
    private let beat: LoopBeat?
    private let hooks: RuntimeHooks
    private let tracer = RuntimeTracer()

    init(
        socket: ZMQSocket, registry: CommandRegistry, store: ServiceStore, settings: Settings, logger: Logger, authorizer: Authorizer?,
        metrics: ServiceMetrics? = nil, beat: LoopBeat? = nil, hooks: RuntimeHooks = RuntimeHooks()
    ) {
        self.metrics = metrics
        self.beat = beat
        self.hooks = hooks
        self.socket = socket
        self.registry = registry
        self.store = store
        self.settings = settings
        self.logger = logger
        self.authorizer = authorizer
    }

    /// Asks the loop to stop taking requests; `run()` returns after the one in progress.
    func requestStop() {
        stopping.store(true, ordering: .releasing)
        wakeup.signal()
    }

    /// Serves requests until `requestStop()`, then closes the socket. Throws when the socket
    /// fails (poll or receive), after closing it: the host then stops the process.
    func run() throws {
        defer {
            beat?.exited("the command loop ended")
            socket.close()
        }
        var poller = Poller()
        let socketIndex = poller.register(socket)
        poller.register(fileDescriptor: wakeup.fileDescriptor)
        var cache = ReplyCache()
        let clock = ContinuousClock()
        var nextPrune = clock.now
        while !stopping.load(ordering: .acquiring) {
            beat?.beat()
            if clock.now >= nextPrune {
                pruneStoredReplies()
                nextPrune = clock.now + .seconds(60)
            }
            do {
                try poller.poll(timeout: .seconds(1))
            } catch {
                throw WorkerFailure(worker: "command server", reason: "poll failed: \(error)")
            }
            wakeup.drain()
            guard poller.isReadable(socketIndex) else { continue }
            // Serve what is waiting, then look at the stop flag again.
            for _ in 0..<256 {
                guard !stopping.load(ordering: .acquiring) else { break }
                let frames: [ZMQMessage]?
                do {
                    frames = try socket.receiveMultipartMessages(dontWait: true)
                } catch {
                    throw WorkerFailure(worker: "command server", reason: "receive failed: \(error)")
                }
                guard let frames else { break }
                serve(frames, cache: &cache)
                beat?.beat()
            }
        }
    }

    // MARK: One request

    private func serve(_ frames: [ZMQMessage], cache: inout ReplyCache) {
        let start = ContinuousClock.now
        guard frames.count >= 2 else {
            logger.warning("dropped a message without a body", metadata: ["frames": "\(frames.count)"])
            return
        }
        let delimiter = frames.indices.dropFirst().first { frames[$0].count == 0 }
        let envelope = frames[...(delimiter ?? 0)].map(\.bytes)
        let body = frames[((delimiter ?? 0) + 1)...]

        var requestID: String?
        var command = "-"
        var traceId: String?
        let reply: Data
        let outcome: String
        if body.count != 1 {
            (reply, outcome) = failure(nil, .invalidRequest(
                "a request is exactly one frame holding a JSON object (after an empty delimiter frame when sent from a DEALER); got \(body.count) frames"))
        } else if body.first!.count > settings.maxCommandBytes {
            (reply, outcome) = failure(nil, .invalidRequest(
                "request of \(body.first!.count) bytes exceeds the limit of \(settings.maxCommandBytes) bytes"))
        } else {
            let frame = body.first!
            switch CommandRequest.parse(frame.bytesNoCopy) {
            case .failure(let rejection):
                requestID = rejection.id
                (reply, outcome) = failure(rejection.id, rejection.error)
            case .success(let request):
                requestID = request.id
                command = request.command
                let span = tracer.span(request.command, continuing: request.traceparent, kind: .server)
                defer { span.end() }
                traceId = span.traceId
                if let cached = cache.reply(for: request.id) {
                    (reply, outcome) = (cached, "replayed")
                    metrics?.repliesFromMemory.increment()
                } else {
                    hooks.beforeCommand?(request.command)
                    let principal = frame.property("User-Id").flatMap { authorizer?.principal(userID: $0) }
                    beat?.working(true)
                    defer { beat?.working(false) }
                    (reply, outcome) = dispatch(
                        RequestInfo(id: request.id, command: request.command, principal: principal, traceparent: span.traceparent),
                        args: request.args)
                    cache.store(reply, for: request.id)
                }
            }
        }
        send(reply, envelope: envelope)
        let duration = ContinuousClock.now - start
        metrics?.commandAnswered(command, outcome: outcome, duration: duration)
        log(id: requestID, command: command, outcome: outcome, duration: duration, traceId: traceId)
    }

    private func failure(_ id: String?, _ error: CommandError) -> (Data, String) {
        (CommandReply.failureFrame(id: id, error: error), error.code.rawValue)
    }

    private func dispatch(_ request: RequestInfo, args: JSONValue) -> (Data, String) {
        guard let entry = registry.entries[request.command] else {
            return failure(request.id, .unknownCommand(request.command))
        }
        if let authorizer, let refusal = authorizer.refusal(for: request.principal, command: entry.name, isMutating: entry.isMutating) {
            return failure(request.id, refusal)
        }
        do {
            switch entry.kind {
            case .read:
                let result = try store.read { db in try entry.read!(args, ReadContext(request: request, db: db)) }
                return (CommandReply.successFrame(id: request.id, resultJSON: result), "ok")
            case .plain:
                return (CommandReply.successFrame(id: request.id, resultJSON: try entry.plain!(args, request)), "ok")
            case .write:
                let (reply, stored) = try store.write(correlationId: request.id, traceparent: request.traceparent) { transaction in
                    if let stored = try StoredReplies.reply(requestID: request.id, transaction.db) {
                        return (stored, true)
                    }
                    let result = try entry.write!(args, transaction, request)
                    let reply = CommandReply.successFrame(id: request.id, resultJSON: result)
                    try StoredReplies.store(reply, requestID: request.id, command: request.command, transaction.db)
                    return (reply, false)
                }
                if stored { metrics?.repliesFromDatabase.increment() }
                return (reply, stored ? "replayed" : "ok")
            }
        } catch let error as CommandError {
            return failure(request.id, error)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            logger.warning("constraint violation", metadata: ["id": "\(request.id)", "error": "\(error)", "traceId": "\(request.traceId)"])
            return failure(request.id, .conflict("the change conflicts with existing data: \(error.message ?? "constraint failed")"))
        } catch {
            logger.error("handler failed", metadata: ["id": "\(request.id)", "command": "\(request.command)", "error": "\(error)", "traceId": "\(request.traceId)"])
            return failure(request.id, .internalError("the service failed to handle \(request.command); see its log for request \(request.id)"))
        }
    }

    private func send(_ reply: Data, envelope: [Data]) {
        do {
            if try !socket.send(multipart: envelope + [reply], dontWait: true) {
                logger.warning("reply dropped: the client's queue is full")
            }
        } catch let error where error.isHostUnreachable {
            logger.info("reply dropped: the client has gone")
        } catch {
            logger.error("reply failed", metadata: ["error": "\(error)"])
        }
    }

    private func log(id: String?, command: String, outcome: String, duration: Duration, traceId: String?) {
        guard logger.logLevel <= .info else { return }
        let micros = duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
        logger.info("command", metadata: [
            "id": "\(id ?? "-")", "command": "\(command)", "outcome": "\(outcome)", "durationUs": "\(micros)",
            "traceId": "\(traceId ?? "-")",
        ])
    }

    private func pruneStoredReplies() {
        let cutoff = Date().timeIntervalSince1970 - Double(settings.replyRetention.components.seconds)
        do {
            try store.write { transaction in
                try StoredReplies.prune(before: cutoff, transaction.db)
            }
        } catch {
            logger.error("pruning stored replies failed", metadata: ["error": "\(error)"])
        }
    }
}
