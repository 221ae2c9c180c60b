import Foundation
import Logging
import ODOPClient
import ODOPMessages
import Synchronization
import ZeroMQ

/// Follows one source service's events and applies each exactly once, in order (the ZeroMQ
/// Guide's Clone pattern), from a thread of its own.
///
/// Contract:
/// - The cursor (`SubscriptionCursor`) is stored in this service's database in the same
///   transaction as the event's effects. Events at or below it are ignored.
/// - It subscribes first, then catches up (`CatchUp`) from the cursor, page by page (one
///   transaction per page, or per `transactionBudget` of work when a page takes longer, so that
///   nothing waits long on the subscriber's transaction). It catches up again on a seq gap in the live stream, on a heartbeat
///   whose `lastSeq` is ahead of it, and when the source has been silent for a while. While the
///   source is down it keeps trying with backoff (state `disconnected`, with `lastError` saying
///   why: the replay call's error, or — seen by a monitor of its SUB socket — the source's CURVE
///   handshake refusing this service's key, which also makes it `disconnected` at once).
/// - A failure of the database itself is retried with backoff for as long as it lasts and never
///   stalls (`ApplyFailure.transient`). An event the handler refuses is retried a few times; after
///   `maxAttempts` the subscription stops at that event (state `stalled`, stored with the event,
///   so it survives a restart) until an admin retries or skips it (`retry()`, `skip(seq:reason:)`),
///   which are served on the caller's thread from the stored event: they never wait for a
///   catch-up page. It never skips an event on its own.
/// - A source restored from a backup must not fool it: the source's epoch (in heartbeats, replay
///   pages and envelopes) is kept with the cursor; when it changes, or the source's lastSeq falls
///   below the cursor, the subscription stalls with that reason instead of taking the restored
///   source's new events for ones it applied already. `resync(epoch:after:)` accepts the restored
///   source; `retry()` looks again.
/// - Each event is applied with the transaction's `traceparent` set to a span continuing the
///   event's trace (when it has one), so the effects and the events derived from it carry the same
///   trace id; their `correlationId` is the applied event's id (their cause). Consecutive events
///   of one cause (the same `traceparent`, as a command's events have) applied in one transaction
///   share that span.
/// - It reads ahead while it applies (`ReadAhead`): the next catch-up page is fetched, and the
///   live messages queued meanwhile are received and parsed, on a thread of its own. What was
///   read ahead is decided on after the apply in progress, as if read then: a page only if the
///   cursor is where it was fetched from, live events through the same checks as any.
/// - The loop beats (`LoopBeat`) on each turn and each catch-up page, for `/healthz`.
/// - `run()` returns when `stop()` is called and throws when the subscriber cannot work (its
///   sockets cannot be opened): the host then stops the process rather than run without it.
final class DurableSubscriber: Sendable {
    let follow: Follow
    let endpoints: PeerEndpoints
    var source: String { follow.source }
    private let store: ServiceStore
    private let context: ZMQContext
    private let logger: Logger
    private let cursor: SubscriptionCursor
    private let shared: Mutex<Shared>
    /// Held while events are applied, by the subscriber thread or by an admin's retry or skip.
    private let applying = Mutex<Void>(())
    private let wakeup = Wakeup()
    /// Set by the host before the thread starts.
    private let beatHandle = Mutex<LoopBeat?>(nil)

    /// What other threads may read or change.
    private struct Shared {
        var lastApplied: Int64 = 0
        var sourceLastSeq: Int64?
        var state: SubscriptionState = .catchingUp
        var stalled: StalledEvent?
        /// Why the source cannot be reached (shown while `disconnected`).
        var lastError: String?
        /// The last failed CURVE handshake with the source, until one succeeds.
        var handshakeFailure: String?
        /// The source's epoch as stored with the cursor, and the latest one it reported.
        var sourceEpoch: String?
        var sourceEpochSeen: String?
        /// Set by an admin's retry or skip: the thread resets its attempts and catches up.
        var resumed = false
        var stopping = false
    }

