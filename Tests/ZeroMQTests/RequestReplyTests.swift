import Foundation
import Testing
import ZeroMQ

@Suite("REQ/DEALER to ROUTER", .timeLimit(.minutes(1)))
struct RequestReplyTests {
    /// Echoes every request as `"echo:" + body` until it receives "stop" `stops` times.
    private func runEchoRouter(_ router: ZMQSocket, stops: Int) throws {
        var remaining = stops
        while remaining > 0, let frames = try router.receiveMultipart() {
            let body = frames[frames.count - 1]
            if body.text == "stop" { remaining -= 1 }
            var reply = Array(frames.dropLast())
            reply.append(Data(("echo:" + body.text).utf8))
            try router.send(multipart: reply)
        }
    }

    @Test("REQ → ROUTER → reply round trip with the REQ envelope [identity, empty, body]")
    func reqRoundTrip() async throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let (router, req) = try Self.routerAndREQ(context)

        try req.send("hello")
        let frames = try #require(try router.receiveMultipart())
        #expect(frames.count == 3)
        #expect(frames[1].isEmpty)
        #expect(frames[2].text == "hello")
        try router.send(multipart: [frames[0], Data(), Data("world".utf8)])
        #expect(try req.receive()?.text == "world")
    }

    /// How the command server replies: the routing envelope it received, then the body, as one
    /// message, without an array of both; a DEALER with no envelope of its own sends the body alone.
    @Test("send(multipart:then:) sends the envelope's frames and the last one as one message")
    func sendEnvelopeThenBody() async throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let (router, req) = try Self.routerAndREQ(context)
        let dealer = try context.socket(.dealer)
        try dealer.set(.receiveTimeout(milliseconds: 5000))
        try dealer.connect(try router.lastEndpoint)

        try req.send("hello")
        let fromREQ = try #require(try router.receiveMultipart())
        #expect(try router.send(multipart: Array(fromREQ.dropLast()), then: Data("world".utf8), dontWait: true))
        #expect(try req.receive()?.text == "world")

        #expect(try dealer.send(multipart: [], then: Data("bare".utf8)))
        let fromDealer = try #require(try router.receiveMultipart())
        #expect(fromDealer.count == 2 && fromDealer[1].text == "bare")
        try router.send(multipart: [fromDealer[0]], then: Data("back".utf8))
        #expect(try dealer.receiveMultipart()?.map(\.text) == ["back"])
    }

    /// A ROUTER (mandatory routing) bound on a free loopback port, and a REQ connected to it.
    private static func routerAndREQ(_ context: ZMQContext) throws -> (router: ZMQSocket, req: ZMQSocket) {
        let router = try context.socket(.router)
        try router.set(.routerMandatory(true))
        try router.bind("tcp://127.0.0.1:*")
        let req = try context.socket(.req)
        try req.set(.receiveTimeout(milliseconds: 5000))
        try req.connect(try router.lastEndpoint)
        return (router, req)
    }

    @Test("several DEALER clients share one ROUTER concurrently and each gets its own replies")
    func concurrentDealers() async throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let router = try context.socket(.router)
        try router.bind("tcp://127.0.0.1:*")
        let endpoint = try router.lastEndpoint
        let clients = 8
        let perClient = 500

        let server = Task { try await onThread { try runEchoRouter(router, stops: clients) } }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for c in 0..<clients {
                group.addTask {
                    try await onThread {
                        let dealer = try context.socket(.dealer)
                        defer { dealer.close() }
                        try dealer.set(.receiveTimeout(milliseconds: 10_000), .routingID(Data("client-\(c)".utf8)))
                        try dealer.connect(endpoint)
                        var good = 0
                        for i in 0..<perClient {
                            let body = i == perClient - 1 ? "stop" : "c\(c)-\(i)"
                            try dealer.send(multipart: [Data(), Data(body.utf8)])
                            let reply = try #require(try dealer.receiveMultipart())
                            if reply.count == 2, reply[0].isEmpty, reply[1].text == "echo:" + body { good += 1 }
                        }
                        return good
                    }
                }
            }
            var total = 0
            for try await good in group { total += good }
            #expect(total == clients * perClient)
        }
        try await server.value
    }

    @Test("ROUTER_MANDATORY reports an unroutable reply instead of dropping it")
    func routerMandatory() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let router = try context.socket(.router)
        try router.set(.routerMandatory(true))
        try router.bind("tcp://127.0.0.1:*")
        #expect {
            try router.send(multipart: [Data("nobody".utf8), Data(), Data("x".utf8)])
        } throws: { error in
            (error as? ZMQError)?.isHostUnreachable == true
        }
    }
}
