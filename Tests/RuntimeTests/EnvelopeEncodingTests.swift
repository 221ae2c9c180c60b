import Foundation
import GRDB
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

@testable import ODOPRuntime

@Suite("event envelopes encoded once", .timeLimit(.minutes(1)))
struct EnvelopeEncodingTests {
    @Test("the stored envelope (written around the payload's JSON) is the canonical encoding of the event emit described, escapes and all")
    func storedEnvelopeMatchesTheEmittedOne() async throws {
        let service = try InProcessService(GroupedService())
        defer { Task { await service.stop() } }
        let texts = ["plain", "quote \" backslash \\ slash /", "lines\nand\ttabs\r\u{8}\u{c}", "control \u{1} \u{1f}", "unicode नमस्ते 🧵"]
        let correlationIds = texts.indices.map { $0 == 0 ? nil : "corr \"\($0)\"\n\u{2}" }
        let traceparents = texts.indices.map { $0.isMultiple(of: 2) ? nil : "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" }
        var emitted: [EmittedEvent] = []
        for (index, text) in texts.enumerated() {
            emitted.append(
                try service.host.store.write(correlationId: correlationIds[index], traceparent: traceparents[index]) {
                    try $0.emit(GroupedEntryAppended(text: text))
                })
        }
        #expect(emitted.map(\.seq) == Array(1...Int64(texts.count)))

        let replayed = try service.makeClient().call(EventsReplay.self, .init(after: 0)).events
        #expect(replayed.map(\.id) == emitted.map(\.id))
        #expect(replayed.map(\.seq) == emitted.map(\.seq))
        #expect(replayed.map(\.type) == emitted.map(\.type))
        #expect(replayed.map(\.time) == emitted.map(\.time))
        #expect(replayed.map(\.correlationId) == correlationIds)
        #expect(replayed.map(\.traceparent) == traceparents)
        #expect(replayed.allSatisfy { $0.source == "grouped" && $0.epoch == service.host.store.epoch })
        #expect(try replayed.map { try $0.decodeData(GroupedEntryAppended.self).text } == texts)

        // Byte for byte what the general encoder writes for the same envelope: compact, keys
        // sorted, the same escapes; and its trace id indexed.
        let stored = try service.host.store.read { db in
            try Row.fetchAll(db, sql: "SELECT envelope, trace_id FROM \(RuntimeSchema.events) ORDER BY seq")
        }
        #expect(stored.count == texts.count)
        for (row, envelope) in zip(stored, replayed) {
            let bytes: Data = row["envelope"]
            #expect(bytes == (try WireFormat.encode(envelope)), "\(String(decoding: bytes, as: UTF8.self))")
            #expect((row["trace_id"] as String?) == envelope.traceId)
        }
    }
}