    init(follow: Follow, endpoints: PeerEndpoints, store: ServiceStore, context: ZMQContext, logger: Logger) throws {
        self.follow = follow
        self.endpoints = endpoints
        self.store = store
        self.context = context
        var logger = logger
        logger[metadataKey: "subscription"] = "\(follow.source)"
        self.logger = logger
        cursor = SubscriptionCursor(source: follow.source)
        let stored = try store.read { try SubscriptionCursor(source: follow.source).load($0) }
        var initial = Shared(lastApplied: stored.lastApplied, sourceEpoch: stored.sourceEpoch)
        if let stalled = stored.stalled {
            initial.state = .stalled
            initial.stalled = stalled
        }
        shared = Mutex(initial)
    }

    // MARK: For other threads

    /// Where the loop reports its turns; set before `run()`.
    func setBeat(_ beat: LoopBeat) {
        beatHandle.withLock { $0 = beat }
    }

    var status: SubscriptionStatus {
        shared.withLock { s in
            SubscriptionStatus(
                source: follow.source, lastAppliedSeq: s.lastApplied, sourceLastSeq: s.sourceLastSeq,
                lag: s.sourceLastSeq.map { max(0, $0 - s.lastApplied) }, state: s.state, stalled: s.stalled,
                lastError: s.state == .disconnected ? s.lastError : nil)
        }
    }

    /// Asks the thread to stop after the page or batch in progress; `run()` then returns.
    func requestStop() {
        shared.withLock { $0.stopping = true }
        wakeup.signal()
    }

    // MARK: The subscriber thread

    /// State only the subscriber thread touches.
    private struct Loop {
        var needCatchUp = true
        var nextAttempt = ContinuousClock.now
        var connectionFailures = 0
        var transientFailures = 0
        var failingSeq: Int64?
        var attempts = 0
        var lastHeard = ContinuousClock.now
        /// Live messages read ahead while a batch was applied, decided on at the next turn.
        var liveReadAhead: [LiveMessage] = []
    }

    /// Follows the source until `requestStop()`. Throws when its sockets cannot be opened.
    func run() throws {
        let sub: ZMQSocket
        let client: CommandClient
        let handshakes: ZMQSocket
        do {
            sub = try context.socket(.sub)
            try sub.set(.linger(milliseconds: 0), .receiveHighWaterMark(100_000), .subscribe(Data("\(follow.source).".utf8)))
            if let curve = endpoints.curve { try curve.apply(to: sub) }
            let monitorAddress = "inproc://odop.subscriber.\(follow.source).\(RandomUUIDText.make())"
            try sub.monitor(monitorAddress, events: [.handshakeFailed, .handshakeSucceeded])
            handshakes = try context.socket(.pair)
            try handshakes.set(.linger(milliseconds: 0))
            try handshakes.connect(monitorAddress)
            try sub.connect(endpoints.events)
            client = try CommandClient(
                endpoint: endpoints.commands,
                options: .init(
                    timeout: follow.replayTimeout, retries: 0, curve: endpoints.curve, interruptFileDescriptor: wakeup.fileDescriptor),
                context: context)
        } catch {
            throw WorkerFailure(
                worker: "subscription to \(follow.source)",
                reason: "cannot open its sockets (\(endpoints.events), \(endpoints.commands)): \(error)")
        }
        let beatOnExit = beatHandle.withLock { $0 }
        defer {
            beatOnExit?.exited("the subscription loop ended")
            client.close()
            sub.close()
            handshakes.close()
        }
        let replay = CatchUp(client: client, pageSize: follow.replayPageSize)
        let readAhead = ReadAheads(
            pages: ReadAhead(label: "odop.subscriber.\(follow.source).pages"),
            live: ReadAhead(label: "odop.subscriber.\(follow.source).live"))
        var loop = Loop()
        var poller = Poller()
        let subIndex = poller.register(sub)
        let handshakesIndex = poller.register(handshakes)
        poller.register(fileDescriptor: wakeup.fileDescriptor)
        let clock = ContinuousClock()
        logger.info(
            "following", metadata: ["events": "\(endpoints.events)", "commands": "\(endpoints.commands)", "after": "\(lastApplied)"])

        let beat = beatHandle.withLock { $0 }
        while true {
            beat?.beat()
            // Signals after this point (a stop, an admin's retry) interrupt a replay call below.
            wakeup.drain()
            let (stopping, resumed, stalled) = shared.withLock { s in
                defer { s.resumed = false }
                return (s.stopping, s.resumed, s.state == .stalled)
            }
            if stopping { break }
            if resumed {
                loop.attempts = 0
                loop.failingSeq = nil
                loop.needCatchUp = true
                loop.nextAttempt = clock.now
            }
            if !stalled && clock.now - loop.lastHeard > .seconds(5) {
                loop.needCatchUp = true  // silence: the source may be down, or we missed its heartbeats
                loop.lastHeard = clock.now
            }
            if !stalled && loop.needCatchUp && clock.now >= loop.nextAttempt {
                catchUp(replay, readAhead.pages, handshakes: handshakes, &loop)
            }
            let wait: Duration =
                !loop.liveReadAhead.isEmpty
                ? .zero  // decide on what was read ahead at once
                : (!stalled && loop.needCatchUp) ? min(.seconds(1), max(.zero, loop.nextAttempt - clock.now)) : .seconds(1)
            do {
                try poller.poll(timeout: wait)
            } catch {
                throw WorkerFailure(worker: "subscription to \(follow.source)", reason: "poll failed: \(error)")
            }
            if !loop.liveReadAhead.isEmpty || poller.isReadable(subIndex) {
                receiveLive(from: sub, readAhead.live, &loop)
            }
            if poller.isReadable(handshakesIndex) {
                noteHandshakes(from: handshakes, &loop)
            }
        }
        logger.info("stopped", metadata: ["lastApplied": "\(lastApplied)"])
    }

