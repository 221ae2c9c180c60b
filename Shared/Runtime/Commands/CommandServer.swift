import Foundation
import GRDB
import Logging
import ODOPMessages
import Synchronization
import ZeroMQ

/// Answers commands on the service's ROUTER socket. The socket has one owner, the command
/// thread: it receives, checks and routes every request, and sends every reply. Reads are
/// answered on `ReadWorkers`, concurrently with each other and with writes; plain commands that
/// change data (they run their own transactions) on a lane of their own, so that waiting for
/// the write lock never holds up reads (their arguments are checked on the command thread
/// first, so bad ones are refused at once); write commands are applied by the `GroupWriter`, by
/// group commit. All hand their replies back through a `ReplyOutbox` that wakes the command
/// thread.
///
/// Contract:
/// - Every request gets exactly one reply frame, `{"id","ok":true,"result"}` or
///   `{"id","ok":false,"error":{code,message,field?}}`, routed back through the envelope it came
///   with (REQ, or DEALER with an empty delimiter frame; a DEALER without one gets its reply
///   without one). Malformed input (not one frame, oversized, not JSON, not an object, missing or
///   wrong-typed `id`/`command`/`args`) gets an error reply and changes nothing.
/// - A request id seen before returns the stored reply: from memory for any command, and from the
///   database for mutating commands, whose reply is stored in their own savepoint (so a retry
///   is never applied twice, even across a restart). Stored replies are kept `replyRetention`.
/// - The reply to a write is sent only after the commit that made it durable (see `GroupWriter`
///   for the group commit's guarantees). A read sees every write whose reply was sent before it
///   arrived; requests pipelined on one connection may be answered out of order.
/// - Each request is logged with its id, command, sender (`who`: the key's name, `-` when open),
///   outcome, duration and trace id, counted in `odop_commands_total{command,outcome}` and timed
///   in `odop_command_duration_seconds` (when metrics are on; a name the service does not answer
///   is `command="unknown"`).
/// - Each request runs in a span of the runtime's tracer continuing the request's `traceparent`
///   (a new trace when it has none); events a mutating command emits carry that span's
///   `traceparent`.
/// - With CURVE (`access` given), every request is checked against the allowlist current at that
///   moment (`unauthorized` for a sender no longer listed), the role and place its command
///   declares (`forbidden`), before anything is read or changed; see `CommandAccess`.
/// - Every successful change is written to the audit trail (`AuditTrail`); entries a read asks
///   for are written before its reply is sent.
/// - With a rate limit, a client over it gets `unavailable` with `retryAfterMs` at once.
/// - Frames larger than the hard limit (`ZMQ_MAXMSGSIZE`, set on the socket by the host) are
///   dropped by libzmq with the connection: there is no reply path for them.
final class CommandServer: Sendable {
    struct Settings: Sendable {
        var maxCommandBytes: Int
        var replyRetention: Duration
        var rateLimit: RateLimit? = nil
        var auditRetention: Duration = .seconds(Int64(SecurityConfiguration.defaultAuditRetentionDays) * 86_400)
        /// Threads answering reads; default: one per core, at least 2, at most 4.
        var readThreads: Int = min(4, max(2, ProcessInfo.processInfo.activeProcessorCount))
    }

    private let socket: ZMQSocket
    private let registry: CommandRegistry
    private let store: ServiceStore
    private let settings: Settings
    private let logger: Logger
    private let access: AccessControl?
    private let stopping = Atomic<Bool>(false)
    private let wakeup = Wakeup()
    private let metrics: ServiceMetrics?
    private let beat: LoopBeat?
    private let writerBeat: LoopBeat?
    private let hooks: RuntimeHooks
    private let tracer = RuntimeTracer()
    private let handling: CommandHandling
    private let outbox = ReplyOutbox()

