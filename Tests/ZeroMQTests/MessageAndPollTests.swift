import Foundation
import Testing
import ZeroMQ

@Suite("messages, polling and CURVE", .timeLimit(.minutes(1)))
struct MessageAndPollTests {
    @Test("a 1 MiB frame sent without copying arrives intact")
    func largeZeroCopyFrame() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let pull = try context.socket(.pull)
        try pull.bind("tcp://127.0.0.1:*")
        let push = try context.socket(.push)
        try push.connect(try pull.lastEndpoint)
        let payload = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try push.send(payload)
        try pull.set(.receiveTimeout(milliseconds: 5000))
        let message = try #require(try pull.receiveMessage())
        #expect(message.count == payload.count)
        #expect(message.bytesNoCopy == payload)
        #expect(message.property("Socket-Type") == "PUSH")
        #expect(message.property("User-Id") == nil)
    }

    @Test("a message filled in place is sent as written")
    func filledMessage() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let pull = try context.socket(.pull)
        try pull.bind("tcp://127.0.0.1:*")
        let push = try context.socket(.push)
        try push.connect(try pull.lastEndpoint)
        let message = ZMQMessage(count: 5) { buffer in buffer.copyBytes(from: Array("hello".utf8)) }
        try push.send(message)
        try pull.set(.receiveTimeout(milliseconds: 5000))
        #expect(try pull.receive()?.text == "hello")
    }

    @Test("maxMessageSize drops a peer that sends more, and the receiver keeps working")
    func maxMessageSize() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let pull = try context.socket(.pull)
        try pull.set(.maxMessageSize(1024), .receiveTimeout(milliseconds: 300))
        try pull.bind("tcp://127.0.0.1:*")
        let endpoint = try pull.lastEndpoint
        let big = try context.socket(.push)
        try big.connect(endpoint)
        try big.send(Data(count: 4096))
        #expect(try pull.receive() == nil)
        let small = try context.socket(.push)
        try small.connect(endpoint)
        try small.send("fits")
        try pull.set(.receiveTimeout(milliseconds: 5000))
        #expect(try pull.receive()?.text == "fits")
    }

    @Test("poll waits on several sockets and a file descriptor, and times out when idle")
    func polling() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let a = try context.socket(.pull)
        let b = try context.socket(.pull)
        try a.bind("tcp://127.0.0.1:*")
        try b.bind("tcp://127.0.0.1:*")
        let toB = try context.socket(.push)
        try toB.connect(try b.lastEndpoint)
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer {
            close(fds[0])
            close(fds[1])
        }

        var poller = Poller()
        let ia = poller.register(a)
        let ib = poller.register(b)
        let ip = poller.register(fileDescriptor: fds[0])
        let (idle, elapsed) = try measure { try poller.poll(timeout: .milliseconds(50)) }
        #expect(idle == 0)
        #expect(elapsed >= .milliseconds(40))

        try toB.send("to b")
        #expect(try poller.poll(timeout: .seconds(5)) == 1)
        #expect(!poller.isReadable(ia) && poller.isReadable(ib) && !poller.isReadable(ip))
        #expect(try b.receive(dontWait: true)?.text == "to b")

        var byte: UInt8 = 1
        #expect(write(fds[1], &byte, 1) == 1)
        #expect(try poller.poll(timeout: .seconds(5)) == 1)
        #expect(poller.isReadable(ip))
    }

    @Test("CURVE key pairs: Z85, derivation, and an encrypted round trip")
    func curve() throws {
        #expect(Curve.isAvailable)
        let server = try Curve.generateKeyPair()
        let client = try Curve.generateKeyPair()
        #expect(server.publicKey.count == 40 && Curve.isValidKey(server.secretKey))
        #expect(try Curve.publicKey(forSecretKey: server.secretKey) == server.publicKey)
        #expect(!Curve.isValidKey("too short"))
        let bytes: [UInt8] = [0x86, 0x4F, 0xD2, 0x6F, 0xB5, 0x59, 0xF7, 0x5B]
        #expect(Z85.encode(bytes) == "HelloWorld")
        #expect(Z85.decode("HelloWorld") == bytes)
        #expect(Z85.encode([1, 2, 3]) == nil)

        let context = try ZMQContext()
        defer { context.terminate() }
        let router = try context.socket(.router)
        try router.set(.curveServer(true), .curveSecretKey(server.secretKey), .receiveTimeout(milliseconds: 5000))
        try router.bind("tcp://127.0.0.1:*")
        let dealer = try context.socket(.dealer)
        try dealer.set(
            .curveServerKey(server.publicKey), .curvePublicKey(client.publicKey),
            .curveSecretKey(client.secretKey), .receiveTimeout(milliseconds: 5000))
        try dealer.connect(try router.lastEndpoint)
        #expect(try dealer.mechanism == 2)
        try dealer.send(multipart: [Data(), Data("secret".utf8)])
        let frames = try #require(try router.receiveMultipart())
        #expect(frames.last?.text == "secret")

        // A client with the wrong server key never gets through.
        let intruder = try context.socket(.dealer)
        try intruder.set(
            .curveServerKey(client.publicKey), .curvePublicKey(client.publicKey),
            .curveSecretKey(client.secretKey))
        try intruder.connect(try router.lastEndpoint)
        try intruder.send(multipart: [Data(), Data("let me in".utf8)], dontWait: true)
        try router.set(.receiveTimeout(milliseconds: 300))
        #expect(try router.receiveMultipart() == nil)
        #expect(ZMQLibrary.version.major == 4)
    }
}
