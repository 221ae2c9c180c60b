import Foundation
import ODOPMessages
import Testing

/// Golden fixtures `Fixtures/catalogue-*.json` for every catalogue record, event and command
/// (Shared/Messages/Catalogue), checked both ways with `assertGolden`.
@Suite("Catalogue golden fixtures")
struct CatalogueGoldenTests {
    typealias S = CatalogueSamples

    // MARK: Records

    @Test func stateRecord() throws {
        try assertGolden(S.uttarPradesh, fixture: "catalogue-state-record")
    }

    @Test func districtRecordWithAliases() throws {
        try assertGolden(S.belagavi, fixture: "catalogue-district-record")
    }

    @Test func districtRecordWithoutLGDCode() throws {
        try assertGolden(S.maihar, fixture: "catalogue-district-record-minimal")
        #expect(try JSONValue(encoding: S.maihar)["lgdCode"] == nil, "an absent optional is omitted, not null")
    }

    @Test func productRecordWithEveryOptionalMember() throws {
        let record = S.firozabadGlassV3
        #expect(record.lgdCode != nil && record.category != nil && record.description != nil)
        #expect(record.giRegistry != nil && record.ministry != nil && record.retiredReason != nil)
        try assertGolden(record, fixture: "catalogue-product-record")
    }

    @Test func productRecordWithoutOptionalMembers() throws {
        try assertGolden(S.minimalProduct, fixture: "catalogue-product-record-minimal")
        let object = try JSONValue(encoding: S.minimalProduct)
        for member in ["lgdCode", "category", "description", "giRegistry", "ministry", "retiredReason"] {
            #expect(object[member] == nil, "\(member) must be omitted when absent")
        }
    }

    @Test func giRegistryMatch() throws {
        try assertGolden(S.firozabadGlassGI, fixture: "catalogue-gi-registry-match")
    }

    // MARK: Events

    @Test func districtRegistered() throws {
        let envelope = try S.districtRegistered()
        try assertGolden(envelope, fixture: "catalogue-event-district-registered")
        #expect(envelope.type == "catalogue.district.registered" && envelope.schema == 1)
        #expect(try envelope.decodeData(DistrictRegistered.self) == DistrictRegistered(S.firozabad))
    }

    @Test func productRegistered() throws {
        let envelope = try S.productRegistered()
        try assertGolden(envelope, fixture: "catalogue-event-product-registered")
        #expect(envelope.type == "catalogue.product.registered" && envelope.schema == 1)
        #expect(try envelope.decodeData(ProductRegistered.self) == ProductRegistered(S.firozabadGlassV1))
    }

    @Test func productUpdated() throws {
        let envelope = try S.productUpdated()
        try assertGolden(envelope, fixture: "catalogue-event-product-updated")
        #expect(envelope.type == "catalogue.product.updated" && envelope.schema == 1)
        #expect(try envelope.decodeData(ProductUpdated.self) == ProductUpdated(S.firozabadGlassV2))
    }

    @Test func productRetired() throws {
        let envelope = try S.productRetired()
        try assertGolden(envelope, fixture: "catalogue-event-product-retired")
        #expect(envelope.type == "catalogue.product.retired" && envelope.schema == 1)
        #expect(try envelope.decodeData(ProductRetired.self) == ProductRetired(S.firozabadGlassV3))
    }

    /// An event's `data` is the record itself, member for member: not `{"product": {...}}`.
    @Test func payloadsEncodeFlatAsTheirRecord() throws {
        let product = try JSONValue(encoding: S.firozabadGlassV3)
        for payload in [
            try JSONValue(encoding: ProductRegistered(S.firozabadGlassV3)),
            try JSONValue(encoding: ProductUpdated(S.firozabadGlassV3)),
            try JSONValue(encoding: ProductRetired(S.firozabadGlassV3)),
        ] {
            #expect(payload == product)
            #expect(payload["product"] == nil)
        }
        let district = try JSONValue(encoding: DistrictRegistered(S.belagavi))
        #expect(district == (try JSONValue(encoding: S.belagavi)))
        #expect(district["district"] == nil)

        // Each event fixture's data is the corresponding record fixture, read as a record.
        let retired = try WireFormat.decode(EventEnvelope.self, from: Fixture.data("catalogue-event-product-retired"))
        #expect(try retired.decodeData(ProductRecord.self) == S.firozabadGlassV3)
        #expect(retired.data == (try WireFormat.parse(Fixture.data("catalogue-product-record"))))
        let registered = try WireFormat.decode(
            EventEnvelope.self, from: Fixture.data("catalogue-event-district-registered"))
        #expect(try registered.decodeData(DistrictRecord.self) == S.firozabad)
    }

    /// Results of the product commands are the records their events carry.
    @Test func commandResultsMatchEventData() throws {
        #expect(try S.productRegistered().data == JSONValue(encoding: S.firozabadGlassV1))
        #expect(try S.productUpdated().data == JSONValue(encoding: S.firozabadGlassV2))
        #expect(try S.productRetired().data == JSONValue(encoding: S.firozabadGlassV3))
        #expect(try S.districtRegistered().data == JSONValue(encoding: S.firozabad))
    }

    // MARK: Commands

    @Test func statesList() throws {
        try assertGolden(NoArguments(), fixture: "catalogue-states-list-args")
        try assertGolden(StatesList.Result(items: S.states), fixture: "catalogue-states-list-result")
        #expect(S.states.count == 36)
        #expect(S.states.filter { $0.kind == "union territory" }.count == 8)
        #expect(S.states.map(\.name) == S.states.map(\.name).sorted())
    }

