import Foundation
import ODOPMessages
import Testing

/// `audit.list`'s arguments and result as the fixtures (and PROTOCOL.md) show them.
@Suite("audit.list golden")
struct AuditGoldenTests {
    @Test func argumentsDecodeAndRoundTrip() throws {
        let json = try WireFormat.parse(Fixture.data("audit-list-args"))
        let args = try AuditList.decodeArguments(json)
        #expect(args == AuditList.Arguments(command: "product.update", district: "UP-firozabad", since: "2026-01-01T00:00:00Z", limit: 50))
        #expect(try WireFormat.parse(WireFormat.encode(args)) == json)
    }

    @Test func resultDecodesAndRoundTrips() throws {
        let json = try WireFormat.parse(Fixture.data("audit-list-result"))
        let result = try WireFormat.decode(AuditList.Result.self, from: json)
        #expect(result.items.first?.who == "officer-firozabad" && result.items.first?.before?["version"] == .int(1))
        #expect(try WireFormat.parse(WireFormat.encode(result)) == json)
    }

    @Test func badArgumentsNameTheirField() {
        for (args, field) in [(#"{"limit": 0}"#, "limit"), (#"{"since": "yesterday"}"#, "since"), (#"{"after": -1}"#, "after")] {
            #expect(throws: CommandError.self) { _ = try AuditList.decodeArguments(try WireFormat.parse(Data(args.utf8))) }
            do {
                _ = try AuditList.decodeArguments(try WireFormat.parse(Data(args.utf8)))
            } catch {
                #expect(error.field == field)
            }
        }
    }
}
