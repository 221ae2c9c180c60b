import Foundation
import ODOPMessages
import Testing

/// The exports sample values the `exports-*` golden fixtures were written from; each is also the
/// expected result of decoding its fixture. Wherever docs/PROTOCOL.md's `### exports` section
/// shows a message, the sample is that message, value for value (ids and times included).
///
/// The section's examples are snapshots of one Uttar Pradesh exports service rather than a
/// single run, and the samples keep them as shown (ids, times and versions aside, the command
/// results were checked against a running odop-exports following a fake catalogue):
/// - Firozabad, plan `deap-UP-firozabad-1`: drafted for Glass Bangles (seq 1), Glassware joining
///   (seq 2), `plan.prepare` (version 1 → 2, without Glassware: the section's prepare predates
///   its product_added event), `plan.adopt` (→ 3), `plan.review` giving the section's adopted
///   plan (the section numbers it 6; adopt, starting the intervention and the review give 5 in
///   one run), and later `intervention.update` marking the intervention done (→ 7). Glass
///   Bangles' 2023-24 export figure recorded (revision 1) and corrected (revision 2, the
///   section's `figures.record`).
/// - Agra, plan `deap-UP-agra-1` for Leather Products: still a draft when the section's
///   `plan.adopt` is refused, its content changed by `plan.update` (→ 3), then archived when
///   the product was retired (→ 4).
/// - Moradabad, a prepared plan, appears only in the reports.
/// The `report.exports` examples run over the section's illustrative state figures (two Uttar
/// Pradesh products, ₹88,967 crore in 2017-18 to ₹1,71,000 crore in 2023-24), one product a
/// sector, not over the Firozabad figures.
enum ExportsSamples {
    // MARK: Plan parts

    static let state = "Uttar Pradesh"

    static let glassBangles = PlanProduct(
        productId: "p-0b7f3c9e-4a51-4e0c-9d2a-1f6e8c3b5a77", name: "Glass Bangles", sector: "handicraft",
        status: .active)

    static let glassware = PlanProduct(
        productId: "p-1c8a4d0f-5b62-4f1d-8e3b-2a7f9d4c6b88", name: "Glassware", sector: "manufacturing",
        status: .active)

    static let fewDirectBuyers = Bottleneck(category: .marketAccess, note: "Few direct buyers abroad")

    static let furnaceCentre = Intervention(
        id: "i1", title: "Common facility centre for glass furnaces", responsibleBody: "DIC Firozabad",
        dueDate: "2025-03-31", status: .planned)

    static let adoption = DEPCAdoption(date: "2024-09-12", reference: "DEPC/FZD/2024/07")

    static let reviewNote = SEPCReviewNote(date: "2024-10-01", note: "Align with the state export policy")

    // MARK: Firozabad's plan

    static let firozabadPlanId = "deap-UP-firozabad-1"
    static let draftedAt = "2024-05-02T10:15:00.000Z"

    /// Version 1, `draft`: as `exports.plan.drafted` carries it. No optional part: no
    /// `depcAdoption`, every list but `products` empty.
    static let firozabadDraft = ExportPlan(
        planId: firozabadPlanId, state: state, stateCode: "UP", district: "Firozabad", districtId: "UP-firozabad",
        status: .draft, products: [glassBangles], targetMarkets: [], bottlenecks: [], interventions: [],
        depcAdoption: nil, sepcReviewNotes: [], version: 1, createdAt: draftedAt, updatedAt: draftedAt)

    /// Version 2 of the section's `exports.plan.updated` example: Glassware joined.
    static let firozabadWithGlassware: ExportPlan = {
        var plan = firozabadDraft
        plan.products = [glassBangles, glassware]
        plan.version = 2
        plan.updatedAt = "2024-05-02T10:15:00.400Z"
        return plan
    }()

    /// `plan.prepare`'s result (the section's example): `prepared`, version 2.
    static let firozabadPrepared: ExportPlan = {
        var plan = firozabadDraft
        plan.status = .prepared
        plan.targetMarkets = ["US", "AE", "DE"]
        plan.bottlenecks = [fewDirectBuyers]
        plan.interventions = [furnaceCentre]
        plan.version = 2
        plan.updatedAt = "2024-08-20T11:02:41.518Z"
        return plan
    }()

    /// `plan.adopt`'s result: `adopted`, version 3, with `depcAdoption`.
    static let firozabadAdopted: ExportPlan = {
        var plan = firozabadPrepared
        plan.status = .adopted
        plan.depcAdoption = adoption
        plan.version = 3
        plan.updatedAt = "2024-09-13T05:48:22.907Z"
        return plan
    }()