    @Test func districtRegister() throws {
        try assertGolden(S.districtRegisterArguments, fixture: "catalogue-district-register-args")
        try assertGolden(S.firozabad, fixture: "catalogue-district-register-result")
    }

    @Test func districtList() throws {
        try assertGolden(S.districtListArguments, fixture: "catalogue-district-list-args")
        try assertGolden(S.districtListResult, fixture: "catalogue-district-list-result")
    }

    @Test func productRegister() throws {
        try assertGolden(S.productRegisterArguments, fixture: "catalogue-product-register-args")
        try assertGolden(S.firozabadGlassV1, fixture: "catalogue-product-register-result")
    }

    @Test func productUpdate() throws {
        try assertGolden(S.productUpdateArguments, fixture: "catalogue-product-update-args")
        try assertGolden(S.firozabadGlassV2, fixture: "catalogue-product-update-result")
    }

    @Test func productRetire() throws {
        try assertGolden(S.productRetireArguments, fixture: "catalogue-product-retire-args")
        try assertGolden(S.firozabadGlassV3, fixture: "catalogue-product-retire-result")
    }

    @Test func productGet() throws {
        try assertGolden(S.productGetArguments, fixture: "catalogue-product-get-args")
        try assertGolden(S.firozabadGlassV2, fixture: "catalogue-product-get-result")
    }

    @Test func productSearch() throws {
        try assertGolden(S.searchArguments, fixture: "catalogue-product-search-args")
        try assertGolden(S.searchResult, fixture: "catalogue-product-search-result")
    }

    @Test func productsImport() throws {
        try assertGolden(S.importArguments, fixture: "catalogue-products-import-args")
        try assertGolden(S.importResult, fixture: "catalogue-products-import-result")
    }

    @Test func stats() throws {
        try assertGolden(NoArguments(), fixture: "catalogue-stats-args")
        try assertGolden(S.statsResult, fixture: "catalogue-stats-result")
    }

    @Test func giDiscrepancies() throws {
        try assertGolden(NoArguments(), fixture: "catalogue-gi-discrepancies-args")
        try assertGolden(S.discrepanciesResult, fixture: "catalogue-gi-discrepancies-result")
    }

    /// Every argument fixture also passes the schema's own strict decoding and validation.
    @Test func argumentFixturesDecodeThroughTheirSchema() throws {
        func args(_ name: String) throws -> JSONValue { try WireFormat.parse(Fixture.data(name)) }
        #expect(try StatesList.decodeArguments(args("catalogue-states-list-args")) == NoArguments())
        let districtRegister = try DistrictRegister.decodeArguments(args("catalogue-district-register-args"))
        #expect(districtRegister == S.districtRegisterArguments)
        #expect(try DistrictList.decodeArguments(args("catalogue-district-list-args")) == S.districtListArguments)
        #expect(
            try ProductRegister.decodeArguments(args("catalogue-product-register-args")) == S.productRegisterArguments)
        #expect(try ProductUpdate.decodeArguments(args("catalogue-product-update-args")) == S.productUpdateArguments)
        #expect(try ProductRetire.decodeArguments(args("catalogue-product-retire-args")) == S.productRetireArguments)
        #expect(try ProductGet.decodeArguments(args("catalogue-product-get-args")) == S.productGetArguments)
        #expect(try ProductSearch.decodeArguments(args("catalogue-product-search-args")) == S.searchArguments)
        #expect(try ProductsImport.decodeArguments(args("catalogue-products-import-args")) == S.importArguments)
        #expect(try CatalogueStats.decodeArguments(args("catalogue-stats-args")) == NoArguments())
        #expect(try GIDiscrepancies.decodeArguments(args("catalogue-gi-discrepancies-args")) == NoArguments())
    }

    @Test func namesAndMutability() {
        let commands: [(name: String, mutating: Bool)] = [
            (StatesList.name, StatesList.isMutating), (DistrictRegister.name, DistrictRegister.isMutating),
            (DistrictList.name, DistrictList.isMutating), (ProductRegister.name, ProductRegister.isMutating),
            (ProductUpdate.name, ProductUpdate.isMutating), (ProductRetire.name, ProductRetire.isMutating),
            (ProductGet.name, ProductGet.isMutating), (ProductSearch.name, ProductSearch.isMutating),
            (ProductsImport.name, ProductsImport.isMutating), (CatalogueStats.name, CatalogueStats.isMutating),
            (GIDiscrepancies.name, GIDiscrepancies.isMutating),
        ]
        #expect(commands.map(\.name) == CatalogueCommandNames.all)
        #expect(
            commands.filter(\.mutating).map(\.name) == [
                "district.register", "product.register", "product.update", "product.retire", "products.import",
            ])
        #expect(ProductSearch.defaultLimit == 50 && ProductSearch.maximumLimit == 1000)
        let eventTypes = [
            ProductRegistered.eventType, ProductUpdated.eventType, ProductRetired.eventType,
            DistrictRegistered.eventType,
        ]
        #expect(eventTypes == CatalogueCommandNames.events)
    }
}

/// The catalogue's public names, as docs/PROTOCOL.md lists them.
enum CatalogueCommandNames {
    static let all = [
        "states.list", "district.register", "district.list", "product.register", "product.update",
        "product.retire", "product.get", "product.search", "products.import", "stats", "gi.discrepancies",
    ]
    static let events = [
        "catalogue.product.registered", "catalogue.product.updated", "catalogue.product.retired",
        "catalogue.district.registered",
    ]
}
