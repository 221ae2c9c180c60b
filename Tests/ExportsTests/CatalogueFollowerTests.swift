import Exports
import Foundation
import GRDB
import ODOPCatalogueCopy
import ODOPMessages
import ODOPRuntime
import ODOPTesting
import Testing

/// The exports service's catalogue handler (the shared catalogue copy with the plan reactions) on its own, against a real exports database: the runtime's
/// cursor applies each event once, and the handler is safe even when it is not.
@Suite("catalogue event handler")
struct CatalogueFollowerTests {
    let directory = TemporaryDirectory(prefix: "odop-exports-handler")
    let store: ServiceStore
    let follower = ExportsService().follows[0].handler

    init() throws {
        store = try ServiceStore(directory: directory.path, definition: ExportsService())
    }

    static func product(version: Int = 1, name: String = "Glass Bangles", status: ProductStatus = .active) -> ProductRecord {
        ProductRecord(
            id: "p-1", version: version, state: "Uttar Pradesh", stateCode: "UP", district: "Firozabad",
            districtId: "UP-firozabad", lgdCode: 160, name: name, sector: "handicraft", category: nil, description: nil,
            giStatus: true, giRegistry: nil, ministry: nil, status: status, retiredReason: nil,
            createdAt: "2024-01-01T00:00:00.000Z", updatedAt: "2024-01-01T00:00:00.000Z")
    }

    func apply<P: EventPayload>(_ payload: P, seq: Int64) throws {
        let envelope = try EventEnvelope.make(payload, source: "catalogue", seq: seq, correlationId: nil)
        try store.write { try follower.apply(envelope, in: $0) }
    }

    func plans() throws -> [ExportPlan] {
        try store.read { db in
            try Data.fetchAll(db, sql: "SELECT document FROM plans ORDER BY id").map { try JSONDecoder().decode(ExportPlan.self, from: $0) }
        }
    }

    @Test func applyingAnEventTwiceHasNoSecondEffect() throws {
        try apply(ProductRegistered(Self.product()), seq: 1)
        try apply(ProductRegistered(Self.product()), seq: 1)
        #expect(try plans().count == 1)
        #expect(try plans()[0].version == 1)
        #expect(try store.lastSeq() == 1)

        try apply(ProductUpdated(Self.product(version: 2, name: "Firozabad Glass Bangles")), seq: 2)
        try apply(ProductUpdated(Self.product(version: 2, name: "Firozabad Glass Bangles")), seq: 2)
        #expect(try plans()[0].products[0].name == "Firozabad Glass Bangles")
        #expect(try store.lastSeq() == 2)

        // An older state of the product (say, replayed after a skip) does not undo the newer one.
        try apply(ProductRegistered(Self.product()), seq: 1)
        #expect(try plans()[0].products[0].name == "Firozabad Glass Bangles")

        try apply(ProductRetired(Self.product(version: 3, name: "Firozabad Glass Bangles", status: .retired)), seq: 3)
        try apply(ProductRetired(Self.product(version: 3, name: "Firozabad Glass Bangles", status: .retired)), seq: 3)
        #expect(try plans().map(\.status) == [.archived])
        #expect(try store.lastSeq() == 3)
    }

    @Test func districtsAreRecordedAndUnknownEventsIgnored() throws {
        let district = DistrictRecord(
            id: "UP-agra", state: "Uttar Pradesh", stateCode: "UP", name: "Agra", lgdCode: 118, aliases: ["Agra City"])
        try apply(DistrictRegistered(district), seq: 1)
        try apply(DistrictRegistered(district), seq: 1)
        let other = EventEnvelope(
            id: UUID().uuidString, type: "catalogue.gi.reconciled", schema: 1, source: "catalogue", seq: 2,
            time: RFC3339.string(from: Date()), correlationId: nil, data: ["anything": true])
        try store.write { try follower.apply(other, in: $0) }
        #expect(try store.read { try CatalogueCopyReader($0).districtCount() } == 1)
        #expect(try plans().isEmpty)
        #expect(try store.lastSeq() == 0)
    }

    @Test("an event it cannot read is refused (the subscription stalls on it), never half applied")
    func unreadableEventsAreRefused() throws {
        var envelope = try EventEnvelope.make(ProductRegistered(Self.product()), source: "catalogue", seq: 1, correlationId: nil)
        envelope.schema = 2
        #expect(throws: CommandError.self) { try store.write { try follower.apply(envelope, in: $0) } }
        envelope.schema = 1
        envelope.data = ["id": "p-1", "name": "no district"]
        #expect(throws: CommandError.self) { try store.write { try follower.apply(envelope, in: $0) } }
        #expect(try plans().isEmpty)
        #expect(try store.read { try CatalogueCopyReader($0).productCount() } == 0)
    }
}
