import Foundation
import ODOPMessages
import Testing

/// Golden fixtures `Fixtures/exports-*.json` for every exports record, event and command
/// (Shared/Messages/Exports), checked both ways with `assertGolden`. The request and reply frames
/// are the ones docs/PROTOCOL.md's `### exports` section shows.
@Suite("Exports golden fixtures")
struct ExportsGoldenTests {
    typealias S = ExportsSamples

    static func fixture(_ name: String) throws -> JSONValue { try WireFormat.parse(Fixture.data(name)) }

    static func assertRequest(
        _ request: CommandRequest, fixture name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try assertGolden(
            request, fixture: name, encode: { try $0.encoded() }, decode: { try CommandRequest.parse($0).get() },
            sourceLocation: sourceLocation)
    }

    static func assertReply(
        _ reply: CommandReply, fixture name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try assertGolden(
            reply, fixture: name, encode: { try $0.encoded() }, decode: { try CommandReply.parse($0) },
            sourceLocation: sourceLocation)
    }

    // MARK: Records

    @Test func planParts() throws {
        try assertGolden(S.glassBangles, fixture: "exports-plan-product")
        try assertGolden(S.fewDirectBuyers, fixture: "exports-bottleneck")
        try assertGolden(S.furnaceCentre, fixture: "exports-intervention")
        try assertGolden(S.adoption, fixture: "exports-depc-adoption")
        try assertGolden(S.reviewNote, fixture: "exports-sepc-review-note")

        // The full plan's parts are these, with the intervention under way.
        let plan = try Self.fixture("exports-plan-record-adopted")
        #expect(plan["products"]?[0] == (try Self.fixture("exports-plan-product")))
        #expect(plan["bottlenecks"]?[0] == (try Self.fixture("exports-bottleneck")))
        #expect(plan["depcAdoption"] == (try Self.fixture("exports-depc-adoption")))
        #expect(plan["sepcReviewNotes"]?[0] == (try Self.fixture("exports-sepc-review-note")))
        #expect(plan["interventions"]?[0]?["status"] == "in_progress")
    }

    @Test func planRecordDraftWithoutOptionalParts() throws {
        try assertGolden(S.firozabadDraft, fixture: "exports-plan-record-draft")
        let object = try JSONValue(encoding: S.firozabadDraft)
        #expect(object["depcAdoption"] == nil, "an absent depcAdoption is omitted, not null")
        for list in ["targetMarkets", "bottlenecks", "interventions", "sepcReviewNotes"] {
            #expect(object[list] == [], "\(list) is always present, empty here")
        }
    }

    @Test func planRecordPrepared() throws {
        try assertGolden(S.firozabadPrepared, fixture: "exports-plan-record-prepared")
        #expect(try JSONValue(encoding: S.firozabadPrepared)["depcAdoption"] == nil)
    }

    @Test func planRecordAdoptedWithEveryOptionalPart() throws {
        let plan = S.firozabadReviewed
        #expect(plan.status == .adopted && plan.depcAdoption != nil)
        #expect(!plan.products.isEmpty && !plan.targetMarkets.isEmpty && !plan.bottlenecks.isEmpty)
        #expect(!plan.interventions.isEmpty && !plan.sepcReviewNotes.isEmpty)
        try assertGolden(plan, fixture: "exports-plan-record-adopted")
    }

    @Test func planRecordArchivedKeepsItsRetiredProduct() throws {
        try assertGolden(S.agraArchived, fixture: "exports-plan-record-archived")
        #expect(S.agraArchived.products.map(\.status) == [.retired])
    }

    @Test func figureRecordCorrectingAPreviousValue() throws {
        try assertGolden(S.banglesRevision2, fixture: "exports-figure-record")
        let object = try JSONValue(encoding: S.banglesRevision2)
        #expect(object["valueINRCrore"] == .double(1250.5) && object["previousValueINRCrore"] == 1200)
    }

    @Test func figureRecordFirstRevisionWithoutPreviousValue() throws {
        try assertGolden(S.banglesRevision1, fixture: "exports-figure-record-minimal")
        #expect(try JSONValue(encoding: S.banglesRevision1)["previousValueINRCrore"] == nil)
    }

    // MARK: Events

