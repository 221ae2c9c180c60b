import Foundation
import Testing
import ZeroMQ

@Suite("PUB/SUB", .timeLimit(.minutes(1)))
struct PubSubTests {
    /// Publishes probes until the subscriber sees one, so later messages are not lost to the
    /// slow-joiner window.
    private func waitUntilJoined(_ pub: ZMQSocket, _ sub: ZMQSocket, topic: String) throws {
        try sub.set(.receiveTimeout(milliseconds: 20))
        for _ in 0..<500 {
            try pub.send(multipart: [Data(topic.utf8), Data("probe".utf8)])
            if try sub.receiveMultipart() != nil { break }
        }
        while try sub.receiveMultipart(dontWait: true) != nil {}
        try sub.set(.receiveTimeout(milliseconds: 2000))
    }

    @Test("topic prefix filtering delivers only matching topics, with all frames")
    func prefixFiltering() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let pub = try context.socket(.pub)
        try pub.bind("tcp://127.0.0.1:*")
        let sub = try context.socket(.sub)
        try sub.set(.subscribe(Data("catalogue.product.".utf8)), .subscribe(Data("sync".utf8)))
        try sub.connect(try pub.lastEndpoint)
        try waitUntilJoined(pub, sub, topic: "sync")

        let topics = [
            "catalogue.product.registered", "exports.plan.drafted", "catalogue.district.registered",
            "catalogue.product.retired", "catalogue.productish",
        ]
        for (i, topic) in topics.enumerated() {
            try pub.send(multipart: [Data(topic.utf8), Data("{\"n\":\(i)}".utf8), Data("third".utf8)])
        }
        try pub.send(multipart: [Data("sync".utf8), Data("end".utf8)])

        var received: [[String]] = []
        while let frames = try sub.receiveMultipart() {
            let texts = frames.map(\.text)
            if texts[0] == "sync" { break }
            received.append(texts)
        }
        #expect(
            received == [
                ["catalogue.product.registered", "{\"n\":0}", "third"],
                ["catalogue.product.retired", "{\"n\":3}", "third"],
            ])
    }

    @Test("100,000 messages arrive complete and in order")
    func hundredThousandInOrder() async throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let pub = try context.socket(.pub)
        try pub.set(.sendHighWaterMark(0))
        try pub.bind("tcp://127.0.0.1:*")
        let endpoint = try pub.lastEndpoint
        let sub = try context.socket(.sub)
        try sub.set(.receiveHighWaterMark(0), .subscribe(Data("t".utf8)))
        try sub.connect(endpoint)
        try waitUntilJoined(pub, sub, topic: "t.sync")

        let total = 100_000
        let receiver = Task {
            try await onThread { () throws -> (Int, Int) in
                var next = 0
                var outOfOrder = 0
                while next < total {
                    guard let frames = try sub.receiveMultipart() else { break }
                    guard frames.count == 2 else {
                        outOfOrder += 1
                        continue
                    }
                    let n = Int(frames[1].text) ?? -1
                    if n != next { outOfOrder += 1 }
                    next = n + 1
                }
                return (next, outOfOrder)
            }
        }
        try await onThread {
            for n in 0..<total {
                try pub.send(multipart: [Data("t.data".utf8), Data(String(n).utf8)])
            }
        }
        let (count, outOfOrder) = try await receiver.value
        #expect(count == total)
        #expect(outOfOrder == 0)
    }
}
