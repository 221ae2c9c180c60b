import Exports
import Foundation
import ODOPClient
import ODOPMessages
import ODOPRuntime
import ODOPTesting
import Testing

/// The plan commands over the wire: the status machine, content rules, and refusals that store
/// and emit nothing.
@Suite("plan commands", .serialized, .timeLimit(.minutes(3)))
struct PlanCommandTests {
    /// A cluster with one product in Firozabad, caught up; returns its plan id.
    private func firozabad(_ cluster: ExportsCluster) throws -> String {
        try cluster.register("Glass Bangles", district: "Firozabad")
        try cluster.waitUntilCaughtUp()
        return "deap-UP-firozabad-1"
    }

    @Test("draft → prepared → adopted, with review notes and intervention progress")
    func lifecycle() async throws {
        try await ExportsCluster.with { cluster in
            let planId = try firozabad(cluster)
            let prepared = try cluster.call(PlanPrepare.self, SamplePlanContent.prepare(planId, expectedVersion: 1))
            #expect(prepared.status == .prepared)
            #expect(prepared.version == 2)
            #expect(prepared.targetMarkets == ["US", "AE", "DE"])
            #expect(prepared.bottlenecks == SamplePlanContent.bottlenecks)
            #expect(prepared.interventions.map(\.id) == ["i1", "i2"])
            #expect(prepared.interventions.allSatisfy { $0.status == .planned })

            // While prepared, content may change; an intervention kept by id keeps its id, a new one gets the next.
            let updated = try cluster.call(
                PlanUpdate.self,
                .init(
                    planId: planId, targetMarkets: ["GB", "US"],
                    interventions: [
                        InterventionInput(
                            id: "i2", title: "Buyer-seller meet in Dubai", responsibleBody: "EPCH", dueDate: "2025-01-20",
                            status: .inProgress),
                        InterventionInput(title: "GI tag awareness camp", responsibleBody: "DIC Firozabad", dueDate: "2024-11-30"),
                    ]))
            #expect(updated.status == .prepared)
            #expect(updated.targetMarkets == ["GB", "US"])
            #expect(updated.interventions.map(\.id) == ["i2", "i3"])
            #expect(updated.interventions[0].status == .inProgress && updated.interventions[0].dueDate == "2025-01-20")

            let adopted = try cluster.call(PlanAdopt.self, .init(planId: planId, date: "2024-09-12", reference: "DEPC/FZD/2024/07"))
            #expect(adopted.status == .adopted)
            #expect(adopted.depcAdoption == DEPCAdoption(date: "2024-09-12", reference: "DEPC/FZD/2024/07"))

            let reviewed = try cluster.call(
                PlanReview.self, .init(planId: planId, date: "2024-10-01", note: "Align with the state export policy"))
            #expect(reviewed.sepcReviewNotes == [SEPCReviewNote(date: "2024-10-01", note: "Align with the state export policy")])
            let done = try cluster.call(InterventionUpdate.self, .init(planId: planId, interventionId: "i2", status: .done))
            #expect(done.interventions[0].status == .done)
            #expect(done.version == 6)

            // Nothing changes → nothing stored, nothing emitted.
            let seq = try cluster.exportsLastSeq()
            let same = try cluster.call(InterventionUpdate.self, .init(planId: planId, interventionId: "i2", status: .done))
            #expect(same.version == 6)
            #expect(try cluster.exportsLastSeq() == seq)

            let events = try cluster.exportsEvents()
            #expect(
                events.map(\.type) == [
                    "exports.plan.drafted", "exports.plan.prepared", "exports.plan.updated", "exports.plan.adopted",
                    "exports.plan.updated", "exports.plan.updated",
                ])
            #expect(events.compactMap { $0.data["change"]?.stringValue } == ["content_updated", "review_noted", "intervention_updated"])
            #expect(events[3].data["depcAdoption"]?["reference"] == "DEPC/FZD/2024/07")
            #expect(try events.map { try $0.decodeData(ExportPlan.self).version } == [1, 2, 3, 4, 5, 6])

            let report = try cluster.call(PlansReport.self, .init())
            #expect(report.national.adopted == 1 && report.national.prepared == 1 && report.national.districtsWithProducts == 1)
            #expect(try cluster.call(PlanGapsReport.self, .init()).total == 0)
        }
    }

    @Test("illegal transitions are conflicts naming the current status, and change nothing")
    func illegalTransitions() async throws {
        try await ExportsCluster.with { cluster in
            let planId = try firozabad(cluster)
            let seq = try cluster.exportsLastSeq()
            let draft = try cluster.plan(planId)

            var error = try cluster.failure(PlanAdopt.self, .init(planId: planId, date: "2024-09-12", reference: "R1"))
            #expect(error.code == .conflict)
            #expect(error.message.contains("is draft"))

            _ = try cluster.call(PlanPrepare.self, SamplePlanContent.prepare(planId))
            let prepared = try cluster.plan(planId)
            error = try cluster.failure(PlanPrepare.self, SamplePlanContent.prepare(planId))
            #expect(error.code == .conflict && error.message.contains("is prepared"))

            _ = try cluster.call(PlanAdopt.self, .init(planId: planId, date: "2024-09-12", reference: "R1"))
            let adopted = try cluster.plan(planId)
            error = try cluster.failure(PlanAdopt.self, .init(planId: planId, date: "2024-09-13", reference: "R2"))
            #expect(error.code == .conflict && error.message.contains("is adopted"))
            error = try cluster.failure(PlanPrepare.self, SamplePlanContent.prepare(planId))
            #expect(error.code == .conflict && error.message.contains("is adopted"))
            error = try cluster.failure(PlanUpdate.self, .init(planId: planId, targetMarkets: ["FR"]))
            #expect(error.code == .conflict && error.message.contains("is adopted"))
            _ = try cluster.call(InterventionUpdate.self, .init(planId: planId, interventionId: "i1", status: .dropped))
            error = try cluster.failure(InterventionUpdate.self, .init(planId: planId, interventionId: "i1", status: .inProgress))
            #expect(error.code == .conflict && error.message.contains("dropped"))

            // A stale expectedVersion.
            let current = try cluster.plan(planId)
            error = try cluster.failure(PlanReview.self, .init(planId: planId, expectedVersion: current.version - 1, note: "n"))
            #expect(error.code == .conflict && error.field == "expectedVersion")

            #expect(try cluster.plan(planId) == current)
            #expect(draft.version == 1 && prepared.version == 2 && adopted.version == 3 && current.version == 4)
            #expect(try cluster.exportsLastSeq() == seq + 3)
        }
    }

    @Test("bad plan content is invalid_argument naming the field; nothing stored or emitted")
    func badContent() async throws {
        try await ExportsCluster.with { cluster in
            let planId = try firozabad(cluster)
            let seq = try cluster.exportsLastSeq()
            let before = try cluster.plan(planId)
            let good = SamplePlanContent.prepare(planId)
            func refused(_ args: PlanContentArguments, field: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
                let error = try cluster.failure(PlanPrepare.self, args, sourceLocation: sourceLocation)
                #expect(error.code == .invalidArgument, "\(error)", sourceLocation: sourceLocation)
                #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
            }
            var args = good
            args.targetMarkets = ["US", "XX"]
            try refused(args, field: "targetMarkets.1")
            args.targetMarkets = ["IN"]
            try refused(args, field: "targetMarkets.0")
            args.targetMarkets = []
            try refused(args, field: "targetMarkets")
            args = good
            args.interventions = [InterventionInput(title: "T", responsibleBody: "B", dueDate: "2024-02-30")]
            try refused(args, field: "interventions.0.dueDate")
            args.interventions = [InterventionInput(id: "i9", title: "T", responsibleBody: "B", dueDate: "2024-02-28")]
            try refused(args, field: "interventions.0.id")
            args.interventions = [InterventionInput(title: " ", responsibleBody: "B", dueDate: "2024-02-28")]
            try refused(args, field: "interventions.0.title")
            args.interventions = []
            try refused(args, field: "interventions")
            args = good
            args.bottlenecks = [Bottleneck(category: .funding, note: "")]
            try refused(args, field: "bottlenecks.0.note")

            // An unknown bottleneck category, as a client in another language would send it.
            let client = try cluster.client()
            let reply = try client.send(
                CommandRequest(
                    id: "raw-1", command: "plan.prepare",
                    args: [
                        "planId": .string(planId), "targetMarkets": ["US"],
                        "bottlenecks": [["category": "market access", "note": "far"]],
                        "interventions": [["title": "T", "responsibleBody": "B", "dueDate": "2025-01-01"]],
                    ]))
            let error = try #require(reply.error)
            #expect(error.code == .invalidArgument && error.field == "bottlenecks.0.category")
            #expect(error.message.contains("market_access"))

            // Unknown plans and interventions.
            #expect(try cluster.failure(PlanPrepare.self, SamplePlanContent.prepare("deap-UP-nowhere-1")).code == .notFound)
            let missing = try cluster.failure(InterventionUpdate.self, .init(planId: planId, interventionId: "i7", status: .done))
            #expect(missing.code == .notFound && missing.field == "interventionId")
            let badDate = try cluster.failure(PlanAdopt.self, .init(planId: planId, date: "12/09/2024", reference: "R"))
            #expect(badDate.code == .conflict)  // a draft cannot be adopted: status is checked first

            #expect(try cluster.plan(planId) == before)
            #expect(try cluster.exportsLastSeq() == seq)
        }
    }

    @Test("plan.get and plan.list find plans by id, district and status; unknown is not_found")
    func reads() async throws {
        try await ExportsCluster.with { cluster in
            try cluster.register("Mysore Silk", state: "Karnataka", district: "Mysuru", sector: "textile")
            try cluster.register("Channapatna Toys", state: "Karnataka", district: "Ramanagara")
            try cluster.register("Chikan", district: "Lucknow", sector: "textile")
            try cluster.waitUntilCaughtUp()
            _ = try cluster.call(PlanPrepare.self, SamplePlanContent.prepare("deap-KA-mysuru-1"))
            #expect(try cluster.call(PlanList.self, .init(state: "karnataka")).items.map(\.district) == ["Mysuru", "Ramanagara"])
            #expect(try cluster.call(PlanList.self, .init(status: .prepared)).items.map(\.planId) == ["deap-KA-mysuru-1"])
            let page = try cluster.call(PlanList.self, .init(limit: 1, offset: 1))
            #expect(page.total == 3 && page.items.count == 1)
            let notFound = try cluster.failure(PlanGet.self, .init(planId: "deap-KA-nowhere-1"))
            #expect(notFound.code == .notFound && notFound.field == "planId")
            let badLimit = try cluster.failure(PlanList.self, .init(limit: 0))
            #expect(badLimit.code == .invalidArgument && badLimit.field == "limit")
            let reply = try cluster.client().send(CommandRequest(id: "raw-2", command: "plan.get", args: ["state": "Karnataka"]))
            #expect(reply.error?.field == "district")
        }
    }
}
