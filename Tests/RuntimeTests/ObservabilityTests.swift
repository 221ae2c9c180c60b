import Foundation
import GRDB
import Logging
import ODOPClient
import ODOPMessages
import ODOPTesting
import Synchronization
import Testing

@testable import ODOPRuntime

// The runtime's ops endpoint, metrics and trace context, on in-process services over real
// sockets: what /healthz, /readyz and /metrics say while loops are held, followers lag or stall.

/// Follows the ledger and emits one `echo.entry.seen` per entry: a subscriber that derives events.
struct EchoService: ServiceDefinition {
    let name = "echo"
    let version = "test"
    var refuse: String? = nil
    var migrations: [ServiceMigration] { [] }
    var follows: [Follow] { [Follow("ledger", handler: EchoHandler(refuse: refuse), maxAttempts: 1, replayPageSize: 100)] }
    func registerCommands(in registry: inout CommandRegistry) {}
}

struct EntrySeen: EventPayload, Equatable {
    static let eventType = "echo.entry.seen"
    static let schemaVersion = 1
    var text: String
}

struct EchoHandler: EventHandler {
    let refuse: String?
    func apply(_ event: EventEnvelope, in transaction: ServiceTransaction) throws {
        let entry = try event.decodeData(EntryAppended.self)
        if entry.text == refuse { throw PoisonRefused(text: entry.text) }
        try transaction.emit(EntrySeen(text: entry.text))
    }
}

func get(_ url: String) async throws -> OpsHTTPClient.Response {
    try await OpsHTTP.get(url)
}

@Suite("observability: ops endpoint, metrics, trace context", .timeLimit(.minutes(2)))
struct ObservabilityTests {
    @Test("N commands add exactly N to odop_commands_total, and the latency histogram counts them")
    func commandCounter() async throws {
        let ledger = try InProcessService(LedgerService(), http: true)
        defer { Task { await ledger.stop() } }
        let url = try #require(await ledger.opsURL)
        let series = #"odop_commands_total{command="ledger.append",outcome="ok"}"#
        let before = sample(try await get(url + "/metrics").body, series) ?? 0
        let client = try ledger.makeClient()
        for index in 0..<25 {
            _ = try client.call(LedgerAppend.self, .init(texts: ["t\(index)"]))
        }
        let metrics = try await get(url + "/metrics").body
        #expect(sample(metrics, series) == before + 25)
        #expect(sample(metrics, #"odop_command_duration_seconds_count{command="ledger.append"}"#) == before + 25)
        #expect(sample(metrics, "odop_events_appended_total") == 25)
        #expect(sample(metrics, "odop_last_seq") == 25)
        try await eventuallyAsync("published") { sample(try await get(url + "/metrics").body, "odop_events_published_total") == 25 }
    }

    @Test("one command's outcomes are series of their own, and its latency histogram counts them all")
    func outcomesShareTheHistogram() async throws {
        let ledger = try InProcessService(LedgerService(), http: true)
        defer { Task { await ledger.stop() } }
        let url = try #require(await ledger.opsURL)
        let client = try ledger.makeClient()
        for index in 0..<3 {
            _ = try client.call(LedgerAppend.self, .init(texts: ["t\(index)"]))
        }
        for _ in 0..<2 {
            #expect(throws: CommandError.self) { try client.call("ledger.append", args: ["texts": "not a list"]) }
        }
        let metrics = try await get(url + "/metrics").body
        #expect(sample(metrics, #"odop_commands_total{command="ledger.append",outcome="ok"}"#) == 3)
        #expect(sample(metrics, #"odop_commands_total{command="ledger.append",outcome="invalid_argument"}"#) == 2)
        #expect(sample(metrics, #"odop_command_duration_seconds_count{command="ledger.append"}"#) == 5)
    }

    @Test("1,000 unknown command names add no new series: they are all command=\"unknown\"")
    func unknownCommandsAreOneSeries() async throws {
        let ledger = try InProcessService(LedgerService(), http: true)
        defer { Task { await ledger.stop() } }
        let url = try #require(await ledger.opsURL)
        let client = try ledger.makeClient()
        #expect(throws: CommandError.self) { try client.call("no.such.command") }
        let seriesBefore = try await get(url + "/metrics").body.split(separator: "\n").filter { !$0.hasPrefix("#") }.count
        for index in 0..<1000 {
            #expect(throws: CommandError.self) { try client.call("made.up.\(index)") }
        }
        let metrics = try await get(url + "/metrics").body
        #expect(metrics.split(separator: "\n").filter { !$0.hasPrefix("#") }.count == seriesBefore)
        #expect(sample(metrics, #"odop_commands_total{command="unknown",outcome="unknown_command"}"#) == 1001)
        #expect(!metrics.contains("made.up"))
    }