    /// The section's plan: `adopted`, version 6, every optional part present. `plan.review`'s
    /// result, and what `plan.get` and `plan.list` answer afterwards.
    static let firozabadReviewed: ExportPlan = {
        var plan = firozabadAdopted
        plan.interventions[0].status = .inProgress
        plan.sepcReviewNotes = [reviewNote]
        plan.version = 6
        plan.updatedAt = "2024-10-01T09:00:00.000Z"
        return plan
    }()

    /// `intervention.update`'s result: the intervention done, version 7.
    static let firozabadInterventionDone: ExportPlan = {
        var plan = firozabadReviewed
        plan.interventions[0].status = .done
        plan.version = 7
        plan.updatedAt = "2025-03-28T10:41:07.350Z"
        return plan
    }()

    // MARK: Agra's plan

    static let agraPlanId = "deap-UP-agra-1"

    static let leatherProducts = PlanProduct(
        productId: "p-3a9e5c71-8d24-4f6b-b0c3-6e1f7a2d9b45", name: "Leather Products", sector: "handicraft",
        status: .active)

    /// `plan.update`'s result: still `draft`, version 3. Its target markets and bottlenecks come
    /// from version 2; the update replaced the interventions (`i1` kept and started, `i2` new).
    static let agraUpdated = ExportPlan(
        planId: agraPlanId, state: state, stateCode: "UP", district: "Agra", districtId: "UP-agra", status: .draft,
        products: [leatherProducts], targetMarkets: ["GB", "DE", "IT"],
        bottlenecks: [
            Bottleneck(category: .sustainability, note: "Tannery effluent treatment below EU buyers' norms"),
            Bottleneck(category: .skillsAndQuality, note: "Few certified footwear designers"),
        ],
        interventions: [
            Intervention(
                id: "i1", title: "Design clinic for footwear exporters", responsibleBody: "Council for Leather Exports",
                dueDate: "2025-06-30", status: .inProgress),
            Intervention(
                id: "i2", title: "Common effluent treatment plant upgrade", responsibleBody: "UPSIDA",
                dueDate: "2025-12-31", status: .planned),
        ],
        depcAdoption: nil, sepcReviewNotes: [], version: 3, createdAt: "2024-11-12T09:20:14.318Z",
        updatedAt: "2024-11-18T12:05:33.641Z")

    /// Archived (version 4) when Leather Products was retired: it keeps the product, as `retired`.
    static let agraArchived: ExportPlan = {
        var plan = agraUpdated
        plan.status = .archived
        plan.products[0].status = .retired
        plan.version = 4
        plan.updatedAt = "2024-12-03T14:22:51.726Z"
        return plan
    }()

    // MARK: Figures

    static let financialYear = "2023-24"

    /// Glass Bangles, 2023-24, revision 1: no `previousValueINRCrore`.
    static let banglesRevision1 = ExportFigure(
        productId: glassBangles.productId, productName: "Glass Bangles", sector: "handicraft", state: state,
        stateCode: "UP", district: "Firozabad", districtId: "UP-firozabad", financialYear: financialYear,
        valueINRCrore: 1200, source: "DGCI&S", revision: 1, previousValueINRCrore: nil,
        recordedAt: "2024-10-15T06:12:40.881Z")

    /// The correction (the section's `figures.record`): revision 2, correcting 1200.
    static let banglesRevision2 = ExportFigure(
        productId: glassBangles.productId, productName: "Glass Bangles", sector: "handicraft", state: state,
        stateCode: "UP", district: "Firozabad", districtId: "UP-firozabad", financialYear: financialYear,
        valueINRCrore: 1250.5, source: "DGCI&S", revision: 2, previousValueINRCrore: 1200,
        recordedAt: "2024-11-05T08:30:12.004Z")

    static let glassware2023 = ExportFigure(
        productId: glassware.productId, productName: "Glassware", sector: "manufacturing", state: state,
        stateCode: "UP", district: "Firozabad", districtId: "UP-firozabad", financialYear: financialYear,
        valueINRCrore: 3410.75, source: "DGCI&S", revision: 1, previousValueINRCrore: nil,
        recordedAt: "2024-11-05T08:31:40.662Z")

    // MARK: Commands

    static let planGetArguments = PlanGet.Arguments(planId: firozabadPlanId)