    private var lastApplied: Int64 { shared.withLock { $0.lastApplied } }

    /// A message read from the SUB socket: an envelope, or what could not be read as one.
    enum LiveMessage: Sendable {
        case envelope(EventEnvelope)
        case malformed(frames: Int)
    }

    /// A catch-up page fetched ahead, with the cursor it was fetched after.
    private typealias FetchedPage = (after: Int64, page: Result<CatchUp.Page, any Error>)

    /// The read-ahead threads of the two halves of the Clone pattern.
    private struct ReadAheads {
        let pages: ReadAhead<FetchedPage>
        let live: ReadAhead<[LiveMessage]>
    }

    /// Up to `limit` messages the SUB socket has queued, each read as an envelope.
    private static func readLive(from sub: ZMQSocket, limit: Int) -> [LiveMessage] {
        var messages: [LiveMessage] = []
        var repeated = EventEnvelope.RepeatedStrings()
        for _ in 0..<limit {
            guard let frames = try? sub.receiveMultipart(dontWait: true) else { break }
            if frames.count == 2, let envelope = try? EventEnvelope.read(frames[1], reusing: &repeated) {
                messages.append(.envelope(envelope))
            } else {
                messages.append(.malformed(frames: frames.count))
            }
        }
        return messages
    }

    /// Takes what the SUB socket has queued (or what was read ahead of it, first); applies
    /// consecutive new events as one batch. While the batch is applied, the messages that arrive
    /// meanwhile are read and parsed on the read-ahead thread (`ReadAhead`); they are decided on
    /// at the loop's next turn, after that apply, as if read then.
    private func receiveLive(from sub: ZMQSocket, _ readAhead: ReadAhead<[LiveMessage]>, _ loop: inout Loop) {
        let limit = follow.replayPageSize
        let messages = loop.liveReadAhead.isEmpty ? Self.readLive(from: sub, limit: limit) : loop.liveReadAhead
        loop.liveReadAhead = []
        let batch = liveBatch(messages, &loop)
        guard !batch.isEmpty else { return }
        readAhead.start { Self.readLive(from: sub, limit: limit) }
        _ = apply(batch, &loop)
        loop.liveReadAhead = readAhead.take()
    }

