import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Synchronization
import ZeroMQ

// Scenarios 1–6: the raw baseline, then the runtime in this process (the bench's own `bench`
// service and its follower on the runtime's host, the harness's StubSource as a source to follow,
// CommandClient over TCP loopback), and product.get against the real odop-catalogue process,
// each against its target.

extension BenchSession {
    // MARK: 1 raw libzmq

    func runRaw() throws {
        let s = settings
        let title = Scenario.raw.title
        report.say(
            "  REQ/REP, \(s.messageSize) B, \(s.roundTrips) timed round trips after \(s.warmupRoundTrips) warm-up; client and server on their own threads and contexts"
        )
        let raw = try rawRequestReply()
        report.add(
            Figure(
                scenario: title, name: "raw REQ/REP round trip (mean)", value: raw.mean, unit: "µs",
                baseline: ("design, libzmq local_lat", 86),
                details: ["p50": raw.p50, "p99": raw.p99, "max": raw.max, cpuPerOperationKey: rawCPU.requestReply ?? 0]))

        let bindingMeter = CPUMeter()
        let binding = LatencySummary(
            nanos: try RawBaseline.bindingRequestReplyLatency(
                roundTrips: s.roundTrips, warmup: s.warmupRoundTrips, size: s.messageSize))
        report.add(
            Figure(
                scenario: title, name: "Swift binding REQ/REP round trip (mean)", value: binding.mean, unit: "µs",
                baseline: (rawReqRepName, raw.mean),
                details: [
                    "p50": binding.p50, "p99": binding.p99, "max": binding.max,
                    cpuPerOperationKey: bindingMeter.microsPerOperation(s.roundTrips + s.warmupRoundTrips),
                ]))

        report.say("  PUSH/PULL, \(s.messageSize) B, \(s.messages) messages, timed by the receiver from the first to the last")
        let oneWay = try rawPushPull()
        report.add(
            Figure(
                scenario: title, name: "raw PUSH/PULL one way", value: oneWay, unit: "msg/s",
                baseline: ("design, libzmq local_thr", 1_570_000), details: [cpuPerOperationKey: rawCPU.pushPull ?? 0]))

        report.say("  \(s.clients) REQ threads (one client context) against one ROUTER thread that echoes, \(min(s.duration, 2)) s")
        let echo = try rawRouterEcho()
        report.add(
            Figure(
                scenario: title, name: "raw \(s.clients)×REQ → 1 ROUTER echo thread", value: echo, unit: "round trips/s",
                details: [cpuPerOperationKey: rawCPU.routerEcho ?? 0],
                note: "the ceiling for a single-threaded command server on this machine, before it does any work"))
    }

    // MARK: 2 command round trip

