import Foundation
import ODOPClient
import ODOPMessages
import ODOPRuntime
import ODOPTesting
import ZeroMQ

// Scenario 10, not part of `all`: what CURVE costs. The bench service runs twice in this
// process, open and as a CURVE server (a ZAP allowlist admitting the bench's admin key); the
// health round trip is measured against both in interleaved blocks, then durable writes/s with
// the same concurrent clients, open then with CURVE. Each CURVE figure is printed with the open
// one as its baseline, so the ratio is CURVE ÷ open.

/// A CURVE server key pair and an admitted admin client key, with the allowlist in a scratch
/// directory that goes with it.
struct BenchCurveKeys {
    let directory = TemporaryDirectory(prefix: "odop-bench-curve")
    let security: SecurityConfiguration
    let client: CurveClientKeys

    init() throws {
        guard Curve.isAvailable else { throw BenchFailure("this libzmq has no CURVE") }
        let server = try Curve.generateKeyPair()
        let admin = try Curve.generateKeyPair()
        let allowlist = directory.file("authorized_keys")
        try Data("# the bench's client\n\(admin.publicKey) bench-admin admin\n".utf8).write(to: allowlist)
        security = SecurityConfiguration(serverKeys: server, authorizedKeysPath: allowlist.path)
        client = CurveClientKeys(publicKey: admin.publicKey, secretKey: admin.secretKey, serverPublicKey: server.publicKey)
    }
}

extension BenchSession {
    func runCurveCost() throws {
        let s = settings
        let title = Scenario.curve.title
        let keys = try BenchCurveKeys()
        let open = try HostedService(BenchService(), logLevel: s.serviceLogLevel, metrics: s.metrics)
        defer { open.stop() }
        let secure = try HostedService(BenchService(), logLevel: s.serviceLogLevel, metrics: s.metrics, security: keys.security)
        defer { secure.stop() }
        let openClient = try CommandClient(endpoint: open.commandsEndpoint, options: .init(timeout: .seconds(5), retries: 0))
        defer { openClient.close() }
        let secureClient = try CommandClient(
            endpoint: secure.commandsEndpoint, options: .init(timeout: .seconds(5), retries: 0, curve: keys.client))
        defer { secureClient.close() }

        let blocks = 5
        let perBlock = max(1, s.roundTrips / blocks)
        report.say(
            "  health round trip: one CommandClient per service on this thread, \(blocks) rounds of \(perBlock) calls each, open and CURVE interleaved, after \(s.warmupRoundTrips) warm-up each"
        )
        let clients = [openClient, secureClient]
        var samples: [[UInt64]] = [[], []]
        for client in clients {
            for _ in 0..<s.warmupRoundTrips { _ = try client.call(Health.self, NoArguments()) }
        }
        for _ in 0..<blocks {
            for (index, client) in clients.enumerated() {
                for _ in 0..<perBlock {
                    let t0 = nowNanos()
                    _ = try client.call(Health.self, NoArguments())
                    samples[index].append(nowNanos() - t0)
                }
            }
        }
        let openLatency = LatencySummary(nanos: samples[0])
        let secureLatency = LatencySummary(nanos: samples[1])
        report.add(
            Figure(
                scenario: title, name: "health round trip, open (mean)", value: openLatency.mean, unit: "µs",
                details: ["p50": openLatency.p50, "p99": openLatency.p99, "max": openLatency.max]))
        report.add(
            Figure(
                scenario: title, name: "health round trip, CURVE (mean)", value: secureLatency.mean, unit: "µs",
                baseline: ("open mean", openLatency.mean),
                details: [
                    "p50": secureLatency.p50, "p99": secureLatency.p99, "max": secureLatency.max,
                    "p50 ratio": secureLatency.p50 / openLatency.p50, "p99 ratio": secureLatency.p99 / openLatency.p99,
                ]))

        report.say(
            "  durable writes: \(s.clients) threads, each its own CommandClient, bench.write (one row and its event per transaction), \(s.duration) s after \(s.warmup) s warm-up; open, then CURVE"
        )
        let payload = String(repeating: "w", count: 100)
        let openWrites = try load(endpoint: open.commandsEndpoint, name: "writes-open") { client, _ in
            { _ = try client.call(BenchWrite.self, .init(payload: payload, count: nil)) }
        }
        let secureWrites = try load(endpoint: secure.commandsEndpoint, name: "writes-curve", curve: keys.client) { client, _ in
            { _ = try client.call(BenchWrite.self, .init(payload: payload, count: nil)) }
        }
        func details(_ outcome: LoadOutcome) -> [String: Double] {
            let latency = LatencySummary(nanos: outcome.latencies)
            return ["p50 µs": latency.p50, "p99 µs": latency.p99, "calls": Double(outcome.operations), "errors": Double(outcome.errors)]
        }
        report.add(
            Figure(
                scenario: title, name: "bench.write writes/s, open (\(s.clients) clients)", value: openWrites.rate, unit: "/s",
                details: details(openWrites)))
        report.add(
            Figure(
                scenario: title, name: "bench.write writes/s, CURVE (\(s.clients) clients)", value: secureWrites.rate, unit: "/s",
                baseline: ("open writes/s", openWrites.rate), details: details(secureWrites)))
    }
}
