import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ODOPMessages
import ODOPTesting
import Synchronization

/// `odop-bench notifications`: the notifications service's fan-out of one event to N webhook
/// subscriptions on a local receiver, and its deliveries per second with connection reuse,
/// beside the raw HTTP rate of the same receiver (the same client library, the same body size,
/// the same concurrency) measured in the same run. The bench meets `odop-notifications` (the one
/// built beside it, as a child process) only on the wire; a `StubSource` stands in for exports.
/// Loopback only, bounded counts.
struct NotificationsFanOut: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notifications",
        abstract: "9. notifications: one event fanned out to N webhook subscriptions, beside the raw HTTP rate of the same receiver.")

    @Option(help: "Webhook subscriptions the one event fans out to.")
    var subscriptions: Int = 1_000

    @Option(help: "Events published one after another (each fans out to every subscription).")
    var events: Int = 3

    @Option(help: "Attempts in flight at once (the service's ODOP_DELIVERY_CONCURRENCY, and the raw client's).")
    var concurrency: Int = 32

    func validate() throws {
        guard (1...10_000).contains(subscriptions) else { throw ValidationError("--subscriptions must be between 1 and 10000") }
        guard (1...20).contains(events) else { throw ValidationError("--events must be between 1 and 20") }
        guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 256") }
    }

    func run() throws {
        let outcome = Mutex<Result<[String], any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let (subscriptions, events, concurrency) = (self.subscriptions, self.events, self.concurrency)
        Task.detached {
            do {
                let lines = try await Self.measure(subscriptions: subscriptions, events: events, concurrency: concurrency)
                outcome.withLock { $0 = .success(lines) }
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        switch outcome.withLock({ $0 })! {
        case .success(let lines): for line in lines { print(line) }
        case .failure(let error): throw error
        }
    }

    static func measure(subscriptions: Int, events: Int, concurrency: Int) async throws -> [String] {
        let receiver = try CountingReceiver()
        defer { receiver.stop() }
        let body = Data(repeating: UInt8(ascii: "x"), count: 2_000)

        // Raw: the same client library, one pooled client, `concurrency` requests in flight.
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        let rawCount = subscriptions * events
        let rawStart = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            let next = Counter()
            for _ in 0..<concurrency {
                group.addTask {
                    while next.value.add(1, ordering: .relaxed).oldValue < rawCount {
                        var request = HTTPClientRequest(url: receiver.url)
                        request.method = .POST
                        request.headers.add(name: "content-type", value: "application/json")
                        request.body = .bytes(ByteBuffer(bytes: body))
                        let response = try await client.execute(request, timeout: .seconds(15))
                        _ = try await response.body.collect(upTo: 1024)
                    }
                }
            }
            try await group.waitForAll()
        }
        let rawSeconds = (ContinuousClock.now - rawStart).seconds
        try await client.shutdown()
        let rawRate = Double(rawCount) / rawSeconds

        // The service: odop-notifications as a child process, following a stub exports.
        receiver.reset()
        let upstream = try StubSource("exports")
        let process = try ServiceProcess(
            "notifications",
            environment: [
                "ODOP_EXPORTS_COMMANDS": upstream.endpoints.commands, "ODOP_EXPORTS_EVENTS": upstream.endpoints.events,
                "ODOP_CATALOGUE_COMMANDS": FreePort.endpoint(), "ODOP_CATALOGUE_EVENTS": FreePort.endpoint(),
                "ODOP_TRAINING_COMMANDS": FreePort.endpoint(), "ODOP_TRAINING_EVENTS": FreePort.endpoint(),
                "ODOP_WEBHOOK_ALLOW_PRIVATE": "loopback", "ODOP_DELIVERY_CONCURRENCY": String(concurrency),
                "ODOP_LOG_LEVEL": "warning", "ODOP_HTTP_BIND": "none",
            ]
        ).start()
        defer { _ = process.stop() }
        let commands = try process.client(timeout: .seconds(30))
        for index in 0..<subscriptions {
            _ = try commands.call(
                SubscriptionCreate.self,
                .init(
                    recipient: Recipient(name: "receiver \(index)", role: "bench"), channel: "webhook", target: receiver.url,
                    filter: SubscriptionFilter(types: ["exports.figures."]), ordered: false))
        }
        var fanOuts: [Double] = []
        let serviceStart = ContinuousClock.now
        for index in 0..<events {
            let start = ContinuousClock.now
            try upstream.publish(
                ExportFiguresRecorded(
                    ExportFigure(
                        productId: "p-bench", productName: "Brassware", sector: "handicraft", state: "Uttar Pradesh", stateCode: "UP",
                        district: "Moradabad", districtId: "UP-moradabad", financialYear: "2025-26", valueINRCrore: Double(index + 1),
                        source: "bench", revision: 1, previousValueINRCrore: nil, recordedAt: RFC3339.string(from: Date()))))
            let deadline = ContinuousClock.now + .seconds(300)
            while receiver.count < subscriptions * (index + 1) {
                guard ContinuousClock.now < deadline else { throw ValidationError("the fan-out did not complete within 300 s") }
                try await Task.sleep(for: .milliseconds(2))
            }
            fanOuts.append((ContinuousClock.now - start).seconds)
        }
        let serviceRate = Double(subscriptions * events) / (ContinuousClock.now - serviceStart).seconds
        await upstream.stop()

        let median = fanOuts.sorted()[fanOuts.count / 2]
        return [
            "notifications fan-out (\(subscriptions) webhook subscriptions, \(events) events, \(concurrency) in flight, loopback receiver):",
            "  one event to every subscription (median)  \(String(format: "%.3f", median)) s",
            "  deliveries per second (signed, stored)    \(String(format: "%.0f", serviceRate))",
            "  raw HTTP requests per second, same client \(String(format: "%.0f", rawRate))",
            "  ratio                                     \(String(format: "%.2f", serviceRate / rawRate))",
            "  connections the receiver accepted          raw+service \(receiver.connections)",
        ]
    }
}

extension Duration {
    fileprivate var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// A loopback HTTP server that answers every request `204` and counts requests and connections.
final class CountingReceiver: Sendable {
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let channel: any Channel
    private let requests = Counter()
    private let accepted = Counter()
    let url: String

    init() throws {
        let requests = self.requests
        let accepted = self.accepted
        channel = try ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                accepted.value.add(1, ordering: .relaxed)
                return channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(NoContentHandler(requests: requests))
                }
            }
            .bind(host: "127.0.0.1", port: 0).wait()
        url = "http://127.0.0.1:\(channel.localAddress!.port!)/hook"
    }

    var count: Int { requests.value.load(ordering: .relaxed) }
    var connections: Int { accepted.value.load(ordering: .relaxed) }
    func reset() { requests.value.store(0, ordering: .relaxed) }

    func stop() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }
}

private final class NoContentHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    let requests: Counter

    init(requests: Counter) {
        self.requests = requests
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .end = unwrapInboundIn(data) else { return }
        var headers = HTTPHeaders()
        headers.add(name: "content-length", value: "0")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .noContent, headers: headers))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        requests.value.add(1, ordering: .relaxed)
    }
}

/// A shared counter.
final class Counter: Sendable {
    let value = Atomic<Int>(0)
}