    init(
        socket: ZMQSocket, registry: CommandRegistry, store: ServiceStore, settings: Settings, logger: Logger, access: AccessControl?,
        metrics: ServiceMetrics? = nil, beat: LoopBeat? = nil, writerBeat: LoopBeat? = nil, hooks: RuntimeHooks = RuntimeHooks()
    ) {
        let hooks = hooks.withTestEnvironment()
        self.metrics = metrics
        self.beat = beat
        self.writerBeat = writerBeat
        self.hooks = hooks
        self.socket = socket
        self.registry = registry
        self.store = store
        self.settings = settings
        self.logger = logger
        self.access = access
        handling = CommandHandling(registry: registry, store: store, logger: logger, metrics: metrics, hooks: hooks)
    }

    /// Asks the loop to stop taking requests; `run()` returns after answering those in progress.
    func requestStop() {
        stopping.store(true, ordering: .releasing)
        wakeup.signal()
    }

    /// Serves requests until `requestStop()`, then answers what was taken and closes the socket.
    /// Throws when the socket fails (poll or receive), after closing it: the host then stops the
    /// process.
    func run() throws {
        let readers = ReadWorkers(name: "cmd-read", count: settings.readThreads)
        // Plain commands that change data run their own transactions and wait for the write lock
        // (a subscription's long catch-up transaction, say): they get a lane of their own, so
        // waiting ones never hold every read thread and leave reads and refusals unanswered.
        let changers = ReadWorkers(name: "cmd-plain", count: 1)
        let writer = GroupWriter(
            name: "cmd-write", atLeast: hooks.groupAtLeast, outbox: outbox, beat: writerBeat,
            housekeeping: { [self] in pruneStoredReplies() },
            apply: { [handling] group in handling.apply(group) })
        var cache = ReplyCache()
        defer {
            readers.stop()
            changers.stop()
            writer.stop()
            for answered in outbox.take() { deliver(answered, cache: &cache) }
            beat?.exited("the command loop ended")
            socket.close()
        }
        var poller = Poller()
        let socketIndex = poller.register(socket)
        let stopIndex = poller.register(fileDescriptor: wakeup.fileDescriptor)
        let outboxIndex = poller.register(fileDescriptor: outbox.wakeup.fileDescriptor)
        var limiter = settings.rateLimit.map(ClientRateLimiter.init)
        let clock = ContinuousClock()
        var nextPrune = clock.now + .seconds(60)
        while !stopping.load(ordering: .acquiring) {
            beat?.beat()
            if clock.now >= nextPrune {
                limiter?.prune()
                nextPrune = clock.now + .seconds(60)
            }
            do {
                try poller.poll(timeout: .seconds(1))
            } catch {
                throw WorkerFailure(worker: "command server", reason: "poll failed: \(error)")
            }
            // A pipe is read only when the poll found it readable: reading both on every turn
            // cost two system calls per request. The outbox is taken on every turn all the same
            // (a lock, no call): a reply posted after the poll is sent now, and its wake-up
            // byte, drained on a later turn, only costs that turn an empty take.
            if poller.isReadable(stopIndex) { wakeup.drain() }
            if poller.isReadable(outboxIndex) { outbox.wakeup.drain() }
            for answered in outbox.take() { deliver(answered, cache: &cache) }
            guard poller.isReadable(socketIndex) else { continue }
            // Take what is waiting (at most 256), serve it, then look at the stop flag again.
            var batch: [[ZMQMessage]] = []
            while batch.count < 256 {
                let frames: [ZMQMessage]?
                do {
                    frames = try socket.receiveMultipartMessages(dontWait: true)
                } catch {
                    throw WorkerFailure(worker: "command server", reason: "receive failed: \(error)")
                }
                guard let frames else { break }
                batch.append(frames)
            }
            // A lone read with no other read in flight is answered here: a hand-off to a read
            // thread and back would only add two thread wake-ups to its round trip.
            let inline = batch.count == 1 && readers.isIdle
            for frames in batch {
                serve(
                    frames, cache: &cache, limiter: &limiter, lanes: Lanes(readers: readers, changers: changers, writer: writer),
                    inlineReads: inline)
                beat?.beat()
            }
        }
    }