    /// The consecutive new events of `messages`, noting what they tell of the source on the way.
    /// A source found restored ends the batch with nothing to apply; the messages after it are
    /// kept for the loop's next turn (then stalled: they are noted, not applied).
    private func liveBatch(_ messages: [LiveMessage], _ loop: inout Loop) -> [EventEnvelope] {
        var batch: [EventEnvelope] = []
        let (applied, stalled) = shared.withLock { ($0.lastApplied, $0.state == .stalled) }
        for (index, message) in messages.enumerated() {
            loop.lastHeard = ContinuousClock.now
            let envelope: EventEnvelope
            switch message {
            case .envelope(let read):
                envelope = read
            case .malformed(let frames):
                logger.warning("ignored a malformed message from the source", metadata: ["frames": "\(frames)"])
                continue
            }
            let expected = applied + Int64(batch.count) + 1
            if let heartbeat = envelope.heartbeat {
                // A heartbeat's lastSeq may lag the source's commits (it is taken before the
                // publisher hears of the newest): only its epoch is checked.
                guard sourceIsTheOneFollowed(epoch: heartbeat.epoch, lastSeq: nil) else {
                    loop.liveReadAhead = Array(messages[(index + 1)...])
                    return []
                }
                noteSourceLastSeq(heartbeat.lastSeq)
                if heartbeat.lastSeq >= expected { loop.needCatchUp = true }
                continue
            }
            guard let seq = envelope.seq else { continue }
            if envelope.epoch != nil, !sourceIsTheOneFollowed(epoch: envelope.epoch, lastSeq: nil) {
                loop.liveReadAhead = Array(messages[(index + 1)...])
                return []
            }
            noteSourceLastSeq(seq)
            if loop.needCatchUp || stalled { continue }  // replay will bring it
            if seq < expected { continue }  // already applied
            if seq > expected {
                logger.info("gap in the live stream; catching up", metadata: ["expected": "\(expected)", "got": "\(seq)"])
                loop.needCatchUp = true
                continue
            }
            batch.append(envelope)
        }
        return batch
    }

    /// Takes the SUB socket's handshake events. A refusal (the source's ZAP handler refused the
    /// key, or the handshake broke the protocol: another mechanism, a wrong server key) makes the
    /// subscription `disconnected` with the reason at once: it cannot hear the source, and its
    /// replay calls, made with the same key, fail the same way. A handshake cut short without
    /// detail is only kept as the reason a failing replay call shows. Either way, and on a
    /// success after a failure, the subscription catches up, which settles the state.
    private func noteHandshakes(from monitor: ZMQSocket, _ loop: inout Loop) {
        while let frames = try? monitor.receiveMultipart(dontWait: true) {
            guard let event = SocketEvent(frames: frames) else { continue }
            if event.kind == .handshakeSucceeded {
                let failedBefore = shared.withLock { s in
                    defer { s.handshakeFailure = nil }
                    return s.handshakeFailure != nil
                }
                if failedBefore { loop.needCatchUp = true }
                continue
            }
            loop.needCatchUp = true
            let refused = event.kind == .handshakeFailedAuth || event.kind == .handshakeFailedProtocol
            let reason =
                "authentication failed: the \(follow.source) service's CURVE handshake at \(event.endpoint) failed: \(event.reason)"
                + (event.kind == .handshakeFailedAuth ? " (is this service's public key in its allowlist?)" : "")
            let changed = shared.withLock { s in
                defer {
                    s.handshakeFailure = reason
                    if refused && s.state != .stalled {
                        s.state = .disconnected
                        s.lastError = reason
                    }
                }
                return s.handshakeFailure != reason
            }
            if changed { logger.error("the source refused this service's connection", metadata: ["reason": "\(reason)"]) }
        }
    }

    private func noteSourceLastSeq(_ seq: Int64) {
        shared.withLock { $0.sourceLastSeq = max($0.sourceLastSeq ?? 0, seq) }
    }

    private var interrupted: Bool { shared.withLock { $0.stopping || $0.resumed } }

