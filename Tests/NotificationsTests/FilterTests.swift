import Foundation
import ODOPMessages
import ODOPTesting
import Testing

@testable import Notifications

/// A training event as the training service would publish it: ids, places and the scheme, no
/// sector and no personal data (the shape here is the test's; the filter reads only
/// `productId`, `districtId`, `district` and `stateCode`).
struct StubCertificateIssued: EventPayload {
    static let eventType = "training.certificate.issued"
    static let schemaVersion = 1
    var certificateNumber: String
    var schemeId: String
    var productId: String
    var districtId: String
    var district: String
    var state: String
    var stateCode: String
}

@Suite("Filters", .serialized)
struct FilterTests {
    static func product(_ id: String, name: String, sector: String, district: String) -> ProductRecord {
        ProductRecord(
            id: id, version: 1, state: "Uttar Pradesh", stateCode: "UP", district: district, districtId: "UP-\(district.lowercased())",
            lgdCode: nil, name: name, sector: sector, category: nil, description: nil, giStatus: false, giRegistry: nil, ministry: nil,
            status: .active, retiredReason: nil, createdAt: "2026-11-23T07:05:01.000Z", updatedAt: "2026-11-23T07:05:01.000Z")
    }

    static func certificate(_ id: String, productId: String, district: String) -> StubCertificateIssued {
        StubCertificateIssued(
            certificateNumber: id, schemeId: "up-odop-skill-toolkit", productId: productId,
            districtId: "UP-\(district.lowercased())", district: district, state: "Uttar Pradesh", stateCode: "UP")
    }

    /// A training event carries no sector: the filter finds it through the copy of the catalogue.
    @Test func aSectorFilterReadsTheCatalogueCopyForEventsWithoutASector() async throws {
        let harness = try NotificationsHarness()
        let file = harness.directory.file("handicraft.jsonl").path
        let created = try harness.client().call(
            SubscriptionCreate.self,
            .init(
                recipient: Recipient(name: "EPCH", role: "export promotion council"), channel: "file", target: file,
                filter: SubscriptionFilter(types: ["training.", "catalogue.product."], sectors: ["Handicraft"]), language: "hi"))
        try harness.catalogue.publish(
            DistrictRegistered(
                DistrictRecord(id: "UP-moradabad", state: "Uttar Pradesh", stateCode: "UP", name: "Moradabad", lgdCode: nil, aliases: [])))
        try harness.catalogue.publish(
            DistrictRegistered(
                DistrictRecord(id: "UP-agra", state: "Uttar Pradesh", stateCode: "UP", name: "Agra", lgdCode: nil, aliases: [])))
        let brass = try harness.catalogue.publish(
            ProductRegistered(Self.product("p-brass", name: "Brassware", sector: "handicraft", district: "Moradabad")))
        try harness.catalogue.publish(
            ProductRegistered(Self.product("p-petha", name: "Petha", sector: "food processing", district: "Agra")))
        try await eventuallyAsync("the catalogue event delivered") { try harness.deliveries(status: .sent).count == 1 }
        let matching = try harness.training.publish(Self.certificate("c-1", productId: "p-brass", district: "Moradabad"))
        try harness.training.publish(Self.certificate("c-2", productId: "p-petha", district: "Agra"))
        let alsoMatching = try harness.training.publish(Self.certificate("c-3", productId: "p-unknown", district: "Moradabad"))
        try await eventuallyAsync("training deliveries") { try harness.deliveries(status: .sent).count == 3 }
        try await Task.sleep(for: .milliseconds(200))
        let delivered = try harness.deliveries(subscriptionId: created.subscription.id).compactMap(\.eventId)
        #expect(
            delivered == [brass.id, matching.id, alsoMatching.id], "c-2 (food processing) is filtered out; c-3 matches by its district")
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        let text = try WireFormat.parse(Data(lines[1].utf8))["body"]?["data"]?["message"]?["text"]?.stringValue
        #expect(text?.contains("प्रमाणपत्र c-1") == true, "\(text ?? "")")
        await harness.stop()
    }

    @Test func stateAndDistrictFilters() async throws {
        let harness = try NotificationsHarness()
        let up = try harness.client().call(
            SubscriptionCreate.self,
            .init(
                recipient: Recipient(name: "UP", role: "state"), channel: "log", target: "up",
                filter: SubscriptionFilter(types: ["exports."], states: ["IN-UP"])))
        let varanasi = try harness.client().call(
            SubscriptionCreate.self,
            .init(
                recipient: Recipient(name: "Varanasi", role: "district officer"), channel: "log", target: "varanasi",
                filter: SubscriptionFilter(types: ["exports."], districts: ["varanasi"])))
        let tamilNadu = try harness.client().call(
            SubscriptionCreate.self,
            .init(
                recipient: Recipient(name: "TN", role: "state"), channel: "log", target: "tn",
                filter: SubscriptionFilter(types: ["exports."], states: ["Tamilnadu"])))
        try harness.emitFigures(2, district: "Agra")
        try harness.emitFigures(1, district: "Varanasi")
        try await eventuallyAsync("four deliveries") { try harness.deliveries(status: .sent).count == 4 }
        #expect(try harness.deliveries(subscriptionId: up.subscription.id).count == 3)
        #expect(try harness.deliveries(subscriptionId: varanasi.subscription.id).count == 1)
        #expect(try harness.deliveries(subscriptionId: tamilNadu.subscription.id).isEmpty)
        await harness.stop()
    }
}
