import Foundation
import ODOPMessages
import ODOPTesting
import Testing

/// The `### training` subsection of docs/PROTOCOL.md shows training fixtures (a scheme, request
/// and reply frames, event envelopes); this keeps the two from drifting apart. Tests/TrainingTests'
/// ProtocolSectionTests also round-trips the section's examples through the Swift types and checks
/// that every command the service registers is documented.
@Suite("PROTOCOL.md training section")
struct TrainingProtocolDocumentTests {
    static func fixtureNames() throws -> [String] {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("training-") && $0.hasSuffix(".json") }
            .map { String($0.dropLast(".json".count)) }
            .sorted()
    }

    @Test func everyJSONExampleIsATrainingFixture() throws {
        let fixtures = try Self.fixtureNames().map { try WireFormat.parse(Fixture.data($0)) }
        #expect(fixtures.count >= 140)
        let blocks = ProtocolDocument.jsonBlocks(in: try ProtocolDocument.section("training"))
        #expect(blocks.count >= 30, "the training section shows its fixtures")
        for block in blocks {
            let example = try WireFormat.parse(Data(block.utf8))
            #expect(fixtures.contains(example), "PROTOCOL.md training example matches no training fixture:\n\(block)")
        }
    }

    @Test func showsTheFramesAndEvents() throws {
        let examples = try ProtocolDocument.jsonBlocks(in: try ProtocolDocument.section("training")).map {
            try WireFormat.parse(Data($0.utf8))
        }
        for name in TrainingGoldenTests.frames.map(\.name) + [
            "training-scheme-pm-vishwakarma", "training-application-selected", "training-event-application-submitted",
            "training-event-batch-cancelled", "training-event-stipend-paid", "training-event-artisan-erased",
        ] {
            #expect(examples.contains(try WireFormat.parse(Fixture.data(name))), "\(name) is not shown")
        }
    }

    @Test func namesEveryEventTypeAndVocabulary() throws {
        let section = try ProtocolDocument.section("training")
        for golden in TrainingGoldenTests.events {
            let type = "training." + golden.name.dropFirst("training-event-".count).replacingOccurrences(of: "-", with: ".")
            #expect(section.contains("| `\(type)` |"), "\(type) is not in the events table")
        }
        for word in TrainingKind.allCases.map(\.rawValue) + ToolkitForm.allCases.map(\.rawValue) + StipendStatus.allCases.map(\.rawValue)
            + FunnelGrouping.allCases.map(\.rawValue) + ["up-odop-sdtd", "pm-vishwakarma", "district_industries_office", "state_committee"]
        {
            #expect(section.contains("`\(word)`"), "\(word) is not described")
        }
    }
}
