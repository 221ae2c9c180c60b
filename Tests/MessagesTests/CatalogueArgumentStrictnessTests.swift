import Foundation
import ODOPMessages
import ODOPReference
import Testing

/// Decodes `args` through `C.decodeArguments` (what the catalogue's command server does) and
/// returns the `invalid_argument` error, which must name `field`.
@discardableResult
private func expectInvalid<C: CommandSchema>(
    _ schema: C.Type, _ args: JSONValue, field: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> CommandError {
    let thrown = #expect(throws: CommandError.self, sourceLocation: sourceLocation) {
        try C.decodeArguments(args)
    }
    let error = try #require(thrown, sourceLocation: sourceLocation)
    #expect(error.code == .invalidArgument, "\(error)", sourceLocation: sourceLocation)
    #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
    return error
}

/// The catalogue's arguments are read strictly: a missing member, a value of the wrong type or
/// an unknown enumerated value is `invalid_argument` naming the member.
@Suite("Catalogue argument strictness")
struct CatalogueArgumentStrictnessTests {
    static let register: JSONValue = [
        "state": "Uttar Pradesh", "district": "Firozabad", "name": "Firozabad Glass", "sector": "manufacturing",
    ]

    static func replacing(_ args: JSONValue, _ key: String, with value: JSONValue?) -> JSONValue {
        guard case .object(var members) = args else { return args }
        members[key] = value
        return .object(members)
    }

    @Test func productRegisterWithEveryRequiredMemberDecodes() throws {
        let arguments = try ProductRegister.decodeArguments(Self.register)
        let expected = ProductRegister.Arguments(
            state: "Uttar Pradesh", district: "Firozabad", name: "Firozabad Glass", sector: "manufacturing")
        #expect(arguments == expected)
    }

    @Test func productRegisterWithoutSector() throws {
        let withoutSector = Self.replacing(Self.register, "sector", with: nil)
        let error = try expectInvalid(ProductRegister.self, withoutSector, field: "sector")
        #expect(error.message == "missing field 'sector'")
    }

    @Test(arguments: ["state", "district", "name", "sector"])
    func productRegisterWithoutARequiredMember(member: String) throws {
        try expectInvalid(ProductRegister.self, Self.replacing(Self.register, member, with: nil), field: member)
        try expectInvalid(ProductRegister.self, Self.replacing(Self.register, member, with: .null), field: member)
    }

    @Test func productRegisterWithGIStatusAsAString() throws {
        let error = try expectInvalid(
            ProductRegister.self, Self.replacing(Self.register, "giStatus", with: "Yes"), field: "giStatus")
        #expect(error.message == #"field 'giStatus' must be a boolean, got "Yes""#)
        try expectInvalid(
            ProductRegister.self, Self.replacing(Self.register, "giStatus", with: "true"), field: "giStatus")
        try expectInvalid(ProductRegister.self, Self.replacing(Self.register, "giStatus", with: 1), field: "giStatus")
    }

    @Test func productSearchWithAFractionalLimit() throws {
        let error = try expectInvalid(ProductSearch.self, ["state": "Uttar Pradesh", "limit": 1.5], field: "limit")
        #expect(error.message == "field 'limit' must be an integer, got 1.5")
        #expect(try ProductSearch.decodeArguments(["limit": 20.0]).limit == 20)
    }

    @Test func productSearchWithAnUnknownStatus() throws {
        let error = try expectInvalid(ProductSearch.self, ["status": "withdrawn"], field: "status")
        #expect(error.message == #"field 'status' has an invalid value "withdrawn""#)
        try expectInvalid(ProductSearch.self, ["status": "Retired"], field: "status")  // enumerations are exact
        #expect(try ProductSearch.decodeArguments(["status": "retired"]).status == .retired)
    }

    @Test(
        arguments: [
            (["limit": 0] as JSONValue, "limit"), (["limit": 1001], "limit"), (["limit": -5], "limit"),
            (["limit": "50"], "limit"), (["offset": -1], "offset"), (["offset": 0.5], "offset"), (["gi": "yes"], "gi"),
            (["text": 7], "text"), (["state": ["Uttar Pradesh"]], "state"),
        ] as [(JSONValue, String)])
    func productSearchOutOfRangeOrMistyped(args: JSONValue, field: String) throws {
        try expectInvalid(ProductSearch.self, args, field: field)
    }

    @Test func productSearchLimitBounds() throws {
        #expect(try ProductSearch.decodeArguments([:]) == ProductSearch.Arguments())
        #expect(try ProductSearch.decodeArguments(["limit": 1]).limit == 1)
        #expect(try ProductSearch.decodeArguments(["limit": 1000, "offset": 0]).limit == 1000)
    }

    @Test func productUpdateNeedsIDAndExpectedVersion() throws {
        try expectInvalid(
            ProductUpdate.self, ["id": "p-201937a4-120a-4031-ab4c-966a4578c739"], field: "expectedVersion")
        try expectInvalid(ProductUpdate.self, ["expectedVersion": 1], field: "id")
        try expectInvalid(
            ProductUpdate.self, ["id": "p-201937a4-120a-4031-ab4c-966a4578c739", "expectedVersion": "1"],
            field: "expectedVersion")
    }

    @Test func districtRegisterLGDCodeIsAnInteger() throws {
        try expectInvalid(
            DistrictRegister.self, ["state": "Uttar Pradesh", "name": "Firozabad", "lgdCode": "143"], field: "lgdCode")
        try expectInvalid(
            DistrictRegister.self, ["state": "Uttar Pradesh", "name": "Firozabad", "lgdCode": 143.5], field: "lgdCode")
    }

    @Test func productsImportNeedsCSVText() throws {
        try expectInvalid(ProductsImport.self, [:], field: "csv")
        try expectInvalid(ProductsImport.self, ["csv": ["State,Product"]], field: "csv")
    }

    @Test func unknownMembersAreIgnored() throws {
        let arguments = try ProductGet.decodeArguments(
            ["id": "p-201937a4-120a-4031-ab4c-966a4578c739", "fields": ["name"]])
        #expect(arguments == .init(id: "p-201937a4-120a-4031-ab4c-966a4578c739"))
    }
}