    /// By district: the code and the name in any case.
    static let planGetByDistrictArguments = PlanGet.Arguments(state: "UP", district: "firozabad")

    static let planListArguments = PlanList.Arguments(state: "UP", status: .adopted, limit: 20, offset: 0)

    static let planListResult = PlanList.Result(items: [firozabadReviewed], total: 1)

    /// The section's `plan.prepare`: a new intervention (no `id`, no `status`), a lowercase market.
    static let planPrepareArguments = PlanContentArguments(
        planId: firozabadPlanId, expectedVersion: 1, targetMarkets: ["us", "AE", "DE"], bottlenecks: [fewDirectBuyers],
        interventions: [
            InterventionInput(
                title: "Common facility centre for glass furnaces", responsibleBody: "DIC Firozabad",
                dueDate: "2025-03-31")
        ])

    /// Only `interventions`: `i1` kept by id and moved on, a new one without id or status.
    static let planUpdateArguments = PlanContentArguments(
        planId: agraPlanId, expectedVersion: 2,
        interventions: [
            InterventionInput(
                id: "i1", title: "Design clinic for footwear exporters", responsibleBody: "Council for Leather Exports",
                dueDate: "2025-06-30", status: .inProgress),
            InterventionInput(
                title: "Common effluent treatment plant upgrade", responsibleBody: "UPSIDA", dueDate: "2025-12-31"),
        ])

    static let planAdoptArguments = PlanAdopt.Arguments(
        planId: firozabadPlanId, expectedVersion: 2, date: adoption.date, reference: adoption.reference)

    /// The section's refused `plan.adopt`: Agra's plan is still a draft.
    static let planAdoptDraftArguments = PlanAdopt.Arguments(
        planId: agraPlanId, date: "2024-09-12", reference: "DEPC/AGR/2024/03")

    static let planAdoptDraftError = CommandError.conflict(
        "plan deap-UP-agra-1 is draft: only a prepared plan can be adopted; prepare it first")

    static let planReviewArguments = PlanReview.Arguments(
        planId: firozabadPlanId, date: reviewNote.date, note: reviewNote.note)

    static let interventionUpdateArguments = InterventionUpdate.Arguments(
        planId: firozabadPlanId, interventionId: "i1", expectedVersion: 6, status: .done)

    static let figuresRecordArguments = FiguresRecord.Arguments(
        productId: glassBangles.productId, financialYear: financialYear, valueINRCrore: 1250.5, source: "DGCI&S")

    /// The section's refused `figures.record`: `2023-25` is not a financial year.
    static let figuresRecordBadYearArguments = FiguresRecord.Arguments(
        productId: glassBangles.productId, financialYear: "2023-25", valueINRCrore: 12, source: "DGCI&S")

    static let figuresRecordBadYearError = CommandError.invalidArgument(
        "field 'financialYear' must name consecutive years: a financial year starting in 2023 is 2023-24, "
            + #"got "2023-25""#,
        field: "financialYear")

    static let figuresHistoryArguments = FiguresHistory.Arguments(
        productId: glassBangles.productId, financialYear: financialYear)

    static let figuresHistoryResult = FiguresHistory.Result(
        current: banglesRevision2, revisions: [banglesRevision1, banglesRevision2])

    static let figuresListArguments = FiguresList.Arguments(
        state: "UP", district: "Firozabad", financialYear: financialYear)

    /// Ordered by product id within the district.
    static let figuresListResult = FiguresList.Result(items: [banglesRevision2, glassware2023], total: 2)

    // MARK: Reports

    static let plansReportArguments = PlansReport.Arguments()

    /// Firozabad adopted, Agra a draft, Moradabad prepared (before Agra's plan was archived).
    static let plansReportResult: PlansReport.Result = {
        let byStatus = PlansReport.StatusCounts(draft: 1, prepared: 1, adopted: 1, archived: 0)
        return PlansReport.Result(
            national: .init(
                state: nil, stateCode: nil, districtsWithProducts: 3, prepared: 2, adopted: 1, byStatus: byStatus),
            states: [
                .init(
                    state: state, stateCode: "UP", districtsWithProducts: 3, prepared: 2, adopted: 1,
                    byStatus: byStatus)
            ])
    }()

    static let gapsReportArguments = PlanGapsReport.Arguments(state: "UP")

