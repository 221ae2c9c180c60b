import Exports
import Foundation
import ODOPMessages
import ODOPRuntime
import ODOPTesting
import Testing

/// docs/PROTOCOL.md's `### exports` section against the code: every JSON example is a message
/// the Swift types read and write back identically (so a misspelled member cannot hide, since
/// readers ignore unknown members), and every command and event type is documented.
@Suite("PROTOCOL.md, exports section")
struct ProtocolSectionTests {
    /// Decodes `value` as `type` and writes it back: the two must be the same JSON.
    static func roundTrip<T: Codable>(_ type: T.Type, _ value: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let decoded = try WireFormat.decode(type, from: value)
        let again = try WireFormat.parse(try WireFormat.encode(decoded))
        #expect(again == value, "\(T.self) does not write back the documented JSON", sourceLocation: sourceLocation)
    }

    /// The schemas by command name: checks arguments and results.
    struct Schema: Sendable {
        let arguments: @Sendable (JSONValue) throws -> Void
        let result: @Sendable (JSONValue) throws -> Void
        init<C: CommandSchema>(_ command: C.Type) {
            arguments = { value in
                _ = try C.decodeArguments(value)
                try ProtocolSectionTests.roundTrip(C.Arguments.self, value)
            }
            result = { try ProtocolSectionTests.roundTrip(C.Result.self, $0) }
        }
    }

    static let schemas: [String: Schema] = Dictionary(uniqueKeysWithValues: [
        (PlanGet.name, Schema(PlanGet.self)), (PlanList.name, Schema(PlanList.self)),
        (PlanPrepare.name, Schema(PlanPrepare.self)), (PlanUpdate.name, Schema(PlanUpdate.self)),
        (PlanAdopt.name, Schema(PlanAdopt.self)), (PlanReview.name, Schema(PlanReview.self)),
        (InterventionUpdate.name, Schema(InterventionUpdate.self)), (FiguresRecord.name, Schema(FiguresRecord.self)),
        (FiguresHistory.name, Schema(FiguresHistory.self)), (FiguresList.name, Schema(FiguresList.self)),
        (PlansReport.name, Schema(PlansReport.self)), (PlanGapsReport.name, Schema(PlanGapsReport.self)),
        (ExportsReport.name, Schema(ExportsReport.self)),
    ])

    static let events: [String: @Sendable (JSONValue) throws -> Void] = [
        ExportPlanDrafted.eventType: { try roundTrip(ExportPlanDrafted.self, $0) },
        ExportPlanPrepared.eventType: { try roundTrip(ExportPlanPrepared.self, $0) },
        ExportPlanAdopted.eventType: { try roundTrip(ExportPlanAdopted.self, $0) },
        ExportPlanArchived.eventType: { try roundTrip(ExportPlanArchived.self, $0) },
        ExportPlanUpdated.eventType: { try roundTrip(ExportPlanUpdated.self, $0) },
        ExportFiguresRecorded.eventType: { try roundTrip(ExportFiguresRecorded.self, $0) },
    ]

    @Test func everyExampleIsAMessageTheTypesReadAndWriteBack() throws {
        let blocks = try ProtocolDocument.jsonBlocks(in: try ProtocolDocument.section("exports")).map {
            try WireFormat.parse(Data($0.utf8))
        }
        #expect(blocks.count >= 15)
        var commandsByRequestId: [String: String] = [:]
        for block in blocks {
            if let command = block["command"]?.stringValue {
                let schema = try #require(Self.schemas[command], "undocumented command \(command) in an example")
                try schema.arguments(block["args"] ?? [:])
                commandsByRequestId[block["id"]?.stringValue ?? ""] = command
            } else if let ok = block["ok"]?.boolValue {
                let command = try #require(commandsByRequestId[block["id"]?.stringValue ?? ""], "a reply without its request")
                let reply = try CommandReply.parse(try WireFormat.encode(block))
                if ok {
                    try Self.schemas[command]!.result(try #require(block["result"]))
                } else {
                    let error = try #require(reply.error)
                    #expect(error.code != .internal)
                    try Self.roundTrip(CommandError.self, try #require(block["error"]))
                }
            } else if let type = block["type"]?.stringValue {
                let envelope = try WireFormat.decode(EventEnvelope.self, from: block)
                #expect(envelope.source == "exports" && envelope.schema == 1)
                let check = try #require(Self.events[type], "undocumented event type \(type)")
                try check(envelope.data)
                #expect(envelope.data["planId"] != nil || type == ExportFiguresRecorded.eventType)
            } else {
                try Self.roundTrip(ExportPlan.self, block)
            }
        }
    }

    @Test func everyCommandAndEventIsDocumented() throws {
        let text = try ProtocolDocument.section("exports")
        var registry = CommandRegistry()
        ExportsService().registerCommands(in: &registry)
        #expect(Set(registry.names) == Set(Self.schemas.keys))
        for name in registry.names {
            #expect(text.contains("| `\(name)` |"), "\(name) is not in the commands table")
        }
        for type in Self.events.keys {
            #expect(text.contains("| `\(type)` |"), "\(type) is not in the events table")
        }
        for change in ExportPlanChange.allCases {
            #expect(text.contains("`\(change.rawValue)`"))
        }
        for category in BottleneckCategory.allCases {
            #expect(text.contains("`\(category.rawValue)`"))
        }
    }
}