    @Test func planDrafted() throws {
        let envelope = try S.planDrafted()
        try assertGolden(envelope, fixture: "exports-event-plan-drafted")
        #expect(envelope.type == "exports.plan.drafted" && envelope.schema == 1 && envelope.source == "exports")
        #expect(try envelope.decodeData(ExportPlanDrafted.self) == ExportPlanDrafted(S.firozabadDraft))
    }

    @Test func planPrepared() throws {
        let envelope = try S.planPrepared()
        try assertGolden(envelope, fixture: "exports-event-plan-prepared")
        #expect(envelope.type == "exports.plan.prepared" && envelope.schema == 1)
        #expect(try envelope.decodeData(ExportPlanPrepared.self) == ExportPlanPrepared(S.firozabadPrepared))
    }

    @Test func planAdopted() throws {
        let envelope = try S.planAdopted()
        try assertGolden(envelope, fixture: "exports-event-plan-adopted")
        #expect(envelope.type == "exports.plan.adopted" && envelope.schema == 1)
        #expect(try envelope.decodeData(ExportPlanAdopted.self) == ExportPlanAdopted(S.firozabadAdopted))
    }

    @Test func planArchived() throws {
        let envelope = try S.planArchived()
        try assertGolden(envelope, fixture: "exports-event-plan-archived")
        #expect(envelope.type == "exports.plan.archived" && envelope.schema == 1)
        #expect(try envelope.decodeData(ExportPlanArchived.self) == ExportPlanArchived(S.agraArchived))
    }

    @Test(arguments: [
        ("exports-event-plan-updated", ExportPlanChange.productAdded),
        ("exports-event-plan-updated-content", .contentUpdated),
        ("exports-event-plan-updated-review", .reviewNoted),
        ("exports-event-plan-updated-intervention", .interventionUpdated),
    ])
    func planUpdated(fixture: String, change: ExportPlanChange) throws {
        let samples: [ExportPlanChange: (envelope: EventEnvelope, plan: ExportPlan)] = [
            .productAdded: (try S.planUpdatedProductAdded(), S.firozabadWithGlassware),
            .contentUpdated: (try S.planUpdatedContent(), S.agraUpdated),
            .reviewNoted: (try S.planUpdatedReviewNoted(), S.firozabadReviewed),
            .interventionUpdated: (try S.planUpdatedInterventionDone(), S.firozabadInterventionDone),
        ]
        let sample = try #require(samples[change])
        try assertGolden(sample.envelope, fixture: fixture)
        #expect(sample.envelope.type == "exports.plan.updated" && sample.envelope.schema == 1)
        #expect(sample.envelope.data["change"] == .string(change.rawValue))
        let payload = try sample.envelope.decodeData(ExportPlanUpdated.self)
        #expect(payload == ExportPlanUpdated(sample.plan, change: change))
    }

    @Test func figuresRecorded() throws {
        let envelope = try S.figuresRecorded()
        try assertGolden(envelope, fixture: "exports-event-figures-recorded")
        #expect(envelope.type == "exports.figures.recorded" && envelope.schema == 1)
        #expect(envelope.correlationId == S.figuresRecordRequestID)
        #expect(try envelope.decodeData(ExportFiguresRecorded.self) == ExportFiguresRecorded(S.banglesRevision2))
    }

    /// An event's `data` is the record itself, member for member (not `{"plan": {...}}`);
    /// `exports.plan.updated` adds `change` beside the plan's members.
    @Test func payloadsEncodeFlatAsTheirRecord() throws {
        let plan = try JSONValue(encoding: S.firozabadReviewed)
        for payload in [
            try JSONValue(encoding: ExportPlanDrafted(S.firozabadReviewed)),
            try JSONValue(encoding: ExportPlanPrepared(S.firozabadReviewed)),
            try JSONValue(encoding: ExportPlanAdopted(S.firozabadReviewed)),
            try JSONValue(encoding: ExportPlanArchived(S.firozabadReviewed)),
        ] {
            #expect(payload == plan)
            #expect(payload["plan"] == nil)
        }

        let updated = try JSONValue(encoding: ExportPlanUpdated(S.firozabadReviewed, change: .reviewNoted))
        var members = try #require(plan.objectValue)
        members["change"] = "review_noted"
        #expect(updated == .object(members))
        #expect(updated["plan"] == nil)

        let figure = try JSONValue(encoding: ExportFiguresRecorded(S.banglesRevision2))
        #expect(figure == (try JSONValue(encoding: S.banglesRevision2)))
        #expect(figure["figure"] == nil)

        // Each event fixture's data reads as the record itself (an updated one's `change` aside).
        let adopted = try WireFormat.decode(EventEnvelope.self, from: Fixture.data("exports-event-plan-adopted"))
        #expect(try adopted.decodeData(ExportPlan.self) == S.firozabadAdopted)
        let reviewed = try WireFormat.decode(
            EventEnvelope.self, from: Fixture.data("exports-event-plan-updated-review"))
        #expect(try reviewed.decodeData(ExportPlan.self) == S.firozabadReviewed)
        let recorded = try WireFormat.decode(EventEnvelope.self, from: Fixture.data("exports-event-figures-recorded"))
        #expect(try recorded.decodeData(ExportFigure.self) == S.banglesRevision2)
    }