    /// Pages through the source's events from the cursor until it has nothing newer. The next
    /// page is fetched ahead (`ReadAhead`) while one is applied; it is used only if the cursor is
    /// where it was fetched from once that one is applied. A failed call first takes the SUB
    /// socket's pending handshake events (`handshakes`), so a refused key is the reason shown
    /// from the first failure on, not only after the loop's next poll.
    private func catchUp(
        _ catchUp: CatchUp, _ prefetch: ReadAhead<FetchedPage>, handshakes: ZMQSocket, _ loop: inout Loop
    ) {
        // The state changes only on what a replay call shows: a source that stays down stays
        // `disconnected` across attempts.
        let beat = beatHandle.withLock { $0 }
        defer { if prefetch.inFlight { _ = prefetch.take() } }  // the client is idle when this returns
        func fetch(after cursor: Int64) {
            prefetch.start { (cursor, Result { try catchUp.page(after: cursor) }) }
        }
        while !interrupted {
            beat?.beat()
            if !prefetch.inFlight { fetch(after: lastApplied) }
            let fetched = prefetch.take()
            guard fetched.after == lastApplied else { continue }  // the cursor moved meanwhile: ask again
            let page: CatchUp.Page
            do {
                page = try fetched.page.get()
            } catch {
                if interrupted { return }  // interrupted on purpose: not a connection failure
                noteHandshakes(from: handshakes, &loop)  // arrived while the call waited
                loop.connectionFailures += 1
                let delay = Duration.milliseconds(min(5000, 250 << min(loop.connectionFailures - 1, 5)))
                loop.nextAttempt = ContinuousClock.now + delay
                shared.withLock {
                    $0.state = .disconnected
                    $0.lastError = $0.handshakeFailure ?? "events.replay at \(endpoints.commands) failed: \(error)"
                }
                if loop.connectionFailures == 1 || loop.connectionFailures % 20 == 0 {
                    logger.warning(
                        "cannot reach the source; will retry", metadata: ["error": "\(error)", "retryInMs": "\(delay.milliseconds)"])
                }
                return
            }
            if loop.connectionFailures > 0 {
                logger.info("source reachable again")
                loop.connectionFailures = 0
            }
            shared.withLock { $0.lastError = nil }
            switch page {
            case .caughtUp(let lastSeq, let epoch):
                guard sourceIsTheOneFollowed(epoch: epoch, lastSeq: lastSeq) else { return }
                noteSourceLastSeq(lastSeq)
                loop.needCatchUp = false
                shared.withLock { if $0.state != .stalled { $0.state = .running } }
                return
            case .outOfOrder(let first):
                logger.error(
                    "the source replayed events out of order; will ask again",
                    metadata: ["after": "\(lastApplied)", "first": "\(first ?? -1)"])
                loop.nextAttempt = ContinuousClock.now + .seconds(1)
                return
            case .events(let events, let lastSeq, let epoch):
                guard sourceIsTheOneFollowed(epoch: epoch, lastSeq: lastSeq) else { return }
                noteSourceLastSeq(lastSeq)
                shared.withLock { if $0.state != .stalled { $0.state = .catchingUp } }
                // The page continues the cursor without gaps (`CatchUp`): its last seq is where
                // the cursor will be once it is applied.
                if let next = events.last?.seq { fetch(after: next) }
                guard apply(events, &loop) else { return }
                // A page that reaches the source's last seq leaves nothing to fetch: `running`
                // now, not after one more replay call (a health read in between would see
                // every event applied and the state still `catchingUp`).
                shared.withLock {
                    if $0.state == .catchingUp, let last = $0.sourceLastSeq, $0.lastApplied >= last { $0.state = .running }
                }
            }
        }
    }

    // MARK: A restored source

