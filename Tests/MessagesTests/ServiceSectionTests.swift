import Foundation
import ODOPMessages
import ODOPTesting
import Testing

/// What docs/PROTOCOL.md's section of a service (`### catalogue`, `### exports`, ...) must show,
/// checked the same way for every service: its JSON examples are that service's golden fixtures
/// (so neither drifts from the other), every event fixture is shown, and every command and event
/// type is named. A new service adds one `ServiceSection`.
struct ServiceSection: Sendable, CustomTestStringConvertible {
    let name: String
    let commands: [String]
    let events: [String]
    /// Fixtures the section must keep showing (its event envelopes and key frames).
    let shown: [String]
    let minimumExamples: Int
    /// How the section names each command and event type: `{}` stands for the name.
    var commandForms = ["`{}`"]
    var eventForms = ["`{}`"]

    var testDescription: String { name }

    static let all: [ServiceSection] = [
        ServiceSection(
            name: "catalogue", commands: CatalogueCommandNames.all, events: CatalogueCommandNames.events,
            shown: [
                "catalogue-event-district-registered", "catalogue-event-product-registered",
                "catalogue-event-product-updated", "catalogue-event-product-retired",
            ],
            minimumExamples: 20, commandForms: ["#### `{}`"]),
        ServiceSection(
            name: "exports", commands: ExportsCommandNames.all, events: ExportsCommandNames.events,
            shown: [
                "exports-plan-record-adopted",
                "exports-plan-prepare-request", "exports-plan-prepare-reply",
                "exports-plan-adopt-conflict-request", "exports-plan-adopt-conflict-reply",
                "exports-figures-record-request", "exports-figures-record-reply",
                "exports-figures-record-invalid-year-request", "exports-figures-record-invalid-year-reply",
                "exports-report-exports-request", "exports-report-exports-reply",
                "exports-report-plans-request", "exports-report-plans-reply",
                "exports-event-plan-drafted", "exports-event-plan-updated", "exports-event-figures-recorded",
            ],
            minimumExamples: 16, commandForms: ["| `{}` |", "**`{}`**"], eventForms: ["| `{}` |"]),
        ServiceSection(
            name: "notifications", commands: NotificationsCommandNames.all, events: NotificationsCommandNames.events,
            shown: [
                "notifications-subscription-record", "notifications-webhook-body",
                "notifications-subscription-create-request", "notifications-subscription-create-reply",
                "notifications-subscription-create-retried-reply",
                "notifications-subscription-create-forbidden-request", "notifications-subscription-create-forbidden-reply",
                "notifications-delivery-retry-request", "notifications-delivery-retry-reply",
                "notifications-event-delivery-sent", "notifications-event-delivery-dead",
                "notifications-event-subscription-disabled",
            ],
            minimumExamples: 20, commandForms: ["| `{}` |", "**`{}`**"], eventForms: ["| `{}` |"]),
    ]

    func fixtureNames() throws -> [String] {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("\(name)-") && $0.hasSuffix(".json") }
            .map { String($0.dropLast(".json".count)) }
            .sorted()
    }

    func examples() throws -> [JSONValue] {
        try ProtocolDocument.jsonBlocks(in: try ProtocolDocument.section(name)).map { try WireFormat.parse(Data($0.utf8)) }
    }
}

@Suite("PROTOCOL.md service sections")
struct ServiceSectionTests {
    @Test("every JSON example of the section is one of the service's fixtures", arguments: ServiceSection.all)
    func everyExampleIsAFixture(_ section: ServiceSection) throws {
        let fixtures = try section.fixtureNames().map { try WireFormat.parse(Fixture.data($0)) }
        let examples = try section.examples()
        #expect(examples.count >= section.minimumExamples, "the \(section.name) section shows its fixtures")
        for example in examples {
            #expect(fixtures.contains(example), "PROTOCOL.md \(section.name) example matches no \(section.name) fixture:\n\(example)")
        }
    }

    @Test("its event envelopes and key frames are shown", arguments: ServiceSection.all)
    func eventsAndKeyFramesAreShown(_ section: ServiceSection) throws {
        let examples = try section.examples()
        #expect(!section.shown.isEmpty)
        for name in section.shown {
            #expect(examples.contains(try WireFormat.parse(Fixture.data(name))), "\(name) is not shown")
        }
    }

    @Test("every command and event type is named", arguments: ServiceSection.all)
    func namesEveryCommandAndEvent(_ section: ServiceSection) throws {
        let text = try ProtocolDocument.section(section.name)
        for name in section.commands {
            for form in section.commandForms {
                let shown = form.replacingOccurrences(of: "{}", with: name)
                #expect(text.contains(shown), "\(shown) is not in the \(section.name) section")
            }
        }
        for type in section.events {
            for form in section.eventForms {
                let shown = form.replacingOccurrences(of: "{}", with: type)
                #expect(text.contains(shown), "\(shown) is not in the \(section.name) section")
            }
        }
    }
}
