import Foundation
import ODOPMessages
import Testing

@testable import ODOPRuntime

/// The audit trail never holds a secret: `AuditTrail.redacted` replaces the value of every member
/// named `secret` or `previousSecret`, and leaves anything else byte for byte as it was.
@Suite("audit redaction")
struct AuditRedactionTests {
    @Test("a secret member is redacted at any depth; other members and texts are kept")
    func secretsAreRedacted() throws {
        let data = Data(#"{"id":"w-1","nested":[{"secret":"whsec_abc","previousSecret":"whsec_old"}],"secret":"whsec_top","url":"x"}"#.utf8)
        let redacted = try #require(AuditTrail.redacted(data))
        let value = try WireFormat.parse(redacted)
        #expect(
            value
                == [
                    "id": "w-1", "nested": [["secret": "(redacted)", "previousSecret": "(redacted)"]], "secret": "(redacted)",
                    "url": "x",
                ])
        #expect(!String(decoding: redacted, as: UTF8.self).contains("whsec"))
    }

    @Test(
        "data without a secret member name comes back as it was, unparsed",
        arguments: [
            "", "{}", #"{"a":1}"#, #"{"note":"no secrets here","secretive":true}"#, #"{"secret":null}"#, "not json ecret",
            #"ecret""#,
        ])
    func othersAreKept(_ text: String) {
        let data = Data(text.utf8)
        #expect(AuditTrail.redacted(data) == data)
    }

    @Test("the marker is found wherever it lies, and only where it is")
    func markerSearch() {
        #expect(AuditTrail.mayHoldSecret(Data(#"ecret""#.utf8)))
        #expect(AuditTrail.mayHoldSecret(Data(#"{"secret":1}"#.utf8)))
        #expect(AuditTrail.mayHoldSecret(Data((String(repeating: "x", count: 5000) + #"previousSecret""#).utf8)))
        #expect(!AuditTrail.mayHoldSecret(Data()))
        #expect(!AuditTrail.mayHoldSecret(Data(#"ecret"#.utf8)))
        #expect(!AuditTrail.mayHoldSecret(Data(#"{"Secret ":1}"#.utf8)))
        #expect(AuditTrail.redacted(nil) == nil)
    }
}
