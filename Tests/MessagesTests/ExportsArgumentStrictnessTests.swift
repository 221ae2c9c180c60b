import Foundation
import ODOPMessages
import Testing

/// Decodes `args` through `C.decodeArguments` (what the exports service's command server does)
/// and returns the `invalid_argument` error, which must name `field`.
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

/// The exports arguments are read strictly, like every other: a missing member, a value of the
/// wrong type or an unknown vocabulary value is `invalid_argument` naming the member (by its
/// path inside lists).
@Suite("Exports argument strictness")
struct ExportsArgumentStrictnessTests {
    static func replacing(_ name: String, _ key: String, with value: JSONValue?) throws -> JSONValue {
        guard case .object(var members) = try WireFormat.parse(Fixture.data(name)) else {
            throw CommandError.invalidArgument("fixture \(name) is not an object")
        }
        members[key] = value
        return .object(members)
    }

    @Test func figuresRecordWithTheValueAsAString() throws {
        let args = try Self.replacing("exports-figures-record-args", "valueINRCrore", with: "1250.5")
        let error = try expectInvalid(FiguresRecord.self, args, field: "valueINRCrore")
        #expect(error.message == #"field 'valueINRCrore' must be a number, got "1250.5""#)
        try expectInvalid(
            FiguresRecord.self, try Self.replacing("exports-figures-record-args", "valueINRCrore", with: .null),
            field: "valueINRCrore")
        try expectInvalid(
            FiguresRecord.self, try Self.replacing("exports-figures-record-args", "valueINRCrore", with: -1),
            field: "valueINRCrore")
        // An integral number is a number.
        let integral = try Self.replacing("exports-figures-record-args", "valueINRCrore", with: 1250)
        #expect(try FiguresRecord.decodeArguments(integral).valueINRCrore == 1250)
    }

    @Test func planListWithAnUnknownStatus() throws {
        let error = try expectInvalid(PlanList.self, ["state": "UP", "status": "approved"], field: "status")
        #expect(error.message.contains(#""approved""#), "\(error.message)")
        #expect(error.message.contains("draft, prepared, adopted, archived"), "the accepted values are listed")
        try expectInvalid(PlanList.self, ["status": "Adopted"], field: "status")  // vocabularies are exact
        try expectInvalid(PlanList.self, ["status": 2], field: "status")
        #expect(try PlanList.decodeArguments(["status": "adopted"]).status == .adopted)
    }

    @Test func planAdoptWithoutAReference() throws {
        let args = try Self.replacing("exports-plan-adopt-args", "reference", with: nil)
        let error = try expectInvalid(PlanAdopt.self, args, field: "reference")
        #expect(error.message == "missing field 'reference'")
        try expectInvalid(
            PlanAdopt.self, try Self.replacing("exports-plan-adopt-args", "reference", with: "  "), field: "reference")
        try expectInvalid(
            PlanAdopt.self, try Self.replacing("exports-plan-adopt-args", "expectedVersion", with: "2"),
            field: "expectedVersion")
    }

    @Test func planPrepareNamesTheMemberInsideItsLists() throws {
        let badCategory: JSONValue = [["category": "logistics", "note": "Port far away"]]
        let error = try expectInvalid(
            PlanPrepare.self, try Self.replacing("exports-plan-prepare-args", "bottlenecks", with: badCategory),
            field: "bottlenecks.0.category")
        #expect(error.message.contains("market_access"), "the accepted categories are listed: \(error.message)")

        let noDueDate: JSONValue = [
            ["title": "Buyer-seller meet", "responsibleBody": "EPCH", "dueDate": "2025-01-20"],
            ["title": "GI tag awareness camp", "responsibleBody": "DIC Firozabad"],
        ]
        try expectInvalid(
            PlanPrepare.self, try Self.replacing("exports-plan-prepare-args", "interventions", with: noDueDate),
            field: "interventions.1.dueDate")
        try expectInvalid(
            PlanPrepare.self, try Self.replacing("exports-plan-prepare-args", "targetMarkets", with: "US"),
            field: "targetMarkets")
    }
}
