import Foundation
import ODOPMessages
import Testing

/// The `### catalogue` subsection of docs/PROTOCOL.md shows the catalogue fixtures; this keeps
/// the two from drifting apart (the general part has its own test in ProtocolDocumentTests).
@Suite("PROTOCOL.md catalogue section")
struct CatalogueProtocolDocumentTests {
    /// The text from `### catalogue` up to the next `### ` or `## ` heading.
    static func section() throws -> String {
        let lines = try ProtocolDocumentTests.text().split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex(of: "### catalogue"), "PROTOCOL.md has no ### catalogue")
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("### ") || $0.hasPrefix("## ") } ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n")
    }

    /// The ```json blocks of the section.
    static func jsonBlocks() throws -> [String] {
        var blocks: [String] = []
        var current: [String]?
        for line in try section().split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed == "```json" {
                current = []
            } else if let lines = current, trimmed == "```" {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current?.append(String(line))
            }
        }
        return blocks
    }

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
        let blocks = try Self.jsonBlocks()
        #expect(blocks.count >= 20, "the catalogue section shows its fixtures")
        for block in blocks {
            let example = try WireFormat.parse(Data(block.utf8))
            let isFixture = fixtures.contains(example)
            #expect(isFixture, "PROTOCOL.md catalogue example matches no catalogue fixture:\n\(block)")
        }
    }

    @Test func everyEventEnvelopeIsShown() throws {
        let examples = try Self.jsonBlocks().map { try WireFormat.parse(Data($0.utf8)) }
        for name in [
            "catalogue-event-district-registered", "catalogue-event-product-registered",
            "catalogue-event-product-updated", "catalogue-event-product-retired",
        ] {
            let isShown = examples.contains(try WireFormat.parse(Fixture.data(name)))
            #expect(isShown, "\(name) is not shown")
        }
    }

    @Test func namesEveryCommandAndEvent() throws {
        let section = try Self.section()
        for name in CatalogueCommandNames.all {
            #expect(section.contains("#### `\(name)`"), "no heading for \(name)")
        }
        for type in CatalogueCommandNames.events {
            #expect(section.contains("`\(type)`"), "\(type) is not described")
        }
    }
}
