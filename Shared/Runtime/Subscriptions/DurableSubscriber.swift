import Foundation
import GRDB
import Logging
import ODOPClient
import ODOPMessages
import Synchronization
import ZeroMQ

/// Follows one source service's events and applies each exactly once, in order (the ZeroMQ
/// Guide's Clone pattern), from a thread of its own.
///
/// Contract:
/// - The cursor (last seq applied) is stored in this service's database in the same transaction
///   as the event's effects. Events at or below it are ignored.
/// - It subscribes first, then catches up through the source's `events.replay` from the cursor,
///   page by page (one transaction per page). It catches up again on a seq gap in the live
///   stream, on a heartbeat whose `lastSeq` is ahead of it, and when the source has been silent
///   for a while. While the source is down it keeps trying with backoff (state `disconnected`).
/// - An event the handler cannot apply is retried with backoff; after `maxAttempts` failures the
///   subscription stops at that event (state `stalled`, stored, so it survives a restart) until
///   an admin retries it or skips it with a reason, which is logged and kept. It never skips an
///   event on its own.
final class DurableSubscriber: Sendable {
    let definition: SubscriptionDefinition
    private let store: ServiceStore
    private let context: ZMQContext
    private let logger: Logger
    private let shared: Mutex<Shared>
    private let wakeup = Wakeup()
    private let finished = DispatchSemaphore(value: 0)

    /// What other threads may read or ask for.
    private struct Shared {
        var lastApplied: Int64 = 0
        var sourceLastSeq: Int64?
        var state: SubscriptionState = .catchingUp
        var stalled: StalledEvent?
        var inbox: [AdminRequest] = []
        var stopping = false
    }

    /// An admin command waiting for the subscriber thread.
    private final class AdminRequest: @unchecked Sendable {
        enum Action { case retry, skip(seq: Int64, reason: String) }
        let action: Action
        var result: Result<SubscriptionStatus, CommandError> = .failure(.unavailable("the subscription did not answer"))
        let done = DispatchSemaphore(value: 0)
        init(_ action: Action) { self.action = action }
    }

