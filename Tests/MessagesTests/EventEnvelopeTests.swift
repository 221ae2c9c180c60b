import Foundation
import ODOPMessages
import Testing

private struct ProductRetired: EventPayload, Equatable {
    static let eventType = "catalogue.product.retired"
    static let schemaVersion = 2
    var id: String
    var version: Int
    var reason: String?
}

@Suite("EventEnvelope")
struct EventEnvelopeTests {
    @Test func makeTakesTypeAndSchemaFromThePayload() throws {
        let time = try #require(RFC3339.date(from: "2026-11-23T07:05:01.123Z"))
        let envelope = try EventEnvelope.make(
            ProductRetired(id: "prd_1", version: 4, reason: nil), source: "catalogue", seq: 7, correlationId: "req-9",
            time: time)
        #expect(envelope.type == "catalogue.product.retired")
        #expect(envelope.topic == "catalogue.product.retired")
        #expect(envelope.schema == 2)
        #expect(envelope.seq == 7)
        #expect(envelope.time == "2026-11-23T07:05:01.123Z")
        #expect(envelope.date == time)
        #expect(envelope.data == ["id": "prd_1", "version": 4])
        #expect(envelope.id.count == 36 && envelope.id == envelope.id.lowercased())
        #expect(!envelope.isHeartbeat)
        #expect(try envelope.decodeData(ProductRetired.self) == ProductRetired(id: "prd_1", version: 4, reason: nil))
    }

    @Test func nullSeqAndCorrelationAreAlwaysWritten() throws {
        let envelope = EventEnvelope(
            id: "e", type: "t", schema: 1, source: "s", seq: nil, time: "2026-01-01T00:00:00.000Z",
            correlationId: nil, data: [:])
        let text = String(decoding: try WireFormat.encode(envelope), as: UTF8.self)
        #expect(text.contains(#""seq":null"#))
        #expect(text.contains(#""correlationId":null"#))
        #expect(try WireFormat.decode(EventEnvelope.self, from: Data(text.utf8)) == envelope)
    }

    @Test func heartbeats() throws {
        #expect(EventEnvelope.heartbeatType(for: "exports") == "exports.heartbeat")
        let beat = EventEnvelope.heartbeat(source: "exports", lastSeq: 12)
        #expect(beat.type == "exports.heartbeat")
        #expect(beat.seq == nil && beat.correlationId == nil)
        #expect(beat.isHeartbeat)
        #expect(beat.heartbeat == Heartbeat(lastSeq: 12))
        #expect(try beat.decodeData(Heartbeat.self) == Heartbeat(lastSeq: 12))
        #expect(Samples.productRegistered.heartbeat == nil)
        // Only a heartbeat of its own source is one.
        var other = beat
        other.source = "catalogue"
        #expect(!other.isHeartbeat && other.heartbeat == nil)
        other.type = "catalogue.heartbeat"
        #expect(other.isHeartbeat)
        other.type = "xcatalogue.heartbeat"
        #expect(!other.isHeartbeat)
        other.type = "catalogue.heartbeats"
        #expect(!other.isHeartbeat)
    }

    @Test func undecodableDataNamesTheField() {
        let error = #expect(throws: CommandError.self) {
            try Samples.districtRegistered.decodeData(ProductRetired.self)  // a district has no version
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.field == "version")
        #expect(error?.message.contains("catalogue.district.registered") == true)
    }

    @Test func missingEnvelopeFieldsAreNamed() throws {
        // seq and correlationId may be absent (read as null); nothing else may.
        let minimal = try WireFormat.decode(
            EventEnvelope.self, from: Data(#"{"id":"e","type":"t","schema":1,"source":"s","time":"x","data":{}}"#.utf8))
        #expect(minimal.seq == nil && minimal.correlationId == nil)
        let missingData = #expect(throws: CommandError.self) {
            try WireFormat.decode(
                EventEnvelope.self, from: Data(#"{"id":"e","type":"t","schema":1,"source":"s","time":"x"}"#.utf8))
        }
        #expect(missingData?.field == "data")
    }
}
