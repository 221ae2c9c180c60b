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
/// - Each request is logged with its id, command, sender (`who`: the key's name, `-` when open),
///   outcome and duration.
/// - With CURVE (`access` given), every request is checked against the allowlist current at that
///   moment (`unauthorized` for a sender no longer listed), the role and place its command
///   declares (`forbidden`), before anything is read or changed; see `CommandAccess`.
/// - Every successful change is written to the audit trail in its own transaction
///   (`AuditTrail`); entries a read asks for are written before its reply is sent.
/// - With a rate limit, a client over it gets `unavailable` with `retryAfterMs` at once.
/// - Frames larger than the hard limit (`ZMQ_MAXMSGSIZE`, set on the socket by the host) are
///   dropped by libzmq with the connection: there is no reply path for them.
final class CommandServer: Sendable {
    struct Settings: Sendable {
        var maxCommandBytes: Int
        var replyRetention: Duration
        var rateLimit: RateLimit? = nil
        var auditRetention: Duration = .seconds(Int64(SecurityConfiguration.defaultAuditRetentionDays) * 86_400)
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
    private let hooks: RuntimeHooks
    private let tracer = RuntimeTracer()

    init(
        socket: ZMQSocket, registry: CommandRegistry, store: ServiceStore, settings: Settings, logger: Logger, access: AccessControl?,
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
        self.access = access
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
        var limiter = settings.rateLimit.map(ClientRateLimiter.init)
        let clock = ContinuousClock()
        var nextPrune = clock.now
        while !stopping.load(ordering: .acquiring) {
            beat?.beat()
            if clock.now >= nextPrune {
                pruneStoredReplies()
                limiter?.prune()
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
                serve(frames, cache: &cache, limiter: &limiter)
                beat?.beat()
            }
        }
    }

    // MARK: One request

    private func serve(_ frames: [ZMQMessage], cache: inout ReplyCache, limiter: inout ClientRateLimiter?) {
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
        let userID = frames.last?.property("User-Id").flatMap { $0.isEmpty ? nil : $0 }
        let reply: Data
        let outcome: String
        if body.count != 1 {
            (reply, outcome) = failure(
                nil,
                .invalidRequest(
                    "a request is exactly one frame holding a JSON object (after an empty delimiter frame when sent from a DEALER); got \(body.count) frames"
                ))
        } else if body.first!.count > settings.maxCommandBytes {
            (reply, outcome) = failure(
                nil,
                .invalidRequest(
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
                let principal = access?.principal(userID: userID)
                if let retryAfter = limiter?.take(for: userID ?? envelope.first.map(Self.hex) ?? "-") {
                    (reply, outcome) = failure(
                        request.id,
                        .unavailable(
                            "\(userID ?? "this client") sends more than \(limiter!.limit.perSecond) commands a second; retryAfterMs=\(retryAfter)"
                        ))
                } else if access != nil, principal == nil {
                    (reply, outcome) = failure(
                        request.id,
                        .unauthorized(
                            "\(request.command) needs a client key in the service's allowlist"
                                + (userID.map { "; \($0) is no longer in it" } ?? "")))
                } else if let cached = cache.reply(for: request.id) {
                    (reply, outcome) = (cached, "replayed")
                    metrics?.repliesFromMemory.increment()
                } else {
                    hooks.beforeCommand?(request.command)
                    beat?.working(true)
                    defer { beat?.working(false) }
                    (reply, outcome) = dispatch(
                        RequestInfo(id: request.id, command: request.command, principal: principal, traceparent: span.traceparent),
                        args: request.args)
                    // `unavailable` says "retry with the same id": a retry must run again, not get this reply.
                    if outcome != ErrorCode.unavailable.rawValue { cache.store(reply, for: request.id) }
                }
            }
        }
        send(reply, envelope: envelope)
        let duration = ContinuousClock.now - start
        metrics?.commandAnswered(command, outcome: outcome, duration: duration)
        log(id: requestID, command: command, who: userID ?? "-", outcome: outcome, duration: duration, traceId: traceId)
    }

    private static func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }

    private func failure(_ id: String?, _ error: CommandError) -> (Data, String) {
        (CommandReply.failureFrame(id: id, error: error), error.code.rawValue)
    }