    /// Whether the source is still the one followed: the first epoch heard is kept with the
    /// cursor; a different one, or a `lastSeq` below the cursor, stalls the subscription (and
    /// answers false). A source without epochs (an older release) is checked by `lastSeq` only.
    /// `lastSeq` must be one read with the source's committed events (a replay page's), never a
    /// heartbeat's, which may lag behind events the follower has applied already.
    private func sourceIsTheOneFollowed(epoch: String?, lastSeq: Int64?) -> Bool {
        let (known, applied, stalled) = shared.withLock { s in
            if let epoch { s.sourceEpochSeen = epoch }
            return (s.sourceEpoch, s.lastApplied, s.state == .stalled)
        }
        if stalled { return true }  // stalled already: nothing is applied until an admin acts
        if let epoch {
            if known == nil {
                do {
                    try store.write { try cursor.adopt(epoch: epoch, $0.db) }
                    shared.withLock { $0.sourceEpoch = epoch }
                } catch {
                    logger.warning("cannot record the source's epoch; will try again", metadata: ["error": "\(error)"])
                }
            } else if let known, known != epoch {
                stallOnRestore(
                    "the \(follow.source) service's epoch changed from \(known) to \(epoch): it was restored from a backup or replaced, and its new events may reuse seqs this follower applied already. Rebuild this follower, or accept the restored source with subscriptions.resync"
                )
                return false
            }
        }
        if let lastSeq, lastSeq < applied {
            stallOnRestore(
                "the \(follow.source) service's last seq is \(lastSeq), below this follower's cursor \(applied): it was restored from a backup or lost events. Rebuild this follower, or accept the restored source with subscriptions.resync"
            )
            return false
        }
        return true
    }

    private func stallOnRestore(_ reason: String) {
        applying.withLock { _ in
            let stalled = StalledEvent(
                seq: lastApplied + 1, type: "\(follow.source).restored", error: reason, attempts: 0, since: RFC3339.string(from: Date()))
            do {
                try store.write { transaction in
                    try cursor.stall(at: stalled, envelope: nil, lastApplied: lastApplied, transaction.db)
                }
            } catch {
                logger.error("cannot record the stall", metadata: ["error": "\(error)"])
            }
            shared.withLock {
                $0.state = .stalled
                $0.stalled = stalled
            }
            logger.error("subscription stalled: the source is not the one followed", metadata: ["reason": "\(reason)"])
        }
    }

    /// Accepts the restored source: its epoch as it reports it now (`epoch` must match, so the
    /// admin confirms what was seen) and the cursor moved to `after` (at most the source's lastSeq).
    func resync(epoch: String, after: Int64) throws(CommandError) -> SubscriptionStatus {
        try applying.withLock { _ throws(CommandError) -> SubscriptionStatus in
            let seen = shared.withLock { $0.sourceEpochSeen }
            guard seen == epoch else {
                throw .conflict("the \(follow.source) service reports epoch \(seen ?? "(none heard yet)"), not \(epoch)", field: "epoch")
            }
            do {
                try store.write { try cursor.resync(epoch: epoch, after: after, $0.db) }
            } catch {
                throw .unavailable("cannot record the resync: \(error); try again")
            }
            logger.warning("resynced with a restored source at an admin's request", metadata: ["epoch": "\(epoch)", "after": "\(after)"])
            shared.withLock {
                $0.sourceEpoch = epoch
                $0.lastApplied = after
                $0.sourceLastSeq = nil
            }
            resume()
            return status
        }
    }

    // MARK: Applying

    /// How long one apply transaction may run before it commits what it has applied (with the
    /// cursor) and the next one starts: an admin's retry, skip or resync, and the service's own
    /// commands that write, wait on the subscriber's transaction no longer than about this, even
    /// on a slow machine or a long catch-up page.
    static let transactionBudget: Duration = .milliseconds(200)

    /// Applies events (consecutive, starting at lastApplied + 1) in transactions of at most about
    /// `transactionBudget` each; when one fails, one by one up to the failing event. Returns
    /// whether all were applied. Between two transactions it stops (answering false, the rest
    /// left to a catch-up) when asked to stop or when an admin's resync moved the cursor.
    private func apply(_ events: [EventEnvelope], _ loop: inout Loop) -> Bool {
        var rest = events[...]
        while let first = rest.first {
            let outcome: TransactionOutcome = applying.withLock { _ in
                guard first.seq == lastApplied + 1 || rest.startIndex == events.startIndex else { return .cursorMoved }
                do {
                    return .applied(try applyInTransaction(rest))
                } catch {
                    return .failed(ApplyFailure(error))
                }
            }
            switch outcome {
            case .cursorMoved:
                loop.needCatchUp = true  // an admin's resync: fetch from where the cursor is now
                return false
            case .applied(let applied):
                rest = rest.dropFirst(applied)
                loop.failingSeq = nil
                loop.attempts = 0
                loop.transientFailures = 0
                if !rest.isEmpty && interrupted {
                    loop.needCatchUp = true
                    return false
                }
            case .failed(let failure):
                return handle(failure, applying: Array(rest), &loop)
            }
        }
        return true
    }