    // MARK: One request

    /// Checks one request and answers it at once (malformed, refused, a reply from memory, a plain
    /// command that reads nothing) or routes it: reads to `readers`, plain commands that change
    /// data to `changers`, writes to `writer`.
    private func serve(
        _ frames: [ZMQMessage], cache: inout ReplyCache, limiter: inout ClientRateLimiter?, lanes: Lanes,
        inlineReads: Bool
    ) {
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
        var span: RuntimeSpan?
        // Only a CURVE socket's ZAP handler sets a User-Id (`access` is then given): asking an
        // open socket's message for it cost about 900 instructions a request, for nothing.
        let userID = access == nil ? nil : frames.last?.property("User-Id").flatMap { $0.isEmpty ? nil : $0 }
        let reply: Data
        let outcome: String
        if body.count != 1 {
            (reply, outcome) = handling.failure(
                nil,
                .invalidRequest(
                    "a request is exactly one frame holding a JSON object (after an empty delimiter frame when sent from a DEALER); got \(body.count) frames"
                ))
        } else if body.first!.count > settings.maxCommandBytes {
            (reply, outcome) = handling.failure(
                nil,
                .invalidRequest(
                    "request of \(body.first!.count) bytes exceeds the limit of \(settings.maxCommandBytes) bytes"))
        } else {
            let frame = body.first!
            switch CommandRequest.parse(frame.bytesNoCopy) {
            case .failure(let rejection):
                requestID = rejection.id
                (reply, outcome) = handling.failure(rejection.id, rejection.error)
            case .success(let request):
                requestID = request.id
                command = request.command
                let requestSpan = tracer.span(request.command, continuing: request.traceparent, kind: .server)
                span = requestSpan
                let principal = access?.principal(userID: userID)
                if let retryAfter = limiter?.take(for: userID ?? envelope.first.map(Self.hex) ?? "-") {
                    (reply, outcome) = handling.failure(
                        request.id,
                        .unavailable(
                            "\(userID ?? "this client") sends more than \(limiter!.limit.perSecond) commands a second; retryAfterMs=\(retryAfter)"
                        ))
                } else if access != nil, principal == nil {
                    (reply, outcome) = handling.failure(
                        request.id,
                        .unauthorized(
                            "\(request.command) needs a client key in the service's allowlist"
                                + (userID.map { "; \($0) is no longer in it" } ?? "")))
                } else if let cached = cache.reply(for: request.id) {
                    (reply, outcome) = (cached, "replayed")
                    metrics?.repliesFromMemory.increment()
                } else if let entry = registry.entries[request.command] {
                    hooks.beforeCommand?(request.command)
                    let pending = PendingCommand(
                        request: RequestInfo(
                            id: request.id, command: request.command, principal: principal, trace: requestSpan.traceContext),
                        args: request.args, entry: entry, envelope: envelope, start: start, who: userID ?? "-", span: requestSpan)
                    if let refusal = refusal(of: pending) ?? argumentRefusal(of: pending) {
                        (reply, outcome) = handling.failure(request.id, refusal)
                    } else {
                        route(pending, cache: &cache, lanes: lanes, inlineReads: inlineReads)
                        return
                    }
                } else {
                    (reply, outcome) = handling.failure(request.id, .unknownCommand(request.command))
                }
                requestSpan.end()
            }
        }
        send(reply, envelope: envelope)
        let duration = ContinuousClock.now - start
        metrics?.commandAnswered(command, outcome: outcome, duration: duration)
        log(id: requestID, command: command, who: userID ?? "-", outcome: outcome, duration: duration, span: span)
    }