    static let gapsReportResult = PlanGapsReport.Result(
        items: [
            .init(
                state: state, stateCode: "UP", district: "Agra", districtId: "UP-agra", activeProducts: 1,
                planId: agraPlanId, planStatus: .draft),
            .init(
                state: state, stateCode: "UP", district: "Moradabad", districtId: "UP-moradabad", activeProducts: 1,
                planId: "deap-UP-moradabad-1", planStatus: .prepared),
        ],
        total: 2)

    static let exportsReportArguments = ExportsReport.Arguments(groupBy: .state, state: "UP")

    /// ₹88,967 crore → ₹1,71,000 crore over 6 years: +92.21 %, 11.51 % a year.
    static let upTrend = ExportsReport.Trend(
        fromYear: "2017-18", toYear: "2023-24", fromValueINRCrore: 88967, toValueINRCrore: 171000, years: 6,
        totalGrowthPercent: 92.21, cagrPercent: 11.51)

    static let upYears = [
        ExportsReport.Year(financialYear: "2017-18", valueINRCrore: 88967, products: 2, growthPercent: nil),
        ExportsReport.Year(financialYear: "2022-23", valueINRCrore: 150000, products: 2, growthPercent: nil),
        ExportsReport.Year(financialYear: "2023-24", valueINRCrore: 171000, products: 2, growthPercent: 14),
    ]

    /// The section's `report.exports`: no `financialYear`; the total has no `stateCode`.
    static let exportsReportResult = ExportsReport.Result(
        groupBy: .state, financialYear: nil,
        groups: [.init(key: state, stateCode: "UP", years: upYears, trend: upTrend)],
        total: .init(key: state, stateCode: nil, years: upYears, trend: upTrend))

    static let exportsBySectorArguments = ExportsReport.Arguments(
        groupBy: .sector, financialYear: financialYear, state: "UP")

    /// The same figures by sector, for 2023-24 only: each group's `years` holds that year (its
    /// growth against 2022-23), its trend runs from 2017-18. Handicraft 38,967 / 62,000 / 70,500,
    /// manufacturing 50,000 / 88,000 / 1,00,500 crore in 2017-18 / 2022-23 / 2023-24.
    static let exportsBySectorResult = ExportsReport.Result(
        groupBy: .sector, financialYear: financialYear,
        groups: [
            .init(
                key: "handicraft", stateCode: nil,
                years: [.init(financialYear: financialYear, valueINRCrore: 70500, products: 1, growthPercent: 13.71)],
                trend: .init(
                    fromYear: "2017-18", toYear: financialYear, fromValueINRCrore: 38967, toValueINRCrore: 70500,
                    years: 6, totalGrowthPercent: 80.92, cagrPercent: 10.39)),
            .init(
                key: "manufacturing", stateCode: nil,
                years: [.init(financialYear: financialYear, valueINRCrore: 100500, products: 1, growthPercent: 14.2)],
                trend: .init(
                    fromYear: "2017-18", toYear: financialYear, fromValueINRCrore: 50000, toValueINRCrore: 100500,
                    years: 6, totalGrowthPercent: 101, cagrPercent: 12.34)),
        ],
        total: .init(key: state, stateCode: nil, years: [upYears[2]], trend: upTrend))

    // MARK: Request and reply frames shown in the section

    static let planPrepareRequestID = "9c1d7a52-3b0e-4f6a-8d21-5e7f0a4c2b19"
    static let planAdoptDraftRequestID = "5f0e2c8b-7d13-4a9e-b6f4-0c2d9e8a1b37"
    static let figuresRecordRequestID = "0d6b3e91-2c4f-4b8a-a7e5-9f1c3d5b7e20"
    static let figuresRecordBadYearRequestID = "7a3c5e1f-9b2d-4c6e-8f0a-2b4d6f8a0c13"
    static let exportsReportRequestID = "3e8f1a2b-6c4d-4e0f-9a7b-5d3c1e9f7a40"
    static let plansReportRequestID = "b2d4f6a8-0c1e-4a3b-9d5f-7e9a1c3b5d60"
    static let planAdoptRequestID = "2e6a9d14-8b3f-4c57-a0e2-7d5b1f9c3a68"
    static let planReviewRequestID = "6c2e8a4f-0b7d-4f19-8e3a-5a1c9d7b2e46"
    static let planUpdateRequestID = "d9f3b1a7-5c2e-4e8b-b4a6-1e7c3f5a9d02"
    static let interventionUpdateRequestID = "f7b9d1e3-6a8c-4b2e-9d4f-2c6e8a0b4d17"

