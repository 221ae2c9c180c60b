import Foundation
import ODOPClient
import ODOPMessages
import ODOPRuntime
import ODOPTesting
import Testing

@Suite("event envelopes encoded once", .timeLimit(.minutes(1)))
struct EnvelopeEncodingTests {
    @Test("the stored envelope (written around the payload's JSON) is the envelope emit returned, escapes and all")
    func storedEnvelopeMatchesTheEmittedOne() async throws {
        let service = try InProcessService(GroupedService())
        defer { Task { await service.stop() } }
        let texts = ["plain", "quote \" backslash \\ slash /", "lines\nand\ttabs\r\u{8}\u{c}", "control \u{1} \u{1f}", "unicode नमस्ते 🧵"]
        var emitted: [EventEnvelope] = []
        for (index, text) in texts.enumerated() {
            let traceparent = index.isMultiple(of: 2) ? nil : "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
            emitted.append(
                try service.host.store.write(correlationId: index == 0 ? nil : "corr \"\(index)\"\n", traceparent: traceparent) {
                    try $0.emit(GroupedEntryAppended(text: text))
                })
        }
        let replayed = try service.makeClient().call(EventsReplay.self, .init(after: 0)).events
        #expect(replayed == emitted)
        #expect(try replayed.map { try $0.decodeData(GroupedEntryAppended.self).text } == texts)
        for envelope in replayed {
            let reencoded = try WireFormat.parse(WireFormat.encode(envelope))
            #expect(try WireFormat.parse(WireFormat.encode(emitted[Int(envelope.seq! - 1)])) == reencoded)
        }
    }
}
