import Foundation
import GRDB
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

@testable import ODOPRuntime

/// The keys a write puts in the runtime's indexes grow with time, so that a group's entries share
/// each index's last page instead of dirtying a page each (`TimeOrderedUUID`, `TraceIDSource`):
/// the event's id, its correlation id (the request id a `CommandClient` makes), its trace id, and
/// the stored reply's request id.
@Suite("time-ordered index keys", .timeLimit(.minutes(1)))
struct TimeOrderedKeysTests {
    /// The time field of a version 7 UUID's text, or nil if the text is not one.
    private func milliseconds(ofVersion7 id: String) -> UInt64? {
        let characters = Array(id)
        guard id.count == 36, UUID(uuidString: id) != nil, characters[14] == "7", "89ab".contains(characters[19]) else { return nil }
        return UInt64(String(characters[0..<8] + characters[9..<13]), radix: 16)
    }

    @Test("a write's event id, request id, trace id and stored reply key carry the time, first")
    func keysOfAWriteCarryTheTime() async throws {
        let service = try InProcessService(GroupedService())
        defer { Task { await service.stop() } }
        let client = try service.makeClient()
        let before = TimeOrderedUUID.milliseconds(since1970: Date().timeIntervalSince1970)
        for index in 0..<40 { _ = try client.call(GroupedAppend.self, .init(text: "entry \(index)")) }
        let after = TimeOrderedUUID.milliseconds(since1970: Date().timeIntervalSince1970)
        let window = before...after

        let rows = try service.host.store.read { db in
            try Row.fetchAll(db, sql: "SELECT id, correlation_id, trace_id, envelope FROM \(RuntimeSchema.events) ORDER BY seq")
        }
        let replyKeys = try service.host.store.read { db in
            try Set(String.fetchAll(db, sql: "SELECT request_id FROM \(RuntimeSchema.commandReplies)"))
        }
        #expect(rows.count == 40)
        var previous: UInt64 = 0
        for row in rows {
            let id: String = row["id"]
            let envelope = try WireFormat.decode(EventEnvelope.self, from: row["envelope"] as Data)
            let time = try #require(milliseconds(ofVersion7: id), "\(id)")
            // The id names the envelope's own millisecond, and ids grow with seq.
            #expect(RFC3339.string(from: Date(timeIntervalSince1970: Double(time) / 1000)) == envelope.time)
            #expect(window.contains(time) && time >= previous)
            previous = time
            // The request id CommandClient made is version 7 too, and is the stored reply's key.
            let correlationId = try #require(row["correlation_id"] as String?)
            #expect(window.contains(try #require(milliseconds(ofVersion7: correlationId), "\(correlationId)")))
            #expect(replyKeys.contains(correlationId))
            // A trace started for the command: its id begins with the time.
            let traceId = try #require(row["trace_id"] as String?)
            #expect(window.contains(try #require(UInt64(traceId.prefix(12), radix: 16))), "\(traceId)")
        }
        #expect(Set(rows.map { $0["trace_id"] as String }).count == 40)
    }
}