    static func request<C: CommandSchema>(_ command: C.Type, id: String, _ arguments: C.Arguments) throws
        -> CommandRequest
    {
        try CommandRequest.make(id: id, command: C.name, args: arguments)
    }

    static func success<C: CommandSchema>(_ command: C.Type, id: String, _ result: C.Result) throws -> CommandReply {
        .success(id: id, result: try JSONValue(encoding: result))
    }

    // MARK: Events

    static func envelope<P: EventPayload>(
        _ payload: P, seq: Int64, id: String, time: String, correlationId: String
    ) throws -> EventEnvelope {
        let date = try #require(RFC3339.date(from: time))
        return try EventEnvelope.make(
            payload, source: "exports", seq: seq, correlationId: correlationId, id: id, time: date)
    }

    /// Caused by the catalogue's `catalogue.product.registered` for Glass Bangles (its event id
    /// is the correlation id).
    static func planDrafted() throws -> EventEnvelope {
        try envelope(
            ExportPlanDrafted(firozabadDraft), seq: 1, id: "e4b1c7d9-2f3a-4b5c-8d6e-0a1b2c3d4e5f",
            time: "2024-05-02T10:15:00.113Z", correlationId: "a7c9e1b3-5d2f-4a6c-8e0b-1d3f5a7c9e2b")
    }

    /// Caused by the catalogue's `catalogue.product.registered` for Glassware.
    static func planUpdatedProductAdded() throws -> EventEnvelope {
        try envelope(
            ExportPlanUpdated(firozabadWithGlassware, change: .productAdded), seq: 2,
            id: "f5c2d8ea-3a4b-4c6d-9e7f-1b2c3d4e5f60", time: "2024-05-02T10:15:00.420Z",
            correlationId: "b8d0f2a4-6e3a-4b7d-9f1c-2e4a6b8d0f3c")
    }

    static func planPrepared() throws -> EventEnvelope {
        try envelope(
            ExportPlanPrepared(firozabadPrepared), seq: 3, id: "4d7b2e90-1f3c-4a85-9e6d-0b8c5a3f7e12",
            time: "2024-08-20T11:02:41.523Z", correlationId: planPrepareRequestID)
    }

    static func planAdopted() throws -> EventEnvelope {
        try envelope(
            ExportPlanAdopted(firozabadAdopted), seq: 4, id: "8f1c4a7e-2b5d-4e93-a6c0-3d9e7b1f5a24",
            time: "2024-09-13T05:48:22.912Z", correlationId: planAdoptRequestID)
    }

    static func planUpdatedReviewNoted() throws -> EventEnvelope {
        try envelope(
            ExportPlanUpdated(firozabadReviewed, change: .reviewNoted), seq: 7,
            id: "a3e5c7d9-1b2f-4a6c-9e8d-7f0b2d4c6e81", time: "2024-10-01T09:00:00.005Z",
            correlationId: planReviewRequestID)
    }

    static func figuresRecorded() throws -> EventEnvelope {
        try envelope(
            ExportFiguresRecorded(banglesRevision2), seq: 9, id: "06d3e9fb-4b5c-4d7e-8f80-2c3d4e5f6071",
            time: "2024-11-05T08:30:12.010Z", correlationId: figuresRecordRequestID)
    }

    static func planUpdatedContent() throws -> EventEnvelope {
        try envelope(
            ExportPlanUpdated(agraUpdated, change: .contentUpdated), seq: 13,
            id: "5b7d9f1a-8c2e-4f4a-b6d8-0e2a4c6e8b39", time: "2024-11-18T12:05:33.647Z",
            correlationId: planUpdateRequestID)
    }

    /// Caused by the catalogue's `catalogue.product.retired` for Leather Products.
    static func planArchived() throws -> EventEnvelope {
        try envelope(
            ExportPlanArchived(agraArchived), seq: 16, id: "0c4e6a8b-3d5f-4a7c-8e9b-1f3d5b7a9c24",
            time: "2024-12-03T14:22:51.730Z", correlationId: "e1a7c3f9-4b6d-4d2e-8a5c-9f3b1d7e5a60")
    }

    static func planUpdatedInterventionDone() throws -> EventEnvelope {
        try envelope(
            ExportPlanUpdated(firozabadInterventionDone, change: .interventionUpdated), seq: 19,
            id: "9d1f3b5c-7e9a-4b2c-8d4e-6f8a0c2e4b53", time: "2025-03-28T10:41:07.355Z",
            correlationId: interventionUpdateRequestID)
    }
}