    private enum TransactionOutcome {
        case applied(Int)
        case failed(ApplyFailure)
        case cursorMoved
    }

    /// What follows a failed transaction over `events`: one by one when the handler refused one
    /// of several, else a retry later (the database failed) or the refusal counted (and at
    /// `maxAttempts`, the stall).
    private func handle(_ failure: ApplyFailure, applying events: [EventEnvelope], _ loop: inout Loop) -> Bool {
        if events.count > 1, case .refused = failure {
            for event in events {
                guard apply([event], &loop) else { return false }
            }
            return true
        }
        switch failure {
        case .transient(let message):
            loop.transientFailures += 1
            loop.needCatchUp = true
            let delay = Duration.milliseconds(min(5000, 100 << min(loop.transientFailures - 1, 6)))
            loop.nextAttempt = ContinuousClock.now + delay
            if loop.transientFailures == 1 || loop.transientFailures % 20 == 0 {
                logger.warning(
                    "the database failed; will retry",
                    metadata: [
                        "seq": "\(events[0].seq ?? 0)", "failures": "\(loop.transientFailures)", "error": "\(message)",
                    ])
            }
        case .refused(let message):
            recordRefusal(of: events[0], message: message, &loop)
        }
        return false
    }

    /// Applies events from the first of `events` and advances the cursor in one transaction, until
    /// all are applied or `transactionBudget` has passed (at least one is). Returns how many it
    /// applied. The caller holds `applying`.
    private func applyInTransaction(_ events: ArraySlice<EventEnvelope>) throws -> Int {
        let clock = ContinuousClock()
        let started = clock.now
        let (applied, last) = try store.write { transaction -> (Int, Int64?) in
            var applied = 0
            var last: Int64?
            var span: (cause: String, traceparent: String)?
            for event in events {
                transaction.correlationId = event.id
                if let cause = event.traceparent {
                    if span?.cause != cause { span = (cause, RuntimeTracer.childTraceparent(continuing: cause)) }
                    transaction.traceparent = span?.traceparent
                } else {
                    transaction.traceparent = nil
                }
                try follow.handler.apply(event, in: transaction)
                applied += 1
                last = event.seq ?? last
                if clock.now - started >= Self.transactionBudget { break }
            }
            if let last { try cursor.advance(to: last, transaction.db) }
            return (applied, last)
        }
        if let last {
            shared.withLock {
                $0.lastApplied = last
                $0.stalled = nil
                if $0.state == .stalled { $0.state = .catchingUp }
            }
        }
        return applied
    }

    private func recordRefusal(of event: EventEnvelope, message: String, _ loop: inout Loop) {
        let seq = event.seq ?? 0
        if loop.failingSeq != seq {
            loop.failingSeq = seq
            loop.attempts = 0
        }
        loop.attempts += 1
        loop.needCatchUp = true
        if loop.attempts < follow.maxAttempts {
            let delay = Duration.milliseconds(min(5000, 100 << (loop.attempts - 1)))
            loop.nextAttempt = ContinuousClock.now + delay
            logger.warning(
                "event refused; will retry",
                metadata: [
                    "seq": "\(seq)", "type": "\(event.type)", "attempt": "\(loop.attempts)", "error": "\(message)",
                    "traceId": "\(event.traceId ?? "-")",
                ])
            return
        }
        let stalled = StalledEvent(seq: seq, type: event.type, error: message, attempts: loop.attempts, since: RFC3339.string(from: Date()))
        stall(at: stalled, envelope: event)
    }