    private func dispatch(_ request: RequestInfo, args: JSONValue) -> (Data, String) {
        guard let entry = registry.entries[request.command] else {
            return failure(request.id, .unknownCommand(request.command))
        }
        let declared = registry.access[entry.name]
        if let principal = request.principal {
            let role = declared?.role?(args) ?? (entry.isMutating ? .admin : .admitted)
            if let refusal = role.refusal(for: principal, command: entry.name) {
                return failure(request.id, refusal)
            }
        }
        do {
            switch entry.kind {
            case .read:
                let (result, audits, place) = try store.read { db in
                    let place = try self.place(of: entry, declared, args, request, db, always: false)
                    let context = ReadContext(request: request, db: db)
                    return (try entry.read!(args, context), context.auditLog.pending, place)
                }
                if !audits.isEmpty {
                    try store.write { transaction in
                        for pending in audits {
                            try AuditTrail.append(
                                .init(
                                    who: AuditTrail.who(request), role: request.principal?.role.rawValue, requestID: request.id,
                                    command: request.command, action: pending.action, subject: pending.subject, place: place,
                                    details: pending.details), transaction.db)
                        }
                    }
                }
                return (CommandReply.successFrame(id: request.id, resultJSON: result), "ok")
            case .plain:
                let place =
                    try request.principal.map { _ in
                        try store.read { db in try self.place(of: entry, declared, args, request, db, always: false) }
                    } ?? nil
                let result = try entry.plain!(args, request)
                if entry.isMutating {
                    try store.write { transaction in
                        try AuditTrail.append(
                            .init(
                                who: AuditTrail.who(request), role: request.principal?.role.rawValue, requestID: request.id,
                                command: request.command, action: request.command, place: place, after: result), transaction.db)
                    }
                }
                return (CommandReply.successFrame(id: request.id, resultJSON: result), "ok")
            case .write:
                let (reply, stored) = try store.write(correlationId: request.id, traceparent: request.traceparent) { transaction in
                    if let stored = try StoredReplies.reply(requestID: request.id, transaction.db) {
                        return (stored, true)
                    }
                    transaction.request = request
                    transaction.place = try self.place(of: entry, declared, args, request, transaction.db, always: true)
                    let result = try entry.write!(args, transaction, request)
                    let reply = CommandReply.successFrame(id: request.id, resultJSON: result)
                    try StoredReplies.store(reply, requestID: request.id, command: request.command, transaction.db)
                    try AuditTrail.append(
                        .init(
                            who: AuditTrail.who(request), role: request.principal?.role.rawValue, requestID: request.id,
                            command: request.command, action: request.command, place: transaction.place,
                            before: transaction.recordedBefore, after: result), transaction.db)
                    return (reply, false)
                }
                if stored { metrics?.repliesFromDatabase.increment() }
                return (reply, stored ? "replayed" : "ok")
            }
        } catch let error as CommandError {
            return failure(request.id, error)
        } catch let error as DatabaseError where ApplyFailure(error).isTransient {
            // The database cannot work now (disk full, I/O error, busy): nothing was changed.
            logger.warning("database unavailable", metadata: ["id": "\(request.id)", "error": "\(error)"])
            return failure(
                request.id, .unavailable("the service's database cannot take this now (\(error.resultCode)); retry with the same id"))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            logger.warning("constraint violation", metadata: ["id": "\(request.id)", "error": "\(error)", "traceId": "\(request.traceId)"])
            return failure(request.id, .conflict("the change conflicts with existing data: \(error.message ?? "constraint failed")"))
        } catch {
            logger.error(
                "handler failed",
                metadata: ["id": "\(request.id)", "command": "\(request.command)", "error": "\(error)", "traceId": "\(request.traceId)"])
            return failure(
                request.id, .internalError("the service failed to handle \(request.command); see its log for request \(request.id)"))
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

    /// Where a request acts, checked against its sender's scope: a scoped key gets `forbidden`
    /// outside its places, for a command that declares a place but names none, and for a change
    /// by a command that declares no place. `always`: find the place even for an unscoped sender
    /// (for the audit trail of changes; a failure to find it is then left to the handler).
    private func place(
        of entry: CommandRegistry.Entry, _ declared: CommandAccess?, _ args: JSONValue, _ request: RequestInfo, _ db: Database, always: Bool
    ) throws -> CommandPlace? {
        guard let principal = request.principal, !principal.scope.isEverywhere else {
            guard always, let locate = declared?.place else { return nil }
            return try? locate(args, db)
        }
        guard let locate = declared?.place else {
            if entry.isMutating {
                throw CommandError.forbidden(
                    "\(principal.name) may act only in \(principal.scope), and \(entry.name) is not tied to one place")
            }
            return nil
        }
        guard let place = try locate(args, db) else {
            throw CommandError.forbidden("\(principal.name) may act only in \(principal.scope): name a state or district there")
        }
        guard principal.scope.admits(place) else {
            throw CommandError.forbidden("\(principal.name) may act only in \(principal.scope), not in \(place.description)")
        }
        return place
    }

    private func log(id: String?, command: String, who: String, outcome: String, duration: Duration, traceId: String?) {
        guard logger.logLevel <= .info else { return }
        let micros = duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
        logger.info(
            "command",
            metadata: [
                "id": "\(id ?? "-")", "command": "\(command)", "who": "\(who)", "outcome": "\(outcome)", "durationUs": "\(micros)",
                "traceId": "\(traceId ?? "-")",
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
