import Foundation
import ODOPMessages
import Testing

@testable import Notifications

@Suite("Message templates")
struct TemplateTests {
    static let figureEvent = EventEnvelope(
        id: "7b0c3c39-8d1e-4f57-9a51-3a3f1f0f4a10", type: "exports.figures.recorded", schema: 1, source: "exports", seq: 12,
        time: "2026-11-23T07:05:01.000Z", correlationId: nil,
        data: .object([
            "productId": .string("p-1"), "productName": .string("Leather footwear"), "sector": .string("manufacturing"),
            "state": .string("Uttar Pradesh"), "stateCode": .string("UP"), "district": .string("Agra"),
            "districtId": .string("UP-agra"), "financialYear": .string("2025-26"), "valueINRCrore": .int(171000),
            "source": .string("DGCIS"), "revision": .int(2), "previousValueINRCrore": .double(1234.5),
            "recordedAt": .string("2026-11-23T07:05:01.000Z"),
        ]))

    @Test func englishAndHindiOfTheSameExportsEvent() {
        let renderer = MessageRenderer()
        let english = renderer.render(Self.figureEvent, language: .en)
        let hindi = renderer.render(Self.figureEvent, language: .hi)
        #expect(
            english.text
                == "Exports of Leather footwear from Agra, Uttar Pradesh in 2025-26: ₹1,71,000 crore (corrected from ₹1,234.5 crore), source DGCIS, recorded 23 Nov 2026, 12:35 IST."
        )
        #expect(
            hindi.text
                == "2025-26 में Agra, Uttar Pradesh से Leather footwear का निर्यात: ₹1,71,000 करोड़ (₹1,234.5 करोड़ से संशोधित), स्रोत DGCIS, 23 नवंबर 2026, 12:35 IST को दर्ज।"
        )
        #expect(english.language == .en && hindi.language == .hi)
    }

    @Test func everyKnownTypeHasEnglishAndHindi() {
        let expected = [
            "catalogue.product.registered", "catalogue.product.updated", "catalogue.product.retired", "catalogue.district.registered",
            "exports.plan.drafted", "exports.plan.prepared", "exports.plan.adopted", "exports.plan.archived", "exports.plan.updated",
            "exports.figures.recorded", "training.certificate.issued", "training.stipend.paid", "training.artisan.erased",
            "training.toolkit.issued", "training.toolkit.redeemed", "training.toolkit.delivered",
        ]
        // Every event type the training service publishes (ODOPMessages), by its wire types.
        let training = [
            ApplicationSubmitted.eventType, ApplicationVerified.eventType, ApplicationSelected.eventType, ApplicationRejected.eventType,
            BatchScheduled.eventType, BatchStarted.eventType, BatchCompleted.eventType, BatchCancelled.eventType,
            EnrolmentCreated.eventType, EnrolmentCompleted.eventType, EnrolmentDropped.eventType, CertificateIssued.eventType,
            ToolkitIssued.eventType, ToolkitRedeemed.eventType, ToolkitDelivered.eventType, StipendPaid.eventType,
            ArtisanErased.eventType,
        ]
        for type in training {
            #expect(MessageTemplates.byType[type]?[.en] != nil && MessageTemplates.byType[type]?[.hi] != nil, "\(type)")
        }
        for type in expected {
            #expect(MessageTemplates.byType[type]?[.en] != nil, "\(type) en")
            #expect(MessageTemplates.byType[type]?[.hi] != nil, "\(type) hi")
        }
        for (type, languages) in MessageTemplates.byType {
            #expect(Set(languages.keys) == Set(MessageLanguage.allCases), "\(type)")
        }
    }

    @Test func amountsInRupeesAndPlanWords() {
        let renderer = MessageRenderer()
        let toolkit = EventEnvelope(
            id: "e", type: "training.toolkit.issued", schema: 1, source: "training", seq: 1, time: "2026-11-23T07:05:01.000Z",
            correlationId: nil,
            data: .object([
                "valueRupees": .int(20000), "schemeId": .string("up-odop-toolkit"), "district": .string("Agra"),
                "state": .string("Uttar Pradesh"),
            ]))
        #expect(renderer.render(toolkit, language: .en).text.contains("₹20,000"))
        let plan = try! EventEnvelope.make(
            ExportPlanUpdated(
                ExportPlan(
                    planId: "deap-UP-agra-1", state: "Uttar Pradesh", stateCode: "UP", district: "Agra", districtId: "UP-agra",
                    status: .adopted, products: [], targetMarkets: [], bottlenecks: [], interventions: [], depcAdoption: nil,
                    sepcReviewNotes: [], version: 3, createdAt: "x", updatedAt: "y"), change: .reviewNoted),
            source: "exports", seq: 3, correlationId: nil, time: RFC3339.date(from: "2026-11-23T07:05:01Z")!)
        #expect(
            renderer.render(plan, language: .en).text
                == "The District Export Action Plan of Agra, Uttar Pradesh (adopted) changed: an SEPC review was noted (23 Nov 2026, 12:35 IST)."
        )
        #expect(renderer.render(plan, language: .hi).text.contains("अपनाई गई"))
    }

    @Test func aTypeWithoutATemplateIsStillReadable() {
        let event = EventEnvelope(
            id: "e", type: "training.batch.rescheduled", schema: 1, source: "training", seq: 1, time: "2026-11-23T07:05:01.000Z",
            correlationId: nil, data: .object(["district": .string("Agra"), "state": .string("Uttar Pradesh"), "status": .string("draft")]))
        #expect(
            MessageRenderer().render(event, language: .en).text
                == "training.batch.rescheduled on 23 Nov 2026, 12:35 IST in Agra, Uttar Pradesh (status: draft).")
        #expect(
            MessageRenderer().render(event, language: .hi).text
                == "training.batch.rescheduled, 23 नवंबर 2026, 12:35 IST, Agra, Uttar Pradesh (स्थिति: मसौदा)।")
    }
}
