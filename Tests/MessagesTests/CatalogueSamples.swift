import Foundation
import ODOPMessages
import ODOPReference
import Testing

/// The catalogue sample values the `catalogue-*` golden fixtures were written from; each is also
/// the expected result of decoding its fixture. They were checked against a running
/// `odop-catalogue` (with the GI registry): the same commands give these results, ids and
/// timestamps aside.
///
/// Two stories, both from the real ODOP list:
/// - Firozabad Glass registered by hand in an empty catalogue: `district.register` (seq 1),
///   `product.register` (seq 2, version 1), `product.update` (seq 3, version 2),
///   `product.get`, `product.retire` (seq 4, version 3).
/// - A six-row excerpt of the list imported into another empty catalogue (`products.import`),
///   then `district.list`, `product.search`, `stats` and `gi.discrepancies` on it.
enum CatalogueSamples {
    // MARK: Reference data

    /// `states.list` as the catalogue answers it: all 36, sorted by name.
    static let states: [StateRecord] = stateRows.map { StateRecord(code: $0.code, name: $0.name, kind: $0.kind) }

    private static let stateRows: [(code: String, name: String, kind: String)] = [
        ("AN", "Andaman and Nicobar Islands", "union territory"), ("AP", "Andhra Pradesh", "state"),
        ("AR", "Arunachal Pradesh", "state"), ("AS", "Assam", "state"), ("BR", "Bihar", "state"),
        ("CH", "Chandigarh", "union territory"), ("CG", "Chhattisgarh", "state"),
        ("DH", "Dadra and Nagar Haveli and Daman and Diu", "union territory"), ("DL", "Delhi", "union territory"),
        ("GA", "Goa", "state"), ("GJ", "Gujarat", "state"), ("HR", "Haryana", "state"),
        ("HP", "Himachal Pradesh", "state"), ("JK", "Jammu and Kashmir", "union territory"),
        ("JH", "Jharkhand", "state"), ("KA", "Karnataka", "state"), ("KL", "Kerala", "state"),
        ("LA", "Ladakh", "union territory"), ("LD", "Lakshadweep", "union territory"),
        ("MP", "Madhya Pradesh", "state"), ("MH", "Maharashtra", "state"), ("MN", "Manipur", "state"),
        ("ML", "Meghalaya", "state"), ("MZ", "Mizoram", "state"), ("NL", "Nagaland", "state"),
        ("OD", "Odisha", "state"), ("PY", "Puducherry", "union territory"), ("PB", "Punjab", "state"),
        ("RJ", "Rajasthan", "state"), ("SK", "Sikkim", "state"), ("TN", "Tamil Nadu", "state"),
        ("TS", "Telangana", "state"), ("TR", "Tripura", "state"), ("UP", "Uttar Pradesh", "state"),
        ("UK", "Uttarakhand", "state"), ("WB", "West Bengal", "state"),
    ]

    static let uttarPradesh = StateRecord(code: "UP", name: "Uttar Pradesh", kind: "state")

    static let firozabad = DistrictRecord(
        id: "UP-firozabad", state: "Uttar Pradesh", stateCode: "UP", name: "Firozabad", lgdCode: 143, aliases: [])

    /// The list spells it both `Belagavi` and `Belagavi (Belgaum)` (LGD 527); the import merged them.
    static let belagavi = DistrictRecord(
        id: "KA-belagavi", state: "Karnataka", stateCode: "KA", name: "Belagavi", lgdCode: 527,
        aliases: ["Belagavi (Belgaum)"])

    /// A district formed in 2023, after the list was drawn up, registered without an LGD code.
    static let maihar = DistrictRecord(
        id: "MP-maihar", state: "Madhya Pradesh", stateCode: "MP", name: "Maihar", lgdCode: nil, aliases: [])

    static let firozabadGlassGI = GIRegistryMatch(name: "Firozabad Glass", goods: "handicraft")

    // MARK: Firozabad Glass, by hand

    static let productID = "p-201937a4-120a-4031-ab4c-966a4578c739"
    /// The first sentence of the list's description.
    static let description =
        "Whether used to adorn a table setting or as a standalone piece of art, "
        + "Firozabad glassware is a true treasure to behold."
    static let retiredReason = "withdrawn by the district at the 2026 review"
    static let registeredAt = "2026-11-23T07:10:31.207Z"
    static let updatedAt = "2026-11-23T07:12:48.630Z"
    static let retiredAt = "2026-11-23T07:20:15.044Z"