    @Test("the lag gauge equals the events published while the follower is held, then returns to 0")
    func lagWhileHeld() async throws {
        let ledger = try StubSource("ledger")
        ledger.replayGate.close()
        let echo = try InProcessService(EchoService(), peers: ["ledger": ledger.endpoints], http: true)
        defer {
            Task {
                await echo.stop()
                await ledger.stop()
            }
        }
        let url = try #require(await echo.opsURL)
        try await eventuallyAsync("held at catch-up") { ledger.replayGate.waiting > 0 }
        try ledger.publish((0..<17).map { EntryAppended(text: "e\($0)") })
        try await eventuallyAsync("lag seen") {
            sample(try await get(url + "/metrics").body, #"odop_subscription_lag_events{source="ledger"}"#) == 17
        }
        let held = try await get(url + "/metrics").body
        #expect(sample(held, #"odop_subscription_last_applied_seq{source="ledger"}"#) == 0)
        #expect(try await get(url + "/readyz").status == 200)
        ledger.replayGate.open()
        try await eventuallyAsync("caught up") {
            let metrics = try await get(url + "/metrics").body
            return sample(metrics, #"odop_subscription_lag_events{source="ledger"}"#) == 0
                && sample(metrics, #"odop_subscription_last_applied_seq{source="ledger"}"#) == 17
        }
        #expect(sample(try await get(url + "/metrics").body, #"odop_subscription_state{source="ledger",state="running"}"#) == 1)
    }

    @Test("/healthz turns 500 naming the command loop while it makes no progress, and 200 again after")
    func healthzSeesAHeldLoop() async throws {
        let gate = Gate()
        gate.close()
        let ledger = try InProcessService(
            LedgerService(), hooks: RuntimeHooks(beforeCommand: { command in if command == "ledger.count" { gate.pass() } }),
            http: true, livenessTimeout: .seconds(2))
        defer {
            Task {
                gate.open()
                await ledger.stop()
            }
        }
        let url = try #require(await ledger.opsURL)
        #expect(try await get(url + "/healthz").status == 200)
        let held = Thread { _ = try? ledger.makeClient(timeout: .seconds(30), retries: 0).call(LedgerCount.self, NoArguments()) }
        held.start()
        try await eventuallyAsync("held") { gate.waiting == 1 }
        try await eventuallyAsync("unhealthy") { try await get(url + "/healthz").status == 500 }
        let body = try await get(url + "/healthz").body
        #expect(body.contains("commands: no progress"))
        #expect(!body.contains("publisher"))
        #expect(try await get(url + "/readyz").status == 200)
        let status = try WireFormat.decode(OpsStatus.self, from: Data(try await get(url + "/status").body.utf8))
        #expect(!status.healthy && status.ready)
        #expect(status.loops.first { $0.loop == "commands" }?.healthy == false)
        gate.open()
        try await eventuallyAsync("healthy again") { try await get(url + "/healthz").status == 200 }
    }

    @Test("/healthz turns 500 naming the writer while a group's commit makes no progress, and 200 again after")
    func healthzSeesAHeldWriter() async throws {
        let gate = Gate()
        gate.close()
        let ledger = try InProcessService(
            LedgerService(), hooks: RuntimeHooks(beforeCommit: { _ in gate.pass() }), http: true, livenessTimeout: .seconds(2),
            commandTimeLimit: .seconds(2))
        defer {
            Task {
                gate.open()
                await ledger.stop()
            }
        }
        let url = try #require(await ledger.opsURL)
        #expect(try await get(url + "/healthz").status == 200)
        let held = Thread {
            _ = try? ledger.makeClient(timeout: .seconds(30), retries: 0).call(LedgerAppend.self, .init(texts: ["held"]))
        }
        held.start()
        try await eventuallyAsync("held") { gate.waiting == 1 }
        try await eventuallyAsync("unhealthy") { try await get(url + "/healthz").status == 500 }
        let body = try await get(url + "/healthz").body
        #expect(body.contains("commands-write: no progress"))
        // The command thread itself is free: reads are answered while the writer is stuck.
        #expect(try ledger.makeClient().call(LedgerCount.self, NoArguments()).entries == 0)
        gate.open()
        try await eventuallyAsync("healthy again") { try await get(url + "/healthz").status == 200 }
    }

    @Test("/healthz turns 500 when a loop has exited")
    func healthzSeesAnExitedLoop() async throws {
        let ledger = try InProcessService(LedgerService(), http: true)
        defer { Task { await ledger.stop() } }
        let url = try #require(await ledger.opsURL)
        #expect(try await get(url + "/healthz").status == 200)
        ledger.host.beats.loopExitedForTesting("publisher")
        let answer = try await get(url + "/healthz")
        #expect(answer.status == 500)
        #expect(answer.body.contains("publisher: exited"))
    }

    @Test("/readyz stays 200 while a subscription is stalled; the stall is in /metrics and /status")
    func stalledSubscriptionStaysReady() async throws {
        let ledger = try StubSource("ledger")
        let echo = try InProcessService(EchoService(refuse: "poison"), peers: ["ledger": ledger.endpoints], http: true)
        defer {
            Task {
                await echo.stop()
                await ledger.stop()
            }
        }
        let url = try #require(await echo.opsURL)
        try ledger.publish([EntryAppended(text: "a"), EntryAppended(text: "poison"), EntryAppended(text: "b")])
        try await eventuallyAsync("stalled") { try echo.health().subscriptions.first?.state == .stalled }
        let metrics = try await get(url + "/metrics").body
        #expect(sample(metrics, #"odop_subscription_stalled_events{source="ledger"}"#) == 1)
        #expect(sample(metrics, #"odop_subscription_state{source="ledger",state="stalled"}"#) == 1)
        #expect(sample(metrics, #"odop_subscription_last_applied_seq{source="ledger"}"#) == 1)
        #expect(try await get(url + "/readyz").status == 200)
        #expect(try await get(url + "/healthz").status == 200)
        let status = try WireFormat.decode(OpsStatus.self, from: Data(try await get(url + "/status").body.utf8))
        #expect(status.ready && status.health.status == HealthReport.statusDegraded)
        #expect(status.health.subscriptions.first?.stalled?.seq == 2)
    }

    @Test("a command's traceparent reaches its events, the events a follower derives from them, and events.trace finds them")
    func traceContextFlows() async throws {
        let ledger = try InProcessService(LedgerService())
        let echo = try InProcessService(EchoService(), peers: ["ledger": ledger.endpoints])
        defer {
            Task {
                await echo.stop()
                await ledger.stop()
            }
        }
        let traceId = "4bf92f3577b34da6a3ce929d0e0e4736"
        let caller = "00-\(traceId)-00f067aa0ba902b7-01"
        _ = try ledger.makeClient().call(LedgerAppend.self, .init(texts: ["x", "y"]), id: "req-traced", traceparent: caller)
        _ = try ledger.makeClient().call(LedgerAppend.self, .init(texts: ["untraced"]), id: "req-plain")

        let appended = try ledger.makeClient().call(EventsTrace.self, .init(correlationId: "req-traced")).events
        #expect(appended.map(\.seq) == [1, 2])
        #expect(appended.allSatisfy { $0.traceId == traceId && $0.traceparent != caller })  // same trace, the command's own span
        let plain = try ledger.makeClient().call(EventsTrace.self, .init(correlationId: "req-plain")).events
        let generated = try #require(plain.first?.traceId)  // generated when absent
        #expect(generated != traceId)

        try await eventuallyAsync("echoed") { try echo.health().subscriptions.first?.lastAppliedSeq == 3 }
        let derived = try echo.makeClient().call(EventsTrace.self, .init(traceId: traceId)).events
        #expect(derived.map(\.type) == [EntrySeen.eventType, EntrySeen.eventType])
        #expect(derived.map(\.correlationId) == appended.map(\.id))  // each names its cause
        // The follower's own span: the same trace, a span id of its own (one per cause per transaction).
        #expect(derived.allSatisfy { $0.traceId == traceId && !appended.map(\.traceparent).contains($0.traceparent) })
        #expect(try ledger.makeClient().call(EventsTrace.self, .init(traceId: traceId)).events.map(\.seq) == [1, 2])
        let limited = try ledger.makeClient().call(EventsTrace.self, .init(traceId: traceId, limit: 1))
        #expect(limited.events.count == 1 && limited.truncated)
    }

    @Test("a malformed traceparent is refused naming the field, and changes nothing")
    func malformedTraceparent() async throws {
        let ledger = try InProcessService(LedgerService())
        defer { Task { await ledger.stop() } }
        let client = try ledger.makeClient()
        for bad: JSONValue in ["00-abc-def-01", .int(7), "00-00000000000000000000000000000000-00f067aa0ba902b7-01"] {
            let frame = try WireFormat.encode(
                JSONValue.object([
                    "id": "bad-trace", "command": .string(LedgerAppend.name), "args": ["texts": ["x"]], "traceparent": bad,
                ]))
            let reply = try client.send(frame: frame, requestID: "bad-trace")
            guard case .failure(_, let error) = reply else {
                Issue.record("accepted \(bad)")
                continue
            }
            #expect(error.code == .invalidRequest && error.field == "traceparent")
        }
        #expect(try client.call(LedgerCount.self, NoArguments()).entries == 0)
        #expect(throws: CommandError.self) { try client.call(EventsTrace.self, .init()) }
        #expect(throws: CommandError.self) { try client.call(EventsTrace.self, .init(traceId: "XYZ")) }
    }

    @Test("metrics off: /metrics is 404 and the service still serves")
    func metricsOff() async throws {
        let ledger = try InProcessService(LedgerService(), http: true, metrics: false)
        defer { Task { await ledger.stop() } }
        let url = try #require(await ledger.opsURL)
        _ = try ledger.makeClient().call(LedgerAppend.self, .init(texts: ["x"]))
        #expect(try await get(url + "/metrics").status == 404)
        #expect(try await get(url + "/healthz").status == 200)
    }

    @Test("ODOP_LOG_FORMAT=json: one JSON object per line with the trace id")
    func jsonLogLines() throws {
        let lines = Mutex<[Data]>([])
        var handler = JSONLogHandler(label: "odop.test", write: { data in lines.withLock { $0.append(data) } })
        handler.logLevel = .info
        let logger = Logger(label: "odop.test", factory: { _ in handler })
        logger.info("command", metadata: ["traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "message": "clash"])
        let written = lines.withLock { $0 }
        #expect(written.count == 1 && written[0].last == UInt8(ascii: "\n"))
        let object = try WireFormat.parse(written[0].dropLast())
        #expect(object["message"] == "command" && object["level"] == "info" && object["label"] == "odop.test")
        #expect(object["traceId"] == "4bf92f3577b34da6a3ce929d0e0e4736" && object["meta.message"] == "clash")
    }

    @Test("the ops bind is HOST:PORT or none, with a default port per service")
    func opsBindConfiguration() throws {
        let defaults = try ServiceOptions.parse([]).resolve(service: "catalogue", environment: [:])
        #expect(defaults.opsBind == OpsBind(host: "127.0.0.1", port: 9101))
        #expect(try ServiceOptions.parse([]).resolve(service: "exports", environment: [:]).opsBind?.port == 9201)
        #expect(try ServiceOptions.parse([]).resolve(service: "catalogue", environment: ["ODOP_HTTP_BIND": "none"]).opsBind == nil)
        #expect(
            try ServiceOptions.parse([]).resolve(service: "catalogue", environment: ["ODOP_HTTP_BIND": "0.0.0.0:9999"]).opsBind?.port
                == 9999)
        #expect(throws: StartupError.self) {
            try ServiceOptions.parse([]).resolve(service: "catalogue", environment: ["ODOP_HTTP_BIND": "9101"])
        }
        #expect(throws: StartupError.self) {
            try ServiceOptions.parse([]).resolve(service: "catalogue", environment: ["ODOP_LOG_FORMAT": "xml"])
        }
        #expect(throws: StartupError.self) {
            try ServiceOptions.parse([]).resolve(service: "catalogue", environment: ["ODOP_METRICS": "maybe"])
        }
    }
}
