import Foundation
import Testing
import ZeroMQ

@Suite("timeouts, linger and termination", .timeLimit(.minutes(1)))
struct LifecycleTests {
    @Test("a receive with a timeout returns nil (a timeout), not a hang")
    func receiveTimeout() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let router = try context.socket(.router)
        try router.bind("tcp://127.0.0.1:*")
        let req = try context.socket(.req)
        try req.set(.receiveTimeout(milliseconds: 150))
        #expect(try req.receiveTimeout == 150)
        try req.connect(try router.lastEndpoint)
        try req.send("nobody answers")
        let (reply, elapsed) = try measure { try req.receive() }
        #expect(reply == nil)
        #expect(elapsed >= .milliseconds(100))
        #expect(elapsed < .seconds(5))
        // A REQ that timed out is stuck in its state machine: the next send fails (EFSM).
        #expect(throws: ZMQError.self) { try req.send("again") }
    }

    @Test("a non-blocking receive on an empty socket returns nil at once")
    func dontWait() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let pull = try context.socket(.pull)
        try pull.bind("tcp://127.0.0.1:*")
        #expect(try pull.receive(dontWait: true) == nil)
        #expect(try pull.receiveMultipart(dontWait: true) == nil)
    }

    @Test("closing with pending messages and linger 0 returns at once")
    func closeWithLingerZero() throws {
        let context = try ZMQContext()
        let push = try context.socket(.push)
        try push.set(.linger(milliseconds: 0))
        #expect(try push.linger == 0)
        // Nobody listens on this port: messages stay queued for the pending connection.
        let port = try freePort(context)
        try push.connect("tcp://127.0.0.1:\(port)")
        for i in 0..<100 { _ = try push.send("pending \(i)", dontWait: true) }
        let (_, closeTime) = measure { push.close() }
        let (_, termTime) = measure { context.terminate() }
        #expect(push.isClosed)
        #expect(closeTime < .seconds(2))
        #expect(termTime < .seconds(2))
    }

    @Test("terminating a context with open sockets, pending messages and infinite linger does not deadlock")
    func terminateWithOpenSockets() throws {
        let context = try ZMQContext()
        let port = try freePort(context)
        let push = try context.socket(.push)
        try push.set(.linger(milliseconds: -1))
        try push.connect("tcp://127.0.0.1:\(port)")
        for i in 0..<10 { _ = try push.send("stuck \(i)", dontWait: true) }
        let sub = try context.socket(.sub)
        try sub.bind("tcp://127.0.0.1:*")
        let (_, elapsed) = measure { context.terminate() }
        #expect(elapsed < .seconds(5))
        #expect(push.isClosed && sub.isClosed)
        #expect(context.isTerminated)
        #expect(throws: ZMQError.self) { _ = try context.socket(.pub) }
    }

    @Test("a thread blocked in receive is released with ETERM when the context terminates")
    func blockedReceiverReleased() async throws {
        let context = try ZMQContext()
        let sub = try context.socket(.sub)
        try sub.bind("tcp://127.0.0.1:*")
        let blocked = Task {
            try await onThread { () -> Bool in
                do {
                    _ = try sub.receive()
                    return false
                } catch let error as ZMQError {
                    sub.close()
                    return error.isTerminated
                }
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        context.terminate()
        #expect(try await blocked.value)
    }

    @Test("binding an endpoint that is in use fails with EADDRINUSE")
    func addressInUse() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let first = try context.socket(.router)
        try first.bind("tcp://127.0.0.1:*")
        let second = try context.socket(.router)
        #expect {
            try second.bind(try first.lastEndpoint)
        } throws: { error in
            (error as? ZMQError)?.isAddressInUse == true
        }
    }

    @Test("operations on a closed socket throw instead of touching freed memory")
    func closedSocket() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let socket = try context.socket(.dealer)
        socket.close()
        socket.close()
        #expect(throws: ZMQError.self) { try socket.send("x") }
    }
}

/// A TCP port that nothing listens on now: bound to a wildcard, read back, released.
func freePort(_ context: ZMQContext) throws -> Int {
    let probe = try context.socket(.router)
    defer { probe.close() }
    try probe.bind("tcp://127.0.0.1:*")
    let endpoint = try probe.lastEndpoint
    return Int(endpoint.split(separator: ":").last!)!
}