    /// The role refusal for a sender whose key's role the command does not admit (nil when open).
    private func refusal(of command: PendingCommand) -> CommandError? {
        guard let principal = command.request.principal else { return nil }
        let role = registry.access[command.entry.name]?.role?(command.args) ?? (command.entry.isMutating ? .admin : .admitted)
        return role.refusal(for: principal, command: command.entry.name)
    }

    /// The `invalid_argument` refusal of a plain command that changes data, decided here and not
    /// on its lane: bad arguments are refused at once, never after the commands queued before them
    /// (which may wait on a subscription's transaction). Nil for other commands and good arguments.
    private func argumentRefusal(of command: PendingCommand) -> CommandError? {
        guard let check = command.entry.checkArguments else { return nil }
        do throws(CommandError) {
            try check(command.args)
            return nil
        } catch {
            return error
        }
    }

    /// Where commands are handed: reads, plain commands that change data, writes.
    private struct Lanes {
        let readers: ReadWorkers
        let changers: ReadWorkers
        let writer: GroupWriter
    }

    private func route(_ command: PendingCommand, cache: inout ReplyCache, lanes: Lanes, inlineReads: Bool) {
        switch command.entry.kind {
        case .plain where !command.entry.isMutating, .read where inlineReads:
            beat?.working(true)
            defer { beat?.working(false) }
            deliver(handling.answer(command), cache: &cache)
        case .plain where command.entry.isMutating:
            lanes.changers.submit { [handling, outbox] in outbox.post(handling.answer(command)) }
        case .plain, .read:
            lanes.readers.submit { [handling, outbox] in outbox.post(handling.answer(command)) }
        case .write:
            lanes.writer.submit(command)
        }
    }

    /// Sends an answered command's reply, keeps it in memory for retries, counts and logs it.
    private func deliver(_ answered: AnsweredCommand, cache: inout ReplyCache) {
        let command = answered.command
        // `unavailable` says "retry with the same id": a retry must run again, not get this reply.
        if answered.outcome != ErrorCode.unavailable.rawValue { cache.store(answered.reply, for: command.request.id) }
        send(answered.reply, envelope: command.envelope)
        command.span.end()
        let duration = ContinuousClock.now - command.start
        metrics?.commandAnswered(command.request.command, outcome: answered.outcome, duration: duration)
        log(
            id: command.request.id, command: command.request.command, who: command.who, outcome: answered.outcome, duration: duration,
            span: command.span)
    }

    private static func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }

    private func send(_ reply: Data, envelope: [Data]) {
        do {
            if try !socket.send(multipart: envelope, then: reply, dontWait: true) {
                logger.warning("reply dropped: the client's queue is full")
            }
        } catch let error where error.isHostUnreachable {
            logger.info("reply dropped: the client has gone")
        } catch {
            logger.error("reply failed", metadata: ["error": "\(error)"])
        }
    }

    /// The access line, at level info. Its trace id is taken from `span` only when the line is
    /// written: cutting it out of the `traceparent` cost about 1,600 instructions each time.
    private func log(id: String?, command: String, who: String, outcome: String, duration: Duration, span: RuntimeSpan?) {
        guard logger.logLevel <= .info else { return }
        let micros = duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
        logger.info(
            "command",
            metadata: [
                "id": "\(id ?? "-")", "command": "\(command)", "who": "\(who)", "outcome": "\(outcome)", "durationUs": "\(micros)",
                "traceId": "\(span?.traceId ?? "-")",
            ])
    }

    private func pruneStoredReplies() {
        let cutoff = Date().timeIntervalSince1970 - Double(settings.replyRetention.components.seconds)
        do {
            try store.write { transaction in
                try StoredReplies.prune(before: cutoff, transaction.db)
                try AuditTrail.prune(before: Date() - Double(settings.auditRetention.components.seconds), transaction.db)
            }
        } catch {
            logger.error("pruning stored replies failed", metadata: ["error": "\(error)"])
        }
    }
}