    func runRoundTrip() throws {
        let s = settings
        let title = Scenario.roundtrip.title
        let service = try HostedService(BenchService(), logLevel: s.serviceLogLevel, metrics: s.metrics)
        defer { service.stop() }
        let client = try CommandClient(endpoint: service.commandsEndpoint, options: .init(timeout: .seconds(5), retries: 0))
        defer { client.close() }
        _ = try client.call(BenchWrite.self, .init(payload: String(repeating: "x", count: 100), count: 1))
        let raw = try RawEchoPair(size: s.messageSize)
        defer { raw.close() }
        let blocks = 5
        let perBlock = max(1, s.roundTrips / blocks)
        report.say(
            "  one CommandClient (REQ, Lazy Pirate) on this thread; \(blocks) rounds of \(perBlock) calls per kind, interleaved with \(perBlock) raw libzmq REQ/REP round trips (\(s.messageSize) B), after \(s.warmupRoundTrips) warm-up each; service log level \(s.serviceLogLevel)"
        )

        var counter = 0
        let kinds: [(name: String, target: Target?, note: String?, call: () throws -> Void)] = [
            ("health round trip (mean)", .ratioAtMost(1.2), nil, { _ = try client.call(Health.self, NoArguments()) }),
            ("bench.read round trip (mean)", .ratioAtMost(1.2), nil, { _ = try client.call(BenchRead.self, .init(row: 1)) }),
            // The same health call with a pre-encoded request and the reply left unparsed: what
            // is left is the server's share (plus the socket).
            (
                "health, raw frames (no client JSON) (mean)", nil,
                "diagnostic: the difference from the health line is the client's encoding and parsing",
                {
                    counter += 1
                    _ = try client.exchange(Data(#"{"args":{},"command":"health","id":"bench-\#(counter)"}"#.utf8))
                }
            ),
        ]
        var rawSamples: [UInt64] = []
        var samples = Array(repeating: [UInt64](), count: kinds.count)
        // CPU seconds over each kind's timed calls (this process: the client and the service).
        var rawCPUSeconds = 0.0
        var cpuSeconds = Array(repeating: 0.0, count: kinds.count)
        var warmup: [UInt64] = []
        try raw.roundTrips(s.warmupRoundTrips, into: &warmup)
        for kind in kinds {
            for _ in 0..<s.warmupRoundTrips { try kind.call() }
        }
        for _ in 0..<blocks {
            let rawMeter = CPUMeter()
            try raw.roundTrips(perBlock, into: &rawSamples)
            rawCPUSeconds += rawMeter.elapsed()
            for (index, kind) in kinds.enumerated() {
                let meter = CPUMeter()
                for _ in 0..<perBlock {
                    let t0 = nowNanos()
                    try kind.call()
                    samples[index].append(nowNanos() - t0)
                }
                cpuSeconds[index] += meter.elapsed()
            }
        }
        let rawSummary = LatencySummary(nanos: rawSamples)
        report.add(
            Figure(
                scenario: title, name: "raw REQ/REP round trip, interleaved (mean)", value: rawSummary.mean, unit: "µs",
                details: [
                    "p50": rawSummary.p50, "p99": rawSummary.p99, "max": rawSummary.max,
                    cpuPerOperationKey: rawCPUSeconds * 1e6 / Double(max(1, rawSamples.count)),
                ]))
        for (index, kind) in kinds.enumerated() {
            let summary = LatencySummary(nanos: samples[index])
            report.add(
                Figure(
                    scenario: title, name: kind.name, value: summary.mean, unit: "µs", target: kind.target,
                    baseline: ("raw REQ/REP interleaved mean", rawSummary.mean),
                    details: [
                        "p50": summary.p50, "p99": summary.p99, "max": summary.max, "p50 ratio": summary.p50 / rawSummary.p50,
                        cpuPerOperationKey: cpuSeconds[index] * 1e6 / Double(max(1, samples[index].count)),
                    ],
                    note: kind.note))
        }
    }

    // MARK: 3 reads/s

    func runReads() throws {
        let s = settings
        let title = Scenario.reads.title
        let echo = try rawRouterEcho()
        let service = try HostedService(BenchService(), logLevel: s.serviceLogLevel, metrics: s.metrics)
        defer { service.stop() }
        let rows = 10_000
        do {
            let seeder = try CommandClient(endpoint: service.commandsEndpoint, options: .init(timeout: .seconds(30), retries: 0))
            _ = try seeder.call(BenchWrite.self, .init(payload: String(repeating: "r", count: 100), count: rows))
            seeder.close()
        }
        report.say(
            "  \(s.clients) threads, each its own CommandClient (one shared client context), bench.read of a random row of \(rows), \(s.duration) s after \(s.warmup) s warm-up"
        )
        let outcome = try load(endpoint: service.commandsEndpoint, name: "reads") { client, index in
            var random = CheapRandom(seed: UInt64(index + 1))
            return { _ = try client.call(BenchRead.self, .init(row: Int64(random.next(below: rows) + 1))) }
        }
        report.add(loadFigure(title, "bench.read reads/s (\(s.clients) clients)", outcome, target: 0.75, echo: echo))
        service.stop()

        // The same against the real odop-catalogue's product.get, after importing the real list.
        do {
            let (catalogue, ids) = try importedCatalogue()
            defer { catalogue.stop() }
            report.say(
                "  the same with product.get of a random product of \(ids.count), against an odop-catalogue process (log level \(s.serviceLogLevel)) after products.import"
            )
            let products = try load(endpoint: catalogue.commandsEndpoint, name: "product-get", alsoProcess: catalogue.processIdentifier) {
                client, index in
                var random = CheapRandom(seed: UInt64(index + 101))
                return { _ = try client.call(ProductGet.self, .init(id: ids[random.next(below: ids.count)])) }
            }
            var figure = loadFigure(title, "product.get reads/s (\(s.clients) clients)", products, target: 0.75, echo: echo)
            figure.note = [figure.note, "cpu µs/op: this process and the odop-catalogue child together"].compactMap { $0 }.joined(
                separator: "; ")
            report.add(figure)
        } catch {
            report.fail("\(title) (product.get)", error)
        }
    }

    // MARK: 4 durable writes/s

    func runWrites() throws {
        let s = settings
        let title = Scenario.writes.title
        let echo = try rawRouterEcho()
        let service = try HostedService(BenchService(), logLevel: s.serviceLogLevel, metrics: s.metrics)
        defer { service.stop() }
        report.say(
            "  \(s.clients) threads, each its own CommandClient, bench.write: one row and its event per transaction (plus the stored reply), \(s.duration) s after \(s.warmup) s warm-up"
        )
        let payload = String(repeating: "w", count: 100)
        let outcome = try load(endpoint: service.commandsEndpoint, name: "writes") { client, _ in
            { _ = try client.call(BenchWrite.self, .init(payload: payload, count: nil)) }
        }
        var figure = loadFigure(title, "bench.write writes/s (\(s.clients) clients)", outcome, target: 0.5, echo: echo)
        let check = try CommandClient(endpoint: service.commandsEndpoint, options: .init(timeout: .seconds(5), retries: 0))
        figure.details["events in log"] = Double(try check.call(Health.self, NoArguments()).lastSeq)
        // What the storage writes per acknowledged write (the WAL's frames and the checkpoints):
        // unlike the rate, it hardly moves with the host's load.
        if let written = outcome.writtenBytes, outcome.operations > 0 {
            figure.details["written bytes/op"] = (written / Double(outcome.operations)).rounded()
        }
        check.close()
        report.add(figure)
    }

    /// Runs the closed-loop load with one CommandClient per thread on a shared client context.
    func load(
        endpoint: String, name: String, curve: CurveClientKeys? = nil, alsoProcess: Int32? = nil,
        _ makeOperation: @escaping @Sendable (CommandClient, Int) -> (() throws -> Void)
    ) throws -> LoadOutcome {
        let s = settings
        let context = try ZMQContext()
        defer { context.terminate() }
        let outcome = runClosedLoop(threads: s.clients, warmup: s.warmup, duration: s.duration, name: name, alsoProcess: alsoProcess) {
            index in
            let client = try CommandClient(
                endpoint: endpoint, options: .init(timeout: .seconds(10), retries: 0, curve: curve), context: context)
            return makeOperation(client, index)
        }
        if outcome.operations == 0 {
            throw BenchFailure("no call succeeded: \(outcome.firstError ?? outcome.failedThreads.first ?? "unknown")")
        }
        return outcome
    }

    /// A closed-loop load's figure, judged as the design brief does: its rate over the raw echo's
    /// in the same run must be at least `target`.
    func loadFigure(_ title: String, _ name: String, _ outcome: LoadOutcome, target: Double, echo: Double) -> Figure {
        let latency = LatencySummary(nanos: outcome.latencies)
        var notes: [String] = []
        if outcome.errors > 0 { notes.append("\(outcome.errors) calls failed, first: \(outcome.firstError ?? "?")") }
        if !outcome.failedThreads.isEmpty { notes.append("threads that could not start: \(outcome.failedThreads.joined(separator: "; "))") }
        var details = [
            "p50 µs": latency.p50, "p99 µs": latency.p99, "calls": Double(outcome.operations),
            cpuPerOperationKey: outcome.cpuMicrosPerOperation,
        ]
        // Whole seconds only: a trend across the run (a rate that falls as the run goes on
        // points at a cost that grows with the work done).
        let whole = Int(outcome.windowSeconds)
        if whole >= 2 {
            details["1st second /s"] = Double(outcome.perSecond[0])
            details["last second /s"] = Double(outcome.perSecond[whole - 1])
        }
        return Figure(
            scenario: title, name: name, value: outcome.rate, unit: "/s", target: .ratioAtLeast(target),
            baseline: (rawEchoName, echo),
            details: details,
            note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    // MARK: 5 commit-to-applied delay

    func runDelay() throws {
        let s = settings
        let title = Scenario.delay.title
        let (source, follower, probe) = try sourceAndFollower()
        defer {
            follower.stop()
            source.stop()
        }
        report.say(
            "  \(max(1, s.pacers)) paced writers (a CommandClient each) share the rate for \(s.duration) s; the follower records, per event, its handler's time − the emit time inside the writing transaction (one monotonic clock)"
        )
        report.add(
            try measureDelay(
                title, source: source, follower: follower, probe: probe, transactionsPerSecond: s.rate, rowsPerWrite: 1,
                name: "commit-to-applied p99 at \(s.rate) writes/s"))
        // The same event rate with fewer, larger transactions: the subscriber's side of the
        // target, even where the writer cannot reach the rate one row per transaction.
        let batch = 5
        report.add(
            try measureDelay(
                title, source: source, follower: follower, probe: probe, transactionsPerSecond: max(1, s.rate / batch),
                rowsPerWrite: batch, name: "commit-to-applied p99 at \(s.rate / batch * batch) events/s (\(batch) per write)"))
    }

    /// Paced writes at `transactionsPerSecond` (each `rowsPerWrite` rows and events) for the
    /// configured duration; the follower's delay per event.
    private func measureDelay(
        _ title: String, source: HostedService, follower: HostedService, probe: ApplyProbe,
        transactionsPerSecond: Int, rowsPerWrite: Int, name: String
    ) throws -> Figure {
        let s = settings
        let pacers = max(1, s.pacers)
        let total = Int(Double(transactionsPerSecond * rowsPerWrite) * s.duration)
        probe.startRecording(capacity: total + 1024)
        let context = try ZMQContext()
        defer { context.terminate() }
        let period = UInt64(1e9 * Double(pacers) / Double(transactionsPerSecond))
        let start = nowNanos() + 200_000_000
        let end = start + nanos(seconds: s.duration)
        struct Tally {
            var writes = 0
            var lastSeq: Int64 = 0
            var late = 0
            var error: String?
        }
        let tally = Mutex(Tally())
        let payload = String(repeating: "d", count: 100)
        let endpoint = source.commandsEndpoint
        let threads = (0..<pacers).map { index in
            WorkerThread(name: "pacer-\(index)") {
                var local = Tally()
                do {
                    let client = try CommandClient(endpoint: endpoint, options: .init(timeout: .seconds(10), retries: 0), context: context)
                    defer { client.close() }
                    var scheduled = start + UInt64(index) * period / UInt64(pacers)
                    while scheduled < end {
                        if nowNanos() > scheduled + period { local.late += 1 }
                        sleep(untilNanos: scheduled)
                        let result = try client.call(BenchWrite.self, .init(payload: payload, count: rowsPerWrite))
                        local.writes += 1
                        local.lastSeq = max(local.lastSeq, result.lastSeq)
                        scheduled += period
                    }
                } catch {
                    local.error = "\(error)"
                }
                tally.withLock { t in
                    t.writes += local.writes
                    t.lastSeq = max(t.lastSeq, local.lastSeq)
                    t.late += local.late
                    if t.error == nil { t.error = local.error }
                }
            }
        }
        for thread in threads { thread.join() }
        let writtenAt = nowNanos()
        let done = tally.withLock { $0 }
        if let error = done.error { throw BenchFailure("a paced writer failed: \(error)") }
        _ = try follower.waitForCursor("bench", atLeast: done.lastSeq, timeout: 60)
        let delays = probe.stopRecording()
        let summary = LatencySummary(nanos: delays)
        let achieved = Double(done.writes) / seconds(writtenAt - start)
        var notes: [String] = []
        if achieved < Double(transactionsPerSecond) * 0.95 {
            notes.append(
                "the writers reached only \(formatNumber(achieved)) writes/s of \(transactionsPerSecond): the service's write ceiling (\(done.late) of \(done.writes) writes started a period or more late), so the delay is measured at that rate, with the writer saturated"
            )
        }
        if delays.count < done.writes * rowsPerWrite {
            notes.append("\(delays.count) of \(done.writes * rowsPerWrite) events were timed")
        }
        return Figure(
            scenario: title, name: name, value: summary.p99 / 1000, unit: "ms", target: .below(10),
            details: [
                "p50 ms": summary.p50 / 1000, "mean ms": summary.mean / 1000, "max ms": summary.max / 1000,
                "writes/s achieved": achieved, "events timed": Double(delays.count),
            ],
            note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// A fresh `bench` service and a follower that has applied a first event from the live
    /// stream (so that its subscription is connected and caught up).
    func sourceAndFollower() throws -> (HostedService, HostedService, ApplyProbe) {
        let s = settings
        let source = try HostedService(BenchService(), logLevel: s.serviceLogLevel, metrics: s.metrics)
        let probe = ApplyProbe()
        let follower: HostedService
        do {
            follower = try HostedService(
                BenchFollowerService(
                    sourceCommands: source.commandsEndpoint, sourceEvents: source.eventsEndpoint, probe: probe,
                    pageSize: s.pageSize),
                logLevel: s.serviceLogLevel, metrics: s.metrics)
        } catch {
            source.stop()
            throw error
        }
        do {
            let client = try CommandClient(endpoint: source.commandsEndpoint, options: .init(timeout: .seconds(5), retries: 0))
            defer { client.close() }
            for _ in 0..<2 {
                let seq = try client.call(BenchWrite.self, .init(payload: "warm-up", count: 1)).lastSeq
                _ = try follower.waitForCursor("bench", atLeast: seq, timeout: 15)
                usleep(200_000)
            }
        } catch {
            follower.stop()
            source.stop()
            throw error
        }
        return (source, follower, probe)
    }

    // MARK: 6 events/s applied, live and catching up

    func runEvents() throws {
        let s = settings
        let title = Scenario.events.title
        let oneWay = try rawPushPull()

        // The subscriber alone: the harness's StubSource (a real `bench` host with a real outbox)
        // commits events while the follower's handler is held, so they queue on the follower's
        // SUB socket; then the follower drains them with the writer out of the way.
        do {
            let live = try liveSubscriberAlone()
            report.add(
                Figure(
                    scenario: title, name: "live subscriber applied events/s", value: Double(live.events) / seconds(live.nanos),
                    unit: "events/s", target: .ratioAtLeast(0.15), baseline: (rawPushPullName, oneWay),
                    details: [
                        "events": Double(live.events), "seconds": seconds(live.nanos), "batch": Double(s.pageSize),
                        "stub writer events/s": Double(live.events) / seconds(max(1, live.writerNanos)),
                        cpuPerOperationKey: live.cpuSeconds * 1e6 / Double(max(1, live.events)),
                    ],
                    note: live.replayed
                        ? "the follower asked for events.replay while measured (a gap or a silence): this figure mixes live and catch-up"
                        : "from releasing the follower's handler to its cursor committed at the last seq: the follower applies the live stream queued on its socket, without the writer, and asked for no replay ('stub writer events/s': the stub's commit rate, \(Self.stubEventsPerTransaction) events per transaction)"
                ))
        }

        let (source, follower, _) = try sourceAndFollower()
        defer {
            follower.stop()
            source.stop()
        }
        let perTransaction = max(1, min(s.eventsPerTransaction, BenchWrite.maximumCount))
        let transactions = max(1, (s.events + perTransaction - 1) / perTransaction)
        report.say(
            "  end to end: one writer emits \(transactions * perTransaction) events through bench.write, \(perTransaction) per transaction, while a follower applies them"
        )
        let client = try CommandClient(endpoint: source.commandsEndpoint, options: .init(timeout: .seconds(60), retries: 0))
        defer { client.close() }
        let firstSeq = try client.call(Health.self, NoArguments()).lastSeq + 1
        let endToEndMeter = CPUMeter()
        let t0 = nowNanos()
        var lastSeq: Int64 = 0
        for _ in 0..<transactions {
            lastSeq = try client.call(BenchWrite.self, .init(payload: "event", count: perTransaction)).lastSeq
        }
        let written = nowNanos()
        let applied = try follower.waitForCursor("bench", atLeast: lastSeq, timeout: 120)
        let endToEndCPU = endToEndMeter.elapsed()
        let count = Double(lastSeq - firstSeq + 1)
        let writerRate = count / seconds(written - t0)
        report.add(
            Figure(
                scenario: title, name: "end to end: emitted and applied events/s", value: count / seconds(applied - t0), unit: "events/s",
                baseline: (rawPushPullName, oneWay),
                details: [
                    "writer events/s": writerRate, "events": count, "seconds": seconds(applied - t0),
                    cpuPerOperationKey: endToEndCPU * 1e6 / max(1, count),
                ],
                note: "information: bounded by the writer's emit path (see 'writer events/s'), not by the subscriber"))
        follower.stop()

        report.say(
            "  catch-up: a fresh follower starts when \(lastSeq) events exist and pages through events.replay (\(s.pageSize) per page, one transaction each)"
        )
        let probe = ApplyProbe()
        let catchUpMeter = CPUMeter()
        let started = nowNanos()
        let late = try HostedService(
            BenchFollowerService(
                sourceCommands: source.commandsEndpoint, sourceEvents: source.eventsEndpoint, probe: probe, pageSize: s.pageSize),
            logLevel: s.serviceLogLevel, metrics: s.metrics)
        defer { late.stop() }
        let caughtUp = try late.waitForCursor("bench", atLeast: lastSeq, timeout: 120)
        let catchUpCPU = catchUpMeter.elapsed()
        report.add(
            Figure(
                scenario: title, name: "catch-up events/s (\(lastSeq) events)", value: Double(lastSeq) / seconds(caughtUp - started),
                unit: "events/s", target: .ratioAtLeast(0.3), baseline: (rawPushPullName, oneWay),
                details: [
                    "seconds": seconds(caughtUp - started), "page": Double(s.pageSize),
                    cpuPerOperationKey: catchUpCPU * 1e6 / Double(max(1, lastSeq)),
                ],
                note:
                    "from creating the follower's ServiceHost (fresh database) to its cursor committed at the last seq; cpu µs/op: this whole process (the source serving events.replay and the follower) per event"
            ))
    }

    /// Events the stub commits per transaction in the live measurement.
    static let stubEventsPerTransaction = 5_000

    /// At most this many events are queued for the live measurement: well under what the
    /// source's PUB and the follower's SUB queues hold together (100,000 each), so that nothing
    /// is dropped and the follower sees no gap.
    static let liveQueueLimit = 100_000

    /// How long the stub may commit while the follower is held: the subscriber takes 5 s without
    /// a message from its source for a lost source and catches up through `events.replay`.
    static let liveHoldLimit = 2.5

    /// Measures a follower applying live events from a `StubSource` named `bench`. Two warm-up
    /// events (the first through catch-up, the second live) show that its subscription is
    /// connected; then its handler is held while the stub commits up to `settings.events`
    /// events (at most `liveQueueLimit`, for at most `liveHoldLimit` seconds), and released.
    /// Returns the events measured, the nanoseconds from the release to the follower's cursor
    /// at the last seq, the time the stub spent committing them, and whether the follower asked
    /// for `events.replay` meanwhile (then it did not apply them all live), and the CPU seconds
    /// this process used from the release to that moment.
    private func liveSubscriberAlone() throws -> (events: Int, nanos: UInt64, writerNanos: UInt64, replayed: Bool, cpuSeconds: Double) {
        let s = settings
        let stub = try StubSource("bench", heartbeat: .seconds(1))
        defer { stopAndRemove(stub.service) }
        let probe = ApplyProbe()
        let follower = try HostedService(
            BenchFollowerService(
                sourceCommands: stub.endpoints.commands, sourceEvents: stub.endpoints.events, probe: probe, pageSize: s.pageSize),
            logLevel: s.serviceLogLevel, metrics: s.metrics)
        defer {
            probe.hold.open()
            stub.replayGate.open()
            follower.stop()
        }
        let emitted = Int64(nowNanos())
        for _ in 0..<2 {
            let seq = try stub.publish(BenchRowWritten(row: 0, payload: "warm-up", emittedNs: emitted)).seq
            _ = try follower.waitForCursor("bench", atLeast: seq, timeout: 15)
            usleep(200_000)
        }

        let wanted = max(1, min(s.events, Self.liveQueueLimit))
        let transactions = stride(from: 0, to: wanted, by: Self.stubEventsPerTransaction).map { start in
            (start..<min(wanted, start + Self.stubEventsPerTransaction)).map {
                BenchRowWritten(row: Int64($0 + 1), payload: "event", emittedNs: emitted)
            }
        }
        // A replay asked from now on waits at the stub's gate, where it is seen (and let through).
        stub.replayGate.close()
        probe.hold.close()
        let holdStarted = nowNanos()
        var committed = stub.lastSeq
        var queued = 0
        for payloads in transactions where seconds(nowNanos() - holdStarted) < Self.liveHoldLimit {
            try stub.publish(payloads)
            committed += Int64(payloads.count)
            queued += payloads.count
        }
        let writerNanos = nowNanos() - holdStarted
        usleep(100_000)  // the publisher's last sends reach the follower's socket
        report.say(
            "  live, subscriber alone: the harness's StubSource committed \(queued) bench.row.written events (\(Self.stubEventsPerTransaction) per transaction) while the follower's handler was held; then it was released"
        )
        let meter = CPUMeter()
        let t0 = nowNanos()
        probe.hold.open()
        let deadline = t0 + nanos(seconds: 120)
        var replayed = false
        while true {
            let now = nowNanos()
            let reached = try follower.cursor("bench")
            if reached >= committed { return (queued, now - t0, writerNanos, replayed, meter.elapsed()) }
            if stub.replayGate.waiting > 0 {
                replayed = true
                stub.replayGate.open()
            }
            if now > deadline {
                throw BenchFailure("the follower applied bench events up to seq \(reached) of \(committed) within 120 s")
            }
            usleep(1000)
        }
    }
}