    /// Version 1, as `product.register` returns it: no category or description yet.
    static let firozabadGlassV1 = ProductRecord(
        id: productID, version: 1, state: "Uttar Pradesh", stateCode: "UP", district: "Firozabad",
        districtId: "UP-firozabad", lgdCode: 143, name: "Firozabad Glass", sector: "manufacturing", category: nil,
        description: nil, giStatus: true, giRegistry: firozabadGlassGI, ministry: "Ministry of MSME", status: .active,
        retiredReason: nil, createdAt: registeredAt, updatedAt: registeredAt)

    /// Version 2, after `product.update` set the category and description.
    static let firozabadGlassV2: ProductRecord = {
        var product = firozabadGlassV1
        product.version = 2
        product.category = "primary"
        product.description = description
        product.updatedAt = updatedAt
        return product
    }()

    /// Version 3, retired: every optional member present.
    static let firozabadGlassV3: ProductRecord = {
        var product = firozabadGlassV2
        product.version = 3
        product.status = .retired
        product.retiredReason = retiredReason
        product.updatedAt = retiredAt
        return product
    }()

    /// A product without any optional member: registered with only the required arguments, in a
    /// district registered without its LGD code, by a catalogue running without a GI registry.
    static let minimalProduct = ProductRecord(
        id: "p-aaeaa6b7-524f-4695-ac72-60b735c441c2", version: 1, state: "Uttar Pradesh", stateCode: "UP",
        district: "Firozabad", districtId: "UP-firozabad", lgdCode: nil, name: "Firozabad Glass",
        sector: "manufacturing", category: nil, description: nil, giStatus: false, giRegistry: nil, ministry: nil,
        status: .active, retiredReason: nil, createdAt: "2026-11-23T06:58:12.406Z",
        updatedAt: "2026-11-23T06:58:12.406Z")

    static let districtRegisterArguments = DistrictRegister.Arguments(
        state: "Uttar Pradesh", name: "Firozabad", lgdCode: 143)

    /// The CSV spellings `Manufacturing` and `MSME` are normalised in the result.
    static let productRegisterArguments = ProductRegister.Arguments(
        state: "Uttar Pradesh", district: "Firozabad", name: "Firozabad Glass", sector: "Manufacturing",
        giStatus: true, ministry: "MSME")

    static let productUpdateArguments = ProductUpdate.Arguments(
        id: productID, expectedVersion: 1, category: "Primary", description: description)

    static let productGetArguments = ProductGet.Arguments(id: productID)

    static let productRetireArguments = ProductRetire.Arguments(id: productID, reason: retiredReason)

    // MARK: Events of the Firozabad story

    static let districtRegisterRequestID = "557e35b7-e37c-4c42-8af9-89d79f868d7f"
    static let productRegisterRequestID = "b6adb2ce-7f2c-4adf-9dca-146e10d705ca"
    static let productUpdateRequestID = "f1f47ae8-289c-4cfa-bbf5-f48b6956c945"
    static let productRetireRequestID = "7c32af95-1430-4ea9-9715-5389ee7c1e87"

    static func envelope<P: EventPayload>(
        _ payload: P, seq: Int64, id: String, time: String, correlationId: String
    ) throws -> EventEnvelope {
        let date = try #require(RFC3339.date(from: time))
        return try EventEnvelope.make(
            payload, source: "catalogue", seq: seq, correlationId: correlationId, id: id, time: date)
    }

    static func districtRegistered() throws -> EventEnvelope {
        try envelope(
            DistrictRegistered(firozabad), seq: 1, id: "5e08156c-af54-4184-875e-2dd2e0aed1c4",
            time: "2026-11-23T07:10:04.512Z", correlationId: districtRegisterRequestID)
    }

    static func productRegistered() throws -> EventEnvelope {
        try envelope(
            ProductRegistered(firozabadGlassV1), seq: 2, id: "c785671d-ff02-4e07-9d72-b04cf719b366",
            time: "2026-11-23T07:10:31.208Z", correlationId: productRegisterRequestID)
    }

