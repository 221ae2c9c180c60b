import Foundation
import Hummingbird
import Logging
import ODOPMessages
import ServiceLifecycle
import Synchronization

/// What the ops endpoint reads from its host.
struct OpsSource: Sendable {
    let loops: @Sendable () -> [LoopHealth]
    let isReady: @Sendable () -> Bool
    let health: @Sendable () -> HealthReport
    let metrics: @Sendable () -> [UInt8]?
}

/// The port the ops endpoint bound (known once it listens; port 0 picks one).
final class OpsPort: Sendable {
    private let port = Mutex<Int?>(nil)
    func set(_ value: Int?) { port.withLock { $0 = value } }
    var value: Int? { port.withLock { $0 } }
}

/// The JSON of `/status`: for dashboards.
public struct OpsStatus: Codable, Sendable, Equatable {
    /// As `/healthz`: every loop alive and making progress.
    public var healthy: Bool
    /// As `/readyz`: taking commands.
    public var ready: Bool
    public var loops: [LoopHealth]
    /// The `health` command's report, with every subscription.
    public var health: HealthReport
}

/// The service's ops HTTP endpoint on Hummingbird 2, run as one more service of the host's
/// `ServiceGroup` (it stops with the rest):
/// - `GET /healthz`: 200 `ok` while every loop (commands, publisher, each subscription) is alive
///   and has gone round recently; else 500 naming each stale or exited loop.
/// - `GET /readyz`: 200 `ready` while the host serves (database open, both sockets bound); 503
///   before and while it shuts down. Subscriptions do not count: a stalled or disconnected one
///   leaves the service ready (an admin must still reach it).
/// - `GET /metrics`: Prometheus text format (404 when metrics are off).
/// - `GET /status`: `OpsStatus` as JSON.
enum OpsServer {
    static func application(bind: OpsBind, source: OpsSource, boundPort: OpsPort, logger: Logger) -> some Service {
        let router = Router()
        router.get("healthz") { _, _ -> Response in
            let unhealthy = source.loops().filter { !$0.healthy }
            guard !unhealthy.isEmpty else { return text(.ok, "ok\n") }
            return text(.internalServerError, "unhealthy\n" + unhealthy.map { "\($0.loop): \($0.problem ?? "")\n" }.joined())
        }
        router.get("readyz") { _, _ -> Response in
            source.isReady() ? text(.ok, "ready\n") : text(.serviceUnavailable, "not ready\n")
        }
        router.get("metrics") { _, _ -> Response in
            guard let body = source.metrics() else { return text(.notFound, "metrics are off\n") }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        router.get("status") { _, _ -> Response in
            let loops = source.loops()
            let status = OpsStatus(healthy: loops.allSatisfy(\.healthy), ready: source.isReady(), loops: loops, health: source.health())
            let body = (try? WireFormat.encode(status)) ?? Data("{}".utf8)
            return Response(
                status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .notice)
        return Application(
            router: router,
            configuration: .init(address: .hostname(bind.host, port: bind.port), serverName: "odop-ops"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port
                boundPort.set(port)
                logger.info("ops endpoint listening", metadata: ["http": "\(bind.host):\(port ?? bind.port)"])
            },
            logger: quiet)
    }

    private static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
