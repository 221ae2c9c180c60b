import Foundation
import ODOPMessages
import ODOPTesting
import Testing

/// The `### catalogue` subsection of docs/PROTOCOL.md shows the catalogue fixtures; this keeps
/// the two from drifting apart (the general part has its own test in ProtocolDocumentTests).
@Suite("PROTOCOL.md catalogue section")
struct CatalogueProtocolDocumentTests {
    static func catalogueFixtureNames() throws -> [String] {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("catalogue-") && $0.hasSuffix(".json") }
            .map { String($0.dropLast(".json".count)) }
            .sorted()
    }

    @Test func everyJSONExampleIsACatalogueFixture() throws {
        let fixtures = try Self.catalogueFixtureNames().map { try WireFormat.parse(Fixture.data($0)) }
        #expect(fixtures.count >= 30)
        let blocks = ProtocolDocument.jsonBlocks(in: try ProtocolDocument.section("catalogue"))
        #expect(blocks.count >= 20, "the catalogue section shows its fixtures")
        for block in blocks {
            let example = try WireFormat.parse(Data(block.utf8))
            let isFixture = fixtures.contains(example)
            #expect(isFixture, "PROTOCOL.md catalogue example matches no catalogue fixture:\n\(block)")
        }
    }

    @Test func everyEventEnvelopeIsShown() throws {
        let examples = try ProtocolDocument.jsonBlocks(in: try ProtocolDocument.section("catalogue")).map { try WireFormat.parse(Data($0.utf8)) }
        for name in [
            "catalogue-event-district-registered", "catalogue-event-product-registered",
            "catalogue-event-product-updated", "catalogue-event-product-retired",
        ] {
            let isShown = examples.contains(try WireFormat.parse(Fixture.data(name)))
            #expect(isShown, "\(name) is not shown")
        }
    }

    @Test func namesEveryCommandAndEvent() throws {
        let section = try ProtocolDocument.section("catalogue")
        for name in CatalogueCommandNames.all {
            #expect(section.contains("#### `\(name)`"), "no heading for \(name)")
        }
        for type in CatalogueCommandNames.events {
            #expect(section.contains("`\(type)`"), "\(type) is not described")
        }
    }
}