    static func productUpdated() throws -> EventEnvelope {
        try envelope(
            ProductUpdated(firozabadGlassV2), seq: 3, id: "c8aee874-c50c-413f-9bb9-6211f3617c1d",
            time: "2026-11-23T07:12:48.631Z", correlationId: productUpdateRequestID)
    }

    static func productRetired() throws -> EventEnvelope {
        try envelope(
            ProductRetired(firozabadGlassV3), seq: 4, id: "71f4881f-2fcd-4f97-8bca-c00b575b3224",
            time: "2026-11-23T07:20:15.045Z", correlationId: productRetireRequestID)
    }

    // MARK: The imported excerpt

    /// Six rows of the real list (Description and Photo columns left out), the last with its
    /// sector misspelt on purpose.
    static let excerptCSV = """
        State,Product,District,LGD Code,Category,Sector,GI Status,Ministry/ Department
        Uttar Pradesh,Leather Products,Agra,118,Primary,Handicraft,Yes,DC Handicraft
        Uttar Pradesh,Firozabad Glass,Firozabad,143,Primary,Manufacturing,Yes,MSME
        Uttar Pradesh,Moradabad Metal Craft,Moradabad,171,Primary,Manufacturing,No,MSME
        Karnataka,Auto components,Belagavi (Belgaum),527,Primary,Manufacturing,No,MSME
        Karnataka,Foundry,Belagavi,527,Secondary,Manufacturing,No,MSME
        Uttar Pradesh,Lock & Hardware,Aligarh,119,Primary,Manufactring,Yes,MSME

        """

    static let importArguments = ProductsImport.Arguments(csv: excerptCSV)

    static let importResult = ProductsImport.Result(
        rowsRead: 6, productsCreated: 5, productsUnchanged: 0, productsUpdated: 0, districtsCreated: 4,
        districtsMerged: [
            .init(state: "Karnataka", district: "Belagavi", spellings: ["Belagavi (Belgaum)", "Belagavi"])
        ],
        duplicateRows: 0, rejected: [.init(line: 7, reason: #"Sector: unknown sector "Manufactring""#)],
        eventsEmitted: 9)

    static let districtListArguments = DistrictList.Arguments(state: "Karnataka")

    static let districtListResult = DistrictList.Result(items: [belagavi], total: 1)

    static let importedAt = "2026-11-23T07:41:17.751Z"

    static let importedFirozabadGlass = ProductRecord(
        id: "p-46ef413f-8155-4cb1-a8a4-21fb8657577a", version: 1, state: "Uttar Pradesh", stateCode: "UP",
        district: "Firozabad", districtId: "UP-firozabad", lgdCode: 143, name: "Firozabad Glass",
        sector: "manufacturing", category: "primary", description: nil, giStatus: true, giRegistry: firozabadGlassGI,
        ministry: "Ministry of MSME", status: .active, retiredReason: nil, createdAt: importedAt, updatedAt: importedAt)

    /// Two products match (Moradabad Metal Craft is the other); `limit` 1 returns the first.
    static let searchArguments = ProductSearch.Arguments(state: "Uttar Pradesh", sector: "manufacturing", limit: 1)

    static let searchResult = ProductSearch.Result(items: [importedFirozabadGlass], total: 2)

    static let statsResult = CatalogueStats.Result(
        products: 5, retired: 0, districts: 4, states: 2,
        byState: [.init(key: "Karnataka", count: 2), .init(key: "Uttar Pradesh", count: 3)],
        bySector: [.init(key: "handicraft", count: 1), .init(key: "manufacturing", count: 4)])

    static let discrepanciesResult = GIDiscrepancies.Result(
        items: [
            .init(
                productId: "p-dadaa7da-bc3e-48c2-a6fc-7dbbe71cc078", name: "Leather Products", state: "Uttar Pradesh",
                district: "Agra", listedGI: true, registryName: nil, kind: "flag_yes_but_unconfirmed"),
            .init(
                productId: "p-b15e600f-5b7e-408a-81dd-a126dafbcfe8", name: "Moradabad Metal Craft",
                state: "Uttar Pradesh", district: "Moradabad", listedGI: false, registryName: "Moradabad Metal Craft",
                kind: "flag_no_but_registered"),
        ],
        registeredButNotFlagged: 1, flaggedButUnconfirmed: 1)
}
