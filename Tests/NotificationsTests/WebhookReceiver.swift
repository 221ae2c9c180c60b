import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP server on a loopback port for the tests: it records every request (headers and
/// the exact body bytes) and answers as the test's `respond` says (status, headers, or holding
/// the reply until released).
final class WebhookReceiver: Sendable {
    struct Request: Sendable {
        var index: Int
        var method: String
        var path: String
        var headers: [String: String]
        var body: Data
        var header: (String) -> String? { { name in self.headers[name.lowercased()] } }
    }

    struct Reply: Sendable {
        var status: Int
        var headers: [String: String] = [:]
        /// Hold the reply until `release()`.
        var hold = false
        static let ok = Reply(status: 200)
        static func status(_ code: Int, _ headers: [String: String] = [:]) -> Reply { Reply(status: code, headers: headers) }
    }

    let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: Mutex<(any Channel)?>
    private let state: Mutex<State>
    private struct State {
        var requests: [Request] = []
        var respond: @Sendable (Request) -> Reply = { _ in .ok }
        var held: [@Sendable () -> Void] = []
        var releasing = false
    }

    /// Starts on a free loopback port, or on `port` (to come back on the same one).
    init(port: Int = 0, respond: @escaping @Sendable (Request) -> Reply = { _ in .ok }) throws {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        state = Mutex(State(respond: respond))
        channel = Mutex(nil)
        let box = StateBox(receiver: nil)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(RequestHandler(box: box))
                }
            }
        let bound = try bootstrap.bind(host: "127.0.0.1", port: port).wait()
        self.port = bound.localAddress!.port!
        channel.withLock { $0 = bound }
        box.receiver = self
    }

    var url: String { "http://127.0.0.1:\(port)/hook" }

    func setRespond(_ respond: @escaping @Sendable (Request) -> Reply) {
        state.withLock { $0.respond = respond }
    }

    var requests: [Request] { state.withLock { $0.requests } }

    /// Releases every held reply, and holds no more.
    func release() {
        let held = state.withLock { state -> [@Sendable () -> Void] in
            state.releasing = true
            defer { state.held = [] }
            return state.held
        }
        for send in held { send() }
    }

    func stop() {
        release()
        let channel = self.channel.withLock { $0 }
        try? channel?.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Records the request and decides the reply, on the event loop (no task: the tests' own
    /// threads may be busy). A held reply is sent by `send` when `release()` is called.
    fileprivate func handle(method: String, path: String, headers: HTTPHeaders, body: Data, send: @escaping @Sendable (Reply) -> Void) {
        let (request, respond) = state.withLock { state -> (Request, @Sendable (Request) -> Reply) in
            var fields: [String: String] = [:]
            for (name, value) in headers { fields[name.lowercased()] = value }
            let request = Request(index: state.requests.count, method: method, path: path, headers: fields, body: body)
            state.requests.append(request)
            return (request, state.respond)
        }
        let reply = respond(request)
        guard reply.hold else { return send(reply) }
        let now = state.withLock { state -> Bool in
            if state.releasing { return true }
            state.held.append { send(reply) }
            return false
        }
        if now { send(reply) }
    }
}

private final class StateBox: @unchecked Sendable {
    weak var receiver: WebhookReceiver?
    init(receiver: WebhookReceiver?) { self.receiver = receiver }
}

private final class RequestHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    let box: StateBox
    var head: HTTPRequestHead?
    var body = Data()

    init(box: StateBox) { self.box = box }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = Data()
        case .body(var buffer):
            if let bytes = buffer.readBytes(length: buffer.readableBytes) { body.append(contentsOf: bytes) }
        case .end:
            guard let head, let receiver = box.receiver else { return }
            let keepAlive = head.isKeepAlive
            let eventLoop = context.eventLoop
            let loopBound = NIOLoopBound(context, eventLoop: eventLoop)
            let handler = NIOLoopBound(self, eventLoop: eventLoop)
            receiver.handle(method: head.method.rawValue, path: head.uri, headers: head.headers, body: body) { reply in
                eventLoop.execute {
                    let context = loopBound.value
                    let this = handler.value
                    var headers = HTTPHeaders()
                    for (name, value) in reply.headers { headers.add(name: name, value: value) }
                    headers.add(name: "content-length", value: "0")
                    if !keepAlive { headers.add(name: "connection", value: "close") }
                    let responseHead = HTTPResponseHead(
                        version: head.version, status: HTTPResponseStatus(statusCode: reply.status), headers: headers)
                    context.write(this.wrapOutboundOut(.head(responseHead)), promise: nil)
                    context.writeAndFlush(this.wrapOutboundOut(.end(nil))).whenComplete { _ in
                        if !keepAlive { loopBound.value.close(promise: nil) }
                    }
                }
            }
        }
    }
}
