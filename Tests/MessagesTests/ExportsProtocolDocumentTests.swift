import Foundation
import ODOPMessages
import ODOPTesting
import Testing

/// The `### exports` subsection of docs/PROTOCOL.md shows exports fixtures (records, request and
/// reply frames, event envelopes); this keeps the two from drifting apart. Tests/ExportsTests'
/// ProtocolSectionTests also round-trips the section's examples through the Swift types.
@Suite("PROTOCOL.md exports section")
struct ExportsProtocolDocumentTests {
    static func exportsFixtureNames() throws -> [String] {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("exports-") && $0.hasSuffix(".json") }
            .map { String($0.dropLast(".json".count)) }
            .sorted()
    }

    @Test func everyJSONExampleIsAnExportsFixture() throws {
        let fixtures = try Self.exportsFixtureNames().map { try WireFormat.parse(Fixture.data($0)) }
        #expect(fixtures.count >= 50)
        let blocks = ProtocolDocument.jsonBlocks(in: try ProtocolDocument.section("exports"))
        #expect(blocks.count >= 16, "the exports section shows its fixtures")
        for block in blocks {
            let example = try WireFormat.parse(Data(block.utf8))
            let isFixture = fixtures.contains(example)
            #expect(isFixture, "PROTOCOL.md exports example matches no exports fixture:\n\(block)")
        }
    }

    /// The examples the section must keep showing, by fixture.
    @Test func showsThePlanTheFramesAndTheEvents() throws {
        let examples = try ProtocolDocument.jsonBlocks(in: try ProtocolDocument.section("exports")).map { try WireFormat.parse(Data($0.utf8)) }
        for name in [
            "exports-plan-record-adopted",
            "exports-plan-prepare-request", "exports-plan-prepare-reply",
            "exports-plan-adopt-conflict-request", "exports-plan-adopt-conflict-reply",
            "exports-figures-record-request", "exports-figures-record-reply",
            "exports-figures-record-invalid-year-request", "exports-figures-record-invalid-year-reply",
            "exports-report-exports-request", "exports-report-exports-reply",
            "exports-report-plans-request", "exports-report-plans-reply",
            "exports-event-plan-drafted", "exports-event-plan-updated", "exports-event-figures-recorded",
        ] {
            let isShown = examples.contains(try WireFormat.parse(Fixture.data(name)))
            #expect(isShown, "\(name) is not shown")
        }
    }

    @Test func namesEveryCommandAndEvent() throws {
        let section = try ProtocolDocument.section("exports")
        for name in ExportsCommandNames.all {
            #expect(section.contains("| `\(name)` |"), "\(name) is not in the commands table")
            #expect(section.contains("**`\(name)`**"), "\(name) is not described")
        }
        for type in ExportsCommandNames.events {
            #expect(section.contains("| `\(type)` |"), "\(type) is not in the events table")
        }
        for change in ExportPlanChange.allCases {
            #expect(section.contains("`\(change.rawValue)`"), "change \(change.rawValue) is not described")
        }
    }
}