    /// Stores and shows the stall. The caller holds `applying` or is the subscriber thread.
    private func stall(at stalled: StalledEvent, envelope: EventEnvelope) {
        do {
            let bytes = try? WireFormat.encode(envelope)
            try store.write { transaction in
                try cursor.stall(at: stalled, envelope: bytes, lastApplied: lastApplied, transaction.db)
            }
        } catch {
            logger.error("cannot record the stall", metadata: ["error": "\(error)"])
        }
        shared.withLock {
            $0.state = .stalled
            $0.stalled = stalled
        }
        logger.error(
            "subscription stalled: an admin must retry or skip the event",
            metadata: [
                "seq": "\(stalled.seq)", "type": "\(stalled.type)", "attempts": "\(stalled.attempts)", "error": "\(stalled.error)",
                "traceId": "\(envelope.traceId ?? "-")",
            ])
    }

    // MARK: Admin requests (served on the caller's thread)

    /// Tries the stalled event once more, now, from the stored event. The reply shows the state
    /// after that one event: resumed (the thread then catches up from there), or stalled again
    /// with the new error.
    func retry() throws(CommandError) -> SubscriptionStatus {
        try applying.withLock { _ throws(CommandError) -> SubscriptionStatus in
            guard let stalled = shared.withLock({ $0.stalled }) else {
                throw .conflict("the \(follow.source) subscription is not stalled")
            }
            logger.notice("retrying the stalled event at an admin's request", metadata: ["seq": "\(stalled.seq)"])
            let stored: Data?
            do {
                stored = try store.read { try cursor.load($0) }.stalledEnvelope
            } catch {
                throw .unavailable("cannot read the stalled event: \(error); try again")
            }
            guard let stored, let envelope = try? WireFormat.decode(EventEnvelope.self, from: stored) else {
                // Stalled by a release that did not keep the event: fetch it again by catching up.
                do {
                    try store.write { try cursor.clearStall($0.db) }
                } catch {
                    throw .unavailable("cannot clear the stall: \(error); try again")
                }
                resume()
                return status
            }
            do {
                _ = try applyInTransaction([envelope][...])
            } catch {
                switch ApplyFailure(error) {
                case .transient(let message):
                    throw .unavailable("the database failed while retrying seq \(stalled.seq): \(message); try again")
                case .refused(let message):
                    var again = stalled
                    again.error = message
                    again.attempts += 1
                    stall(at: again, envelope: envelope)
                    return status
                }
            }
            resume()
            return status
        }
    }

    /// Marks the stalled event `seq` as skipped with `reason` and resumes after it.
    func skip(seq: Int64, reason: String) throws(CommandError) -> SubscriptionStatus {
        try applying.withLock { _ throws(CommandError) -> SubscriptionStatus in
            guard let stalled = shared.withLock({ $0.stalled }) else {
                throw .conflict("the \(follow.source) subscription is not stalled; only the event it stalled on can be skipped")
            }
            guard stalled.seq == seq else {
                throw .conflict("the \(follow.source) subscription is stalled at seq \(stalled.seq), not \(seq)", field: "seq")
            }
            do {
                try store.write { try cursor.skip(stalled, reason: reason, $0.db) }
            } catch {
                throw .unavailable("cannot record the skip: \(error); try again")
            }
            logger.warning(
                "skipped an event at an admin's request",
                metadata: [
                    "seq": "\(seq)", "type": "\(stalled.type)", "reason": "\(reason)", "error": "\(stalled.error)",
                ])
            shared.withLock { $0.lastApplied = seq }
            resume()
            return status
        }
    }

    /// Clears the stall and wakes the thread: `running` when the source has nothing newer than
    /// the cursor, else `catchingUp` (the thread fetches the rest).
    private func resume() {
        shared.withLock {
            $0.stalled = nil
            $0.state = ($0.sourceLastSeq ?? Int64.max) <= $0.lastApplied ? .running : .catchingUp
            $0.resumed = true
        }
        wakeup.signal()
    }
}

extension Duration {
    /// Whole milliseconds, for log lines.
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
