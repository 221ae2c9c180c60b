import Foundation
import Logging
import Synchronization
import ZeroMQ

/// The ZAP handler (RFC 27) of a CURVE service: the one place that decides which client keys
/// may complete a handshake with the service's ROUTER and PUB sockets.
///
/// Contract:
/// - `init` binds a REP socket at `inproc://zeromq.zap.01` in the service's context. The host
///   creates it before any server socket binds: libzmq admits *any* client that knows the
///   server's public key when no handler is bound (the ZAP trap). Requests that arrive before
///   `run()` starts wait in the socket.
/// - A CURVE request whose client key is in the current allowlist gets `200` with the key's name
///   as User-Id (so every message from that connection carries it); anything else — an unknown
///   key, another mechanism, a malformed request — gets `400`, and the refusal is logged with the
///   peer's address, never the key.
/// - It also watches the server sockets' monitors and logs every failed handshake (a plaintext
///   client, a wrong server key), which never reach ZAP.
final class ZAPHandler: Sendable {
    static let endpoint = "inproc://zeromq.zap.01"

    private let socket: ZMQSocket
    private let monitors: [(name: String, socket: ZMQSocket)]
    private let access: AccessControl
    private let logger: Logger
    private let stopping = Atomic<Bool>(false)
    private let wakeup = Wakeup()
    private let refusals = Mutex<[String: (logged: ContinuousClock.Instant, repeats: Int)]>([:])

    /// Logs a refused handshake, once per `key` per 10 seconds.
    private func logRefusal(_ key: String, _ metadata: Logger.Metadata) {
        let now = ContinuousClock.now
        let repeats: Int? = refusals.withLock { seen in
            if let last = seen[key], now - last.logged < .seconds(10) {
                seen[key]!.repeats += 1
                return nil
            }
            defer { seen[key] = (now, 0) }
            if seen.count > 1000 { seen.removeAll() }
            return seen[key]?.repeats ?? 0
        }
        guard let repeats else { return }
        var metadata = metadata
        if repeats > 0 { metadata["repeatsSinceLastLine"] = "\(repeats)" }
        logger.warning("handshake refused", metadata: metadata)
    }

    /// Binds the handler's socket; `watching` are the server sockets whose failed handshakes are
    /// logged (by a name for the log).
    init(context: ZMQContext, access: AccessControl, watching servers: [(name: String, socket: ZMQSocket)], logger: Logger) throws(ZMQError)
    {
        self.access = access
        self.logger = logger
        socket = try context.socket(.rep)
        try socket.set(.linger(milliseconds: 0))
        try socket.bind(Self.endpoint)
        var monitors: [(String, ZMQSocket)] = []
        for (index, server) in servers.enumerated() {
            let address = "inproc://odop.monitor.\(index).\(RandomUUIDText.make())"
            try server.socket.monitor(address, events: .handshakeFailed)
            let pair = try context.socket(.pair)
            try pair.set(.linger(milliseconds: 0))
            try pair.connect(address)
            monitors.append((server.name, pair))
        }
        self.monitors = monitors
    }

    func requestStop() {
        stopping.store(true, ordering: .releasing)
        wakeup.signal()
    }

    /// Answers ZAP requests until `requestStop()`, then closes its sockets.
    func run() throws {
        defer {
            socket.close()
            for monitor in monitors { monitor.socket.close() }
        }
        var poller = Poller()
        let zapIndex = poller.register(socket)
        let monitorIndexes = monitors.map { poller.register($0.socket) }
        poller.register(fileDescriptor: wakeup.fileDescriptor)
        while !stopping.load(ordering: .acquiring) {
            do {
                try poller.poll(timeout: .seconds(1))
            } catch {
                throw WorkerFailure(worker: "ZAP handler", reason: "poll failed: \(error)")
            }
            wakeup.drain()
            if poller.isReadable(zapIndex) {
                do {
                    while let request = try socket.receiveMultipart(dontWait: true) {
                        try socket.send(multipart: answer(request))
                    }
                } catch {
                    throw WorkerFailure(worker: "ZAP handler", reason: "\(error)")
                }
            }
            for (index, monitor) in zip(monitorIndexes, monitors) where poller.isReadable(index) {
                while let frames = try? monitor.socket.receiveMultipart(dontWait: true) {
                    guard let event = SocketEvent(frames: frames) else { continue }
                    logRefusal(
                        "\(monitor.name)|\(event.reason)",
                        [
                            "socket": "\(monitor.name)", "endpoint": "\(event.endpoint)", "reason": "\(event.reason)",
                        ])
                }
            }
        }
    }

    /// The reply to one request: `[version, request id, status, text, user id, metadata]`.
    func answer(_ frames: [Data]) -> [Data] {
        // RFC 27: version, request id, domain, address, identity, mechanism, credentials...
        guard frames.count >= 6, frames[0] == Data("1.0".utf8) else {
            logger.warning("handshake refused", metadata: ["reason": "malformed ZAP request"])
            return Self.reply(frames.count > 1 ? frames[1] : Data(), status: "400", text: "malformed ZAP request", userID: "")
        }
        let address = String(decoding: frames[3], as: UTF8.self)
        let mechanism = String(decoding: frames[5], as: UTF8.self)
        guard mechanism == "CURVE", frames.count == 7, frames[6].count == 32, let key = Z85.encode([UInt8](frames[6])) else {
            logRefusal(
                "\(address)|mechanism", ["address": "\(address)", "mechanism": "\(mechanism)", "reason": "only CURVE clients are admitted"])
            return Self.reply(frames[1], status: "400", text: "CURVE required", userID: "")
        }
        guard let principal = access.principal(publicKey: key) else {
            logRefusal("\(address)|unknown key", ["address": "\(address)", "reason": "client key not in the allowlist"])
            return Self.reply(frames[1], status: "400", text: "key not authorized", userID: "")
        }
        logger.debug(
            "client admitted", metadata: ["address": "\(address)", "who": "\(principal.name)", "role": "\(principal.role.rawValue)"])
        return Self.reply(frames[1], status: "200", text: "OK", userID: principal.name)
    }

    private static func reply(_ requestID: Data, status: String, text: String, userID: String) -> [Data] {
        [Data("1.0".utf8), requestID, Data(status.utf8), Data(text.utf8), Data(userID.utf8), Data()]
    }
}

/// A short random token for private inproc endpoint names.
enum RandomUUIDText {
    static func make() -> String { UUID().uuidString.prefix(8).lowercased() }
}
