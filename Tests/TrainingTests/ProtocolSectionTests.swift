import Foundation
import ODOPMessages
import ODOPRuntime
import ODOPTesting
import Testing
import Training

/// docs/PROTOCOL.md's `### training` section against the code: every JSON example is a message
/// the Swift types read and write back identically, every command the service registers is in
/// the commands table, and every mutating one is listed as such.
@Suite("PROTOCOL.md, training section")
struct ProtocolSectionTests {
    static func roundTrip<T: Codable>(_ type: T.Type, _ value: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let decoded = try WireFormat.decode(type, from: value)
        let again = try WireFormat.parse(try WireFormat.encode(decoded))
        #expect(again == value, "\(T.self) does not write back the documented JSON", sourceLocation: sourceLocation)
    }

    struct Schema: Sendable {
        let mutating: Bool
        let arguments: @Sendable (JSONValue) throws -> Void
        let result: @Sendable (JSONValue) throws -> Void
        init<C: CommandSchema>(_ command: C.Type) {
            mutating = C.isMutating
            arguments = { value in
                _ = try C.decodeArguments(value)
                try ProtocolSectionTests.roundTrip(C.Arguments.self, value)
            }
            result = { try ProtocolSectionTests.roundTrip(C.Result.self, $0) }
        }
    }

    static let schemas: [String: Schema] = Dictionary(
        uniqueKeysWithValues: ([
            SchemeList.self, SchemeGet.self, SchemeDefine.self, SchemeUpdate.self, ArtisanRegister.self, ArtisanGet.self,
            ArtisanList.self, ArtisanExport.self, ArtisanCorrect.self, ArtisanConsentGive.self, ArtisanConsentWithdraw.self,
            ArtisanErase.self, ApplicationSubmit.self, ApplicationsImport.self, ApplicationGet.self, ApplicationList.self,
            ApplicationVerify.self, ApplicationSelect.self, ApplicationReject.self, BatchSchedule.self, BatchGet.self,
            BatchList.self, BatchStart.self, BatchComplete.self, BatchCancel.self, EnrolmentCreate.self, EnrolmentGet.self,
            EnrolmentComplete.self, EnrolmentDrop.self, AttendanceRecord.self, AssessmentRecord.self, CertificateIssue.self,
            CertificateVerify.self, ToolkitIssue.self, ToolkitGet.self, ToolkitRedeem.self, ToolkitDeliver.self,
            StipendList.self, PaymentBatchCreate.self, PaymentRecord.self, FunnelReport.self, CoverageReport.self,
            AgeingReport.self, StipendReconciliation.self,
        ] as [any CommandSchema.Type]).map { ($0.name, Self.schema($0)) })

    static func schema<C: CommandSchema>(_ command: C.Type) -> Schema { Schema(command) }

    static let events: [String: @Sendable (JSONValue) throws -> Void] = [
        ApplicationSubmitted.eventType: { try roundTrip(ApplicationSubmitted.self, $0) },
        ApplicationVerified.eventType: { try roundTrip(ApplicationVerified.self, $0) },
        ApplicationSelected.eventType: { try roundTrip(ApplicationSelected.self, $0) },
        ApplicationRejected.eventType: { try roundTrip(ApplicationRejected.self, $0) },
        BatchScheduled.eventType: { try roundTrip(BatchScheduled.self, $0) },
        BatchStarted.eventType: { try roundTrip(BatchStarted.self, $0) },
        BatchCompleted.eventType: { try roundTrip(BatchCompleted.self, $0) },
        BatchCancelled.eventType: { try roundTrip(BatchCancelled.self, $0) },
        EnrolmentCreated.eventType: { try roundTrip(EnrolmentCreated.self, $0) },
        EnrolmentCompleted.eventType: { try roundTrip(EnrolmentCompleted.self, $0) },
        EnrolmentDropped.eventType: { try roundTrip(EnrolmentDropped.self, $0) },
        CertificateIssued.eventType: { try roundTrip(CertificateIssued.self, $0) },
        ToolkitIssued.eventType: { try roundTrip(ToolkitIssued.self, $0) },
        ToolkitRedeemed.eventType: { try roundTrip(ToolkitRedeemed.self, $0) },
        ToolkitDelivered.eventType: { try roundTrip(ToolkitDelivered.self, $0) },
        StipendPaid.eventType: { try roundTrip(StipendPaid.self, $0) },
        ArtisanErased.eventType: { try roundTrip(ArtisanErased.self, $0) },
    ]

    @Test func everyExampleIsAMessageTheTypesReadAndWriteBack() throws {
        let blocks = try ProtocolDocument.jsonBlocks(in: try ProtocolDocument.section("training")).map {
            try WireFormat.parse(Data($0.utf8))
        }
        #expect(blocks.count >= 30)
        var commandsByRequestId: [String: String] = [:]
        for block in blocks {
            if let command = block["command"]?.stringValue {
                let schema = try #require(Self.schemas[command], "undocumented command \(command) in an example")
                try schema.arguments(block["args"] ?? [:])
                commandsByRequestId[block["id"]?.stringValue ?? ""] = command
            } else if let ok = block["ok"]?.boolValue {
                let command = try #require(commandsByRequestId[block["id"]?.stringValue ?? ""], "a reply without its request")
                if ok {
                    try Self.schemas[command]!.result(try #require(block["result"]))
                } else {
                    let errorJSON = try #require(block["error"])
                    let error = try WireFormat.decode(CommandError.self, from: errorJSON)
                    #expect(error.code != .internal)
                    #expect(error.field != nil)
                    try Self.roundTrip(CommandError.self, errorJSON)
                }
            } else if let type = block["type"]?.stringValue {
                let envelope = try WireFormat.decode(EventEnvelope.self, from: block)
                #expect(envelope.source == "training" && envelope.schema == 1)
                let check = try #require(Self.events[type], "undocumented event type \(type)")
                try check(envelope.data)
            } else if block["parameters"] != nil {
                try Self.roundTrip(TrainingScheme.self, block)
            } else {
                try Self.roundTrip(TrainingApplication.self, block)
            }
        }
    }

    @Test func everyCommandIsDocumentedAndMutatingOnesAreListed() throws {
        let text = try ProtocolDocument.section("training")
        var registry = CommandRegistry()
        TrainingService().registerCommands(in: &registry)
        #expect(Set(registry.names) == Set(Self.schemas.keys))
        let mutatingList = try #require(text.range(of: "Mutating (role `admin` under CURVE):")).upperBound
        let listed = String(text[mutatingList...].prefix(1500))
        for name in registry.names {
            #expect(text.contains("| `\(name)` |"), "\(name) is not in the commands table")
            if Self.schemas[name]!.mutating { #expect(listed.contains("`\(name)`"), "\(name) is not listed as mutating") }
        }
        for type in Self.events.keys {
            #expect(text.contains("| `\(type)` |"), "\(type) is not in the events table")
        }
    }
}