    /// The results of the plan and figure commands are the records their events carry.
    @Test func eventDataMatchRecordAndResultFixtures() throws {
        func data(_ name: String) throws -> JSONValue {
            try WireFormat.decode(EventEnvelope.self, from: Fixture.data(name)).data
        }
        #expect(try data("exports-event-plan-drafted") == Self.fixture("exports-plan-record-draft"))
        #expect(try data("exports-event-plan-prepared") == Self.fixture("exports-plan-prepare-result"))
        #expect(try data("exports-event-plan-prepared") == Self.fixture("exports-plan-record-prepared"))
        #expect(try data("exports-event-plan-adopted") == Self.fixture("exports-plan-adopt-result"))
        #expect(try data("exports-event-plan-archived") == Self.fixture("exports-plan-record-archived"))
        #expect(try data("exports-event-figures-recorded") == Self.fixture("exports-figures-record-result"))
        #expect(try data("exports-event-figures-recorded") == Self.fixture("exports-figure-record"))

        // `exports.plan.updated`: the command's result plus `change`.
        for (event, result, change) in [
            ("exports-event-plan-updated-content", "exports-plan-update-result", "content_updated"),
            ("exports-event-plan-updated-review", "exports-plan-review-result", "review_noted"),
            ("exports-event-plan-updated-intervention", "exports-intervention-update-result", "intervention_updated"),
        ] {
            var members = try #require(try Self.fixture(result).objectValue)
            members["change"] = .string(change)
            #expect(try data(event) == .object(members), "\(event)")
            #expect(
                try WireFormat.decode(ExportPlan.self, from: data(event))
                    == WireFormat.decode(
                        ExportPlan.self, from: Self.fixture(result)))
        }
        #expect(try Self.fixture("exports-plan-review-result") == Self.fixture("exports-plan-record-adopted"))
    }

    // MARK: Commands

    @Test func planGet() throws {
        try assertGolden(S.planGetArguments, fixture: "exports-plan-get-args")
        try assertGolden(S.planGetByDistrictArguments, fixture: "exports-plan-get-by-district-args")
        try assertGolden(S.firozabadReviewed, fixture: "exports-plan-get-result")
    }

    @Test func planList() throws {
        try assertGolden(S.planListArguments, fixture: "exports-plan-list-args")
        try assertGolden(S.planListResult, fixture: "exports-plan-list-result")
    }

    @Test func planPrepare() throws {
        try assertGolden(S.planPrepareArguments, fixture: "exports-plan-prepare-args")
        try assertGolden(S.firozabadPrepared, fixture: "exports-plan-prepare-result")
        try Self.assertRequest(
            S.request(PlanPrepare.self, id: S.planPrepareRequestID, S.planPrepareArguments),
            fixture: "exports-plan-prepare-request")
        try Self.assertReply(
            S.success(PlanPrepare.self, id: S.planPrepareRequestID, S.firozabadPrepared),
            fixture: "exports-plan-prepare-reply")
    }

    @Test func planUpdate() throws {
        try assertGolden(S.planUpdateArguments, fixture: "exports-plan-update-args")
        try assertGolden(S.agraUpdated, fixture: "exports-plan-update-result")
        let arguments = try Self.fixture("exports-plan-update-args")
        #expect(arguments["targetMarkets"] == nil && arguments["bottlenecks"] == nil, "lists left out are omitted")
        #expect(arguments["interventions"]?[0]?["id"] == "i1" && arguments["interventions"]?[1]?["id"] == nil)
    }

    @Test func planAdopt() throws {
        try assertGolden(S.planAdoptArguments, fixture: "exports-plan-adopt-args")
        try assertGolden(S.firozabadAdopted, fixture: "exports-plan-adopt-result")
    }

    @Test func planAdoptOfADraftIsAConflict() throws {
        try Self.assertRequest(
            S.request(PlanAdopt.self, id: S.planAdoptDraftRequestID, S.planAdoptDraftArguments),
            fixture: "exports-plan-adopt-conflict-request")
        let reply = CommandReply.failure(id: S.planAdoptDraftRequestID, error: S.planAdoptDraftError)
        try Self.assertReply(reply, fixture: "exports-plan-adopt-conflict-reply")
        #expect(reply.error?.code == .conflict && reply.error?.field == nil)
    }

    @Test func planReview() throws {
        try assertGolden(S.planReviewArguments, fixture: "exports-plan-review-args")
        try assertGolden(S.firozabadReviewed, fixture: "exports-plan-review-result")
    }

    @Test func interventionUpdate() throws {
        try assertGolden(S.interventionUpdateArguments, fixture: "exports-intervention-update-args")
        try assertGolden(S.firozabadInterventionDone, fixture: "exports-intervention-update-result")
    }

    @Test func figuresRecord() throws {
        try assertGolden(S.figuresRecordArguments, fixture: "exports-figures-record-args")
        try assertGolden(S.banglesRevision2, fixture: "exports-figures-record-result")
        try Self.assertRequest(
            S.request(FiguresRecord.self, id: S.figuresRecordRequestID, S.figuresRecordArguments),
            fixture: "exports-figures-record-request")
        try Self.assertReply(
            S.success(FiguresRecord.self, id: S.figuresRecordRequestID, S.banglesRevision2),
            fixture: "exports-figures-record-reply")
    }

    @Test func figuresRecordWithAnInvalidFinancialYear() throws {
        try Self.assertRequest(
            S.request(FiguresRecord.self, id: S.figuresRecordBadYearRequestID, S.figuresRecordBadYearArguments),
            fixture: "exports-figures-record-invalid-year-request")
        try Self.assertReply(
            .failure(id: S.figuresRecordBadYearRequestID, error: S.figuresRecordBadYearError),
            fixture: "exports-figures-record-invalid-year-reply")
        // The shape is fine: the year is the service's domain rule.
        let args = try #require(try Self.fixture("exports-figures-record-invalid-year-request")["args"])
        #expect(try FiguresRecord.decodeArguments(args) == S.figuresRecordBadYearArguments)
    }

    @Test func figuresHistory() throws {
        try assertGolden(S.figuresHistoryArguments, fixture: "exports-figures-history-args")
        try assertGolden(S.figuresHistoryResult, fixture: "exports-figures-history-result")
        #expect(S.figuresHistoryResult.revisions.map(\.revision) == [1, 2])
    }

    @Test func figuresList() throws {
        try assertGolden(S.figuresListArguments, fixture: "exports-figures-list-args")
        try assertGolden(S.figuresListResult, fixture: "exports-figures-list-result")
    }

    @Test func plansReport() throws {
        try assertGolden(S.plansReportArguments, fixture: "exports-report-plans-args")
        try assertGolden(S.plansReportResult, fixture: "exports-report-plans-result")
        try Self.assertRequest(
            S.request(PlansReport.self, id: S.plansReportRequestID, S.plansReportArguments),
            fixture: "exports-report-plans-request")
        try Self.assertReply(
            S.success(PlansReport.self, id: S.plansReportRequestID, S.plansReportResult),
            fixture: "exports-report-plans-reply")
        let national = try #require(try Self.fixture("exports-report-plans-result")["national"])
        #expect(national["state"] == nil && national["stateCode"] == nil, "the national line has no state")
    }

    @Test func gapsReport() throws {
        try assertGolden(S.gapsReportArguments, fixture: "exports-report-gaps-args")
        try assertGolden(S.gapsReportResult, fixture: "exports-report-gaps-result")
        // A district without an open plan has neither planId nor planStatus.
        let planless = PlanGapsReport.Gap(
            state: S.state, stateCode: "UP", district: "Agra", districtId: "UP-agra", activeProducts: 1, planId: nil,
            planStatus: nil)
        let object = try JSONValue(encoding: planless)
        #expect(object["planId"] == nil && object["planStatus"] == nil)
    }

    @Test func exportsReportByState() throws {
        try assertGolden(S.exportsReportArguments, fixture: "exports-report-exports-args")
        try assertGolden(S.exportsReportResult, fixture: "exports-report-exports-result")
        try Self.assertRequest(
            S.request(ExportsReport.self, id: S.exportsReportRequestID, S.exportsReportArguments),
            fixture: "exports-report-exports-request")
        try Self.assertReply(
            S.success(ExportsReport.self, id: S.exportsReportRequestID, S.exportsReportResult),
            fixture: "exports-report-exports-reply")
        let result = try Self.fixture("exports-report-exports-result")
        #expect(result["financialYear"] == nil && result["total"]?["stateCode"] == nil)
        #expect(result["groups"]?[0]?["years"]?[0]?["growthPercent"] == nil, "no year before 2017-18")
    }

    @Test func exportsReportBySectorForOneYear() throws {
        try assertGolden(S.exportsBySectorArguments, fixture: "exports-report-exports-by-sector-args")
        try assertGolden(S.exportsBySectorResult, fixture: "exports-report-exports-by-sector-result")
        let result = try Self.fixture("exports-report-exports-by-sector-result")
        #expect(result["financialYear"] == "2023-24" && result["groups"]?[0]?["stateCode"] == nil)
    }

    /// The sector example's numbers follow the definitions in `ExportsReport` from its values.
    @Test func exportsReportArithmetic() {
        func rounded(_ value: Double) -> Double { (value * 100).rounded(.toNearestOrAwayFromZero) / 100 }
        for group in S.exportsBySectorResult.groups + [S.exportsReportResult.total] {
            guard let trend = group.trend else {
                Issue.record("\(group.key) has no trend")
                continue
            }
            let ratio = trend.toValueINRCrore / trend.fromValueINRCrore
            #expect(trend.totalGrowthPercent == rounded((ratio - 1) * 100), "\(group.key)")
            #expect(trend.cagrPercent == rounded((pow(ratio, 1 / Double(trend.years)) - 1) * 100), "\(group.key)")
        }
        let handicraft = S.exportsBySectorResult.groups[0].years[0]
        #expect(handicraft.growthPercent == rounded((70500 / 62000 - 1) * 100))
        let manufacturing = S.exportsBySectorResult.groups[1].years[0]
        #expect(manufacturing.growthPercent == rounded((100500 / 88000 - 1) * 100))
        #expect(S.exportsReportResult.total.years[2].growthPercent == rounded((171000 / 150000 - 1) * 100))
        let sum = S.exportsBySectorResult.groups.map { $0.years[0].valueINRCrore }.reduce(0, +)
        #expect(sum == S.exportsBySectorResult.total.years[0].valueINRCrore)
    }

    /// Every argument fixture also passes the schema's own strict decoding and validation.
    @Test func argumentFixturesDecodeThroughTheirSchema() throws {
        func args(_ name: String) throws -> JSONValue { try Self.fixture(name) }
        #expect(try PlanGet.decodeArguments(args("exports-plan-get-args")) == S.planGetArguments)
        #expect(try PlanGet.decodeArguments(args("exports-plan-get-by-district-args")) == S.planGetByDistrictArguments)
        #expect(try PlanList.decodeArguments(args("exports-plan-list-args")) == S.planListArguments)
        #expect(try PlanPrepare.decodeArguments(args("exports-plan-prepare-args")) == S.planPrepareArguments)
        #expect(try PlanUpdate.decodeArguments(args("exports-plan-update-args")) == S.planUpdateArguments)
        #expect(try PlanAdopt.decodeArguments(args("exports-plan-adopt-args")) == S.planAdoptArguments)
        #expect(try PlanReview.decodeArguments(args("exports-plan-review-args")) == S.planReviewArguments)
        #expect(
            try InterventionUpdate.decodeArguments(args("exports-intervention-update-args"))
                == S.interventionUpdateArguments)
        #expect(try FiguresRecord.decodeArguments(args("exports-figures-record-args")) == S.figuresRecordArguments)
        #expect(try FiguresHistory.decodeArguments(args("exports-figures-history-args")) == S.figuresHistoryArguments)
        #expect(try FiguresList.decodeArguments(args("exports-figures-list-args")) == S.figuresListArguments)
        #expect(try PlansReport.decodeArguments(args("exports-report-plans-args")) == S.plansReportArguments)
        #expect(try PlanGapsReport.decodeArguments(args("exports-report-gaps-args")) == S.gapsReportArguments)
        #expect(try ExportsReport.decodeArguments(args("exports-report-exports-args")) == S.exportsReportArguments)
        #expect(
            try ExportsReport.decodeArguments(args("exports-report-exports-by-sector-args"))
                == S.exportsBySectorArguments)
        // The frames carry the same arguments and results.
        #expect(try args("exports-plan-prepare-request")["args"] == args("exports-plan-prepare-args"))
        #expect(try args("exports-plan-prepare-reply")["result"] == args("exports-plan-prepare-result"))
        #expect(try args("exports-figures-record-request")["args"] == args("exports-figures-record-args"))
        #expect(try args("exports-figures-record-reply")["result"] == args("exports-figures-record-result"))
        #expect(try args("exports-report-exports-request")["args"] == args("exports-report-exports-args"))
        #expect(try args("exports-report-exports-reply")["result"] == args("exports-report-exports-result"))
        #expect(try args("exports-report-plans-request")["args"] == args("exports-report-plans-args"))
        #expect(try args("exports-report-plans-reply")["result"] == args("exports-report-plans-result"))
    }

    @Test func namesAndMutability() {
        let commands: [(name: String, mutating: Bool)] = [
            (PlanGet.name, PlanGet.isMutating), (PlanList.name, PlanList.isMutating),
            (PlanPrepare.name, PlanPrepare.isMutating), (PlanUpdate.name, PlanUpdate.isMutating),
            (PlanAdopt.name, PlanAdopt.isMutating), (PlanReview.name, PlanReview.isMutating),
            (InterventionUpdate.name, InterventionUpdate.isMutating), (FiguresRecord.name, FiguresRecord.isMutating),
            (FiguresHistory.name, FiguresHistory.isMutating), (FiguresList.name, FiguresList.isMutating),
            (PlansReport.name, PlansReport.isMutating), (PlanGapsReport.name, PlanGapsReport.isMutating),
            (ExportsReport.name, ExportsReport.isMutating),
        ]
        #expect(commands.map(\.name) == ExportsCommandNames.all)
        #expect(
            commands.filter(\.mutating).map(\.name) == [
                "plan.prepare", "plan.update", "plan.adopt", "plan.review", "intervention.update", "figures.record",
            ])
        #expect(PlanList.defaultLimit == 50 && PlanList.maximumLimit == 1000)
        #expect(FiguresList.defaultLimit == 50 && FiguresList.maximumLimit == 1000)
        let eventTypes = [
            ExportPlanDrafted.eventType, ExportPlanPrepared.eventType, ExportPlanAdopted.eventType,
            ExportPlanArchived.eventType, ExportPlanUpdated.eventType, ExportFiguresRecorded.eventType,
        ]
        #expect(eventTypes == ExportsCommandNames.events)
        let schemas = [
            ExportPlanDrafted.schemaVersion, ExportPlanPrepared.schemaVersion, ExportPlanAdopted.schemaVersion,
            ExportPlanArchived.schemaVersion, ExportPlanUpdated.schemaVersion, ExportFiguresRecorded.schemaVersion,
        ]
        #expect(schemas == [1, 1, 1, 1, 1, 1])
    }
}

/// The exports service's public names, as docs/PROTOCOL.md lists them.
enum ExportsCommandNames {
    static let all = [
        "plan.get", "plan.list", "plan.prepare", "plan.update", "plan.adopt", "plan.review", "intervention.update",
        "figures.record", "figures.history", "figures.list", "report.plans", "report.gaps", "report.exports",
    ]
    static let events = [
        "exports.plan.drafted", "exports.plan.prepared", "exports.plan.adopted", "exports.plan.archived",
        "exports.plan.updated", "exports.figures.recorded",
    ]
}