    init(definition: SubscriptionDefinition, store: ServiceStore, context: ZMQContext, logger: Logger) throws {
        self.definition = definition
        self.store = store
        self.context = context
        var logger = logger
        logger[metadataKey: "subscription"] = "\(definition.source)"
        self.logger = logger
        var initial = Shared()
        try store.read { db in
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM subscription_cursors WHERE source = ?", arguments: [definition.source]) {
                initial.lastApplied = row["last_seq"]
                if let seq: Int64 = row["stalled_seq"] {
                    initial.state = .stalled
                    initial.stalled = StalledEvent(
                        seq: seq, type: row["stalled_type"] ?? "", error: row["stalled_error"] ?? "",
                        attempts: row["stalled_attempts"] ?? 0, since: row["stalled_since"] ?? "")
                }
            }
        }
        shared = Mutex(initial)
    }

    // MARK: For other threads

    var status: SubscriptionStatus {
        shared.withLock { s in
            SubscriptionStatus(
                source: definition.source, lastAppliedSeq: s.lastApplied, sourceLastSeq: s.sourceLastSeq,
                lag: s.sourceLastSeq.map { max(0, $0 - s.lastApplied) }, state: s.state, stalled: s.stalled)
        }
    }

    /// Resumes a stalled subscription at the event it stalled on.
    func retry() throws(CommandError) -> SubscriptionStatus { try ask(.retry) }

    /// Marks the stalled event `seq` as skipped with `reason` and resumes after it.
    func skip(seq: Int64, reason: String) throws(CommandError) -> SubscriptionStatus { try ask(.skip(seq: seq, reason: reason)) }

    private func ask(_ action: AdminRequest.Action) throws(CommandError) -> SubscriptionStatus {
        let request = AdminRequest(action)
        shared.withLock { $0.inbox.append(request) }
        wakeup.signal()
        guard request.done.wait(timeout: .now() + 15) == .success else {
            throw .unavailable("the \(definition.source) subscription is busy; try again")
        }
        return try request.result.get()
    }

    func start(serviceName: String) {
        let thread = Thread { [self] in run() }
        thread.name = "\(serviceName)-follows-\(definition.source)"
        thread.start()
    }

    /// Stops after the page or batch in progress and returns once the thread has ended.
    func stop() {
        shared.withLock { $0.stopping = true }
        wakeup.signal()
        finished.wait()
    }

    // MARK: The subscriber thread

    /// State only the subscriber thread touches.
    private struct Loop {
        var lastApplied: Int64
        var needCatchUp = true
        var nextAttempt = ContinuousClock.now
        var connectionFailures = 0
        var failingSeq: Int64?
        var attempts = 0
        var lastHeard = ContinuousClock.now
    }

    private func run() {
        defer { finished.signal() }
        let sub: ZMQSocket
        let client: CommandClient
        do {
            sub = try context.socket(.sub)
            try sub.set(.linger(milliseconds: 0), .receiveHighWaterMark(100_000),
                        .subscribe(Data("\(definition.source).".utf8)))
            if let curve = definition.curve { try curve.apply(to: sub) }
            try sub.connect(definition.eventsEndpoint)
            client = try CommandClient(
                endpoint: definition.commandsEndpoint,
                options: .init(timeout: definition.replayTimeout, retries: 0, curve: definition.curve,
                               interruptFileDescriptor: wakeup.fileDescriptor), context: context)
        } catch {
            logger.critical("cannot open the subscription sockets", metadata: ["error": "\(error)"])
            return
        }
        defer {
            client.close()
            sub.close()
        }
        var loop = Loop(lastApplied: shared.withLock { $0.lastApplied })
        var poller = Poller()
        let subIndex = poller.register(sub)
        poller.register(fileDescriptor: wakeup.fileDescriptor)
        let clock = ContinuousClock()
        logger.info("following", metadata: ["events": "\(definition.eventsEndpoint)", "commands": "\(definition.commandsEndpoint)", "after": "\(loop.lastApplied)"])

        while !shared.withLock({ $0.stopping }) {
            // Signals after this point (a stop, an admin request) interrupt a replay call below.
            wakeup.drain()
            serveAdminRequests(&loop)
            let stalled = shared.withLock { $0.state == .stalled }
            if !stalled && clock.now - loop.lastHeard > .seconds(5) {
                loop.needCatchUp = true  // silence: the source may be down, or we missed its heartbeats
                loop.lastHeard = clock.now
            }
            if !stalled && loop.needCatchUp && clock.now >= loop.nextAttempt {
                catchUp(&loop, client: client)
            }
            let wait: Duration = (!stalled && loop.needCatchUp) ? min(.seconds(1), max(.zero, loop.nextAttempt - clock.now)) : .seconds(1)
            _ = try? poller.poll(timeout: wait)
            wakeup.drain()
            if poller.isReadable(subIndex) {
                receiveLive(from: sub, &loop)
            }
        }
        logger.info("stopped", metadata: ["lastApplied": "\(loop.lastApplied)"])
    }

    /// Takes what the SUB socket has queued; applies consecutive new events as one batch.
    private func receiveLive(from sub: ZMQSocket, _ loop: inout Loop) {
        var batch: [EventEnvelope] = []
        for _ in 0..<definition.replayPageSize {
            guard let frames = try? sub.receiveMultipart(dontWait: true) else { break }
            loop.lastHeard = ContinuousClock.now
            guard frames.count == 2, let envelope = try? WireFormat.decode(EventEnvelope.self, from: frames[1]) else {
                logger.warning("ignored a malformed message from the source", metadata: ["frames": "\(frames.count)"])
                continue
            }
            let expected = loop.lastApplied + Int64(batch.count) + 1
            if let heartbeat = envelope.heartbeat {
                noteSourceLastSeq(heartbeat.lastSeq)
                if heartbeat.lastSeq >= expected { loop.needCatchUp = true }
                continue
            }
            guard let seq = envelope.seq else { continue }
            noteSourceLastSeq(seq)
            if loop.needCatchUp || shared.withLock({ $0.state == .stalled }) { continue }  // replay will bring it
            if seq < expected { continue }  // already applied
            if seq > expected {
                logger.info("gap in the live stream; catching up", metadata: ["expected": "\(expected)", "got": "\(seq)"])
                loop.needCatchUp = true
                continue
            }
            batch.append(envelope)
        }
        if !batch.isEmpty { _ = apply(batch, &loop) }
    }

    private func noteSourceLastSeq(_ seq: Int64) {
        shared.withLock { $0.sourceLastSeq = max($0.sourceLastSeq ?? 0, seq) }
    }

    /// Pages through `events.replay` from the cursor until the source has nothing newer.
    private func catchUp(_ loop: inout Loop, client: CommandClient) {
        // The state changes only on what a replay call shows: a source that stays down stays
        // `disconnected` across attempts.
        while !shared.withLock({ $0.stopping || !$0.inbox.isEmpty }) {
            let page: EventsReplay.Result
            do {
                page = try client.call(EventsReplay.self, .init(after: loop.lastApplied, limit: definition.replayPageSize))
            } catch {
                if shared.withLock({ $0.stopping || !$0.inbox.isEmpty }) {
                    return  // interrupted on purpose: not a connection failure
                }
                loop.connectionFailures += 1
                let delay = Duration.milliseconds(min(5000, 250 << min(loop.connectionFailures - 1, 5)))
                loop.nextAttempt = ContinuousClock.now + delay
                shared.withLock { $0.state = .disconnected }
                if loop.connectionFailures == 1 || loop.connectionFailures % 20 == 0 {
                    logger.warning("cannot reach the source; will retry", metadata: ["error": "\(error)", "retryInMs": "\(delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000)"])
                }
                return
            }
            if loop.connectionFailures > 0 {
                logger.info("source reachable again")
                loop.connectionFailures = 0
            }
            noteSourceLastSeq(page.lastSeq)
            if !page.events.isEmpty {
                shared.withLock { if $0.state != .stalled { $0.state = .catchingUp } }
            }
            guard let first = page.events.first else {
                loop.needCatchUp = false
                shared.withLock { if $0.state != .stalled { $0.state = .running } }
                return
            }
            guard first.seq == loop.lastApplied + 1,
                  zip(page.events, page.events.dropFirst()).allSatisfy({ ($0.seq ?? 0) + 1 == $1.seq }) else {
                logger.error("the source replayed events out of order; will ask again", metadata: ["after": "\(loop.lastApplied)", "first": "\(first.seq ?? -1)"])
                loop.nextAttempt = ContinuousClock.now + .seconds(1)
                return
            }
            guard apply(page.events, &loop) else { return }
        }
    }

    // MARK: Applying

    /// Applies events (consecutive, starting at lastApplied + 1) in one transaction; when that
    /// fails, one by one up to the failing event. Returns whether all were applied.
    private func apply(_ events: [EventEnvelope], _ loop: inout Loop) -> Bool {
        do {
            try applyInTransaction(events, &loop)
            return true
        } catch {
            if events.count > 1 {
                for event in events {
                    guard apply([event], &loop) else { return false }
                }
                return true
            }
            recordFailure(of: events[0], error: error, &loop)
            return false
        }
    }

    private func applyInTransaction(_ events: [EventEnvelope], _ loop: inout Loop) throws {
        guard let last = events.last?.seq else { return }
        try store.write { transaction in
            for event in events {
                transaction.correlationId = event.id
                try definition.handler.apply(event, in: transaction)
            }
            try transaction.db.execute(sql: """
                INSERT INTO subscription_cursors (source, last_seq) VALUES (?, ?)
                ON CONFLICT(source) DO UPDATE SET last_seq = excluded.last_seq,
                    stalled_seq = NULL, stalled_type = NULL, stalled_error = NULL, stalled_attempts = NULL, stalled_since = NULL
                """, arguments: [definition.source, last])
        }
        loop.lastApplied = last
        loop.failingSeq = nil
        loop.attempts = 0
        shared.withLock { $0.lastApplied = last }
    }

    private func recordFailure(of event: EventEnvelope, error: any Error, _ loop: inout Loop) {
        let seq = event.seq ?? 0
        if loop.failingSeq != seq {
            loop.failingSeq = seq
            loop.attempts = 0
        }
        loop.attempts += 1
        loop.needCatchUp = true
        let message = String(describing: error)
        if loop.attempts < definition.maxAttempts {
            let delay = Duration.milliseconds(min(5000, 100 << (loop.attempts - 1)))
            loop.nextAttempt = ContinuousClock.now + delay
            logger.warning("event failed; will retry", metadata: [
                "seq": "\(seq)", "type": "\(event.type)", "attempt": "\(loop.attempts)", "error": "\(message)",
            ])
            return
        }
        let stalled = StalledEvent(seq: seq, type: event.type, error: message, attempts: loop.attempts, since: RFC3339.string(from: Date()))
        do {
            try store.write { transaction in
                try transaction.db.execute(sql: """
                    INSERT INTO subscription_cursors (source, last_seq, stalled_seq, stalled_type, stalled_error, stalled_attempts, stalled_since)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(source) DO UPDATE SET stalled_seq = excluded.stalled_seq, stalled_type = excluded.stalled_type,
                        stalled_error = excluded.stalled_error, stalled_attempts = excluded.stalled_attempts,
                        stalled_since = excluded.stalled_since
                    """, arguments: [definition.source, loop.lastApplied, seq, event.type, message, loop.attempts, stalled.since])
            }
        } catch {
            logger.error("cannot record the stall", metadata: ["error": "\(error)"])
        }
        shared.withLock {
            $0.state = .stalled
            $0.stalled = stalled
        }
        logger.error("subscription stalled: an admin must retry or skip the event", metadata: [
            "seq": "\(seq)", "type": "\(event.type)", "attempts": "\(loop.attempts)", "error": "\(message)",
        ])
    }

    // MARK: Admin requests

    private func serveAdminRequests(_ loop: inout Loop) {
        let requests = shared.withLock { s in
            let pending = s.inbox
            s.inbox.removeAll()
            return pending
        }
        for request in requests {
            do throws(CommandError) {
                switch request.action {
                case .retry: try resume(&loop)
                case .skip(let seq, let reason): try skip(seq: seq, reason: reason, &loop)
                }
                request.result = .success(status)
            } catch {
                request.result = .failure(error)
            }
            request.done.signal()
        }
    }

    private func resume(_ loop: inout Loop) throws(CommandError) {
        guard let stalled = shared.withLock({ $0.stalled }) else {
            throw .conflict("the \(definition.source) subscription is not stalled")
        }
        do {
            try store.write { transaction in
                try transaction.db.execute(sql: """
                    UPDATE subscription_cursors SET stalled_seq = NULL, stalled_type = NULL, stalled_error = NULL,
                        stalled_attempts = NULL, stalled_since = NULL WHERE source = ?
                    """, arguments: [definition.source])
            }
        } catch {
            throw .internalError("cannot clear the stall: \(error)")
        }
        logger.notice("retrying the stalled event at an admin's request", metadata: ["seq": "\(stalled.seq)"])
        loop.attempts = 0
        loop.failingSeq = nil
        loop.needCatchUp = true
        loop.nextAttempt = ContinuousClock.now
        shared.withLock {
            $0.stalled = nil
            $0.state = .catchingUp
        }
    }

    private func skip(seq: Int64, reason: String, _ loop: inout Loop) throws(CommandError) {
        guard let stalled = shared.withLock({ $0.stalled }) else {
            throw .conflict("the \(definition.source) subscription is not stalled; only the event it stalled on can be skipped")
        }
        guard stalled.seq == seq else {
            throw .conflict("the \(definition.source) subscription is stalled at seq \(stalled.seq), not \(seq)", field: "seq")
        }
        do {
            try store.write { transaction in
                try transaction.db.execute(
                    sql: "INSERT OR REPLACE INTO subscription_skips (source, seq, type, reason, error, time) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [definition.source, seq, stalled.type, reason, stalled.error, RFC3339.string(from: Date())])
                try transaction.db.execute(sql: """
                    UPDATE subscription_cursors SET last_seq = ?, stalled_seq = NULL, stalled_type = NULL, stalled_error = NULL,
                        stalled_attempts = NULL, stalled_since = NULL WHERE source = ?
                    """, arguments: [seq, definition.source])
            }
        } catch {
            throw .internalError("cannot record the skip: \(error)")
        }
        logger.warning("skipped an event at an admin's request", metadata: [
            "seq": "\(seq)", "type": "\(stalled.type)", "reason": "\(reason)", "error": "\(stalled.error)",
        ])
        loop.lastApplied = seq
        loop.attempts = 0
        loop.failingSeq = nil
        loop.needCatchUp = true
        loop.nextAttempt = ContinuousClock.now
        shared.withLock {
            $0.lastApplied = seq
            $0.stalled = nil
            $0.state = .catchingUp
        }
    }
}
