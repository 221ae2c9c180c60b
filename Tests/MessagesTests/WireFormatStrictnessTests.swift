import Foundation
import ODOPMessages
import Testing

/// A plan-like schema to decode against.
private struct Plan: Codable, Equatable {
    var state: String
    var limit: Int
    var status: SubscriptionState
    var interventions: [Intervention]
    var note: String?
}

private struct Intervention: Codable, Equatable {
    var title: String
    var budget: Double
}

private struct Small: Codable, Equatable {
    var level: UInt8
}

/// Decodes `json` both from bytes and from a parsed `JSONValue` and checks that both fail the
/// same way, with `code` and `field`; returns the error.
@discardableResult
private func expectFailure<T: Decodable>(
    _ type: T.Type, _ json: String, code: ErrorCode = .invalidArgument, field: String?,
    as decodeCode: ErrorCode = .invalidArgument, sourceLocation: SourceLocation = #_sourceLocation
) throws -> CommandError {
    let data = Data(json.utf8)
    let fromData = #expect(throws: CommandError.self, sourceLocation: sourceLocation) {
        try WireFormat.decode(type, from: data, as: decodeCode)
    }
    let error = try #require(fromData, sourceLocation: sourceLocation)
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
    if code != .invalidJSON {
        let value = try WireFormat.parse(data)
        let fromValue = #expect(throws: CommandError.self, sourceLocation: sourceLocation) {
            try WireFormat.decode(type, from: value, as: decodeCode)
        }
        #expect(fromValue == error, "decoding from JSONValue must fail the same way", sourceLocation: sourceLocation)
    }
    return error
}

private let validPlan = #"""
    {"state": "Bihar", "limit": 5, "status": "running",
     "interventions": [{"title": "Design lab", "budget": 12.5}, {"title": "Expo", "budget": 3}]}
    """#

@Suite("WireFormat strictness")
struct WireFormatStrictnessTests {
    @Test func validDocumentDecodes() throws {
        let plan = try WireFormat.decode(Plan.self, from: Data(validPlan.utf8))
        #expect(plan.state == "Bihar")
        #expect(plan.interventions[1].budget == 3)
        #expect(plan.note == nil)
    }

    @Test func missingField() throws {
        let error = try expectFailure(
            Plan.self, #"{"limit": 5, "status": "running", "interventions": []}"#, field: "state")
        #expect(error.message == "missing field 'state'")
    }

    @Test func missingFieldInNestedArray() throws {
        let error = try expectFailure(
            Plan.self,
            #"{"state": "Bihar", "limit": 5, "status": "running", "interventions": [{"title": "a", "budget": 1}, {"title": "b", "budget": 2}, {"budget": 3}]}"#,
            field: "interventions.2.title")
        #expect(error.message == "missing field 'interventions.2.title'")
    }

    @Test func wrongTypeInNestedArray() throws {
        try expectFailure(
            Plan.self,
            #"{"state": "Bihar", "limit": 5, "status": "running", "interventions": [{"title": "a", "budget": "lots"}]}"#,
            field: "interventions.0.budget")
    }

    @Test func stringForInteger() throws {
        let error = try expectFailure(
            Plan.self, #"{"state": "Bihar", "limit": "1", "status": "running", "interventions": []}"#, field: "limit")
        #expect(error.message == #"field 'limit' must be an integer, got "1""#)
    }

    @Test func fractionForInteger() throws {
        let error = try expectFailure(
            Plan.self, #"{"state": "Bihar", "limit": 1.5, "status": "running", "interventions": []}"#, field: "limit")
        #expect(error.message == "field 'limit' must be an integer, got 1.5")
    }

    @Test func integralFractionIsAnInteger() throws {
        let plan = try WireFormat.decode(
            Plan.self, from: Data(#"{"state": "B", "limit": 2.0, "status": "running", "interventions": []}"#.utf8))
        #expect(plan.limit == 2)
    }

    @Test func numberForString() throws {
        let error = try expectFailure(
            Plan.self, #"{"state": 7, "limit": 1, "status": "running", "interventions": []}"#, field: "state")
        #expect(error.message == "field 'state' must be a string, got 7")
    }

    @Test func nullForNonOptional() throws {
        let error = try expectFailure(
            Plan.self, #"{"state": null, "limit": 1, "status": "running", "interventions": []}"#, field: "state")
        #expect(error.message == "field 'state' must be a string, got null")
        try expectFailure(
            Plan.self, #"{"state": "B", "limit": 1, "status": "running", "interventions": null}"#,
            field: "interventions")
    }

    @Test func nullOrAbsentForOptional() throws {
        let plan = try WireFormat.decode(
            Plan.self,
            from: Data(#"{"state": "B", "limit": 1, "status": "running", "interventions": [], "note": null}"#.utf8))
        #expect(plan.note == nil)
        try expectFailure(
            Plan.self, #"{"state": "B", "limit": 1, "status": "running", "interventions": [], "note": 5}"#,
            field: "note")
    }

    @Test func invalidEnumValue() throws {
        let error = try expectFailure(
            Plan.self, #"{"state": "B", "limit": 1, "status": "bogus", "interventions": []}"#, field: "status")
        #expect(error.message == #"field 'status' has an invalid value "bogus""#)
    }

    @Test func integerOutOfRange() throws {
        let error = try expectFailure(Small.self, #"{"level": 300}"#, field: "level")
        #expect(error.message.contains("300"))
        try expectFailure(Small.self, #"{"level": -1}"#, field: "level")
    }

    @Test func wrongContainerKinds() throws {
        let error = try expectFailure(Plan.self, #"[1, 2]"#, field: nil)
        #expect(error.message == "value must be an object, got an array")
        try expectFailure(
            Plan.self, #"{"state": "B", "limit": 1, "status": "running", "interventions": {}}"#,
            field: "interventions")
        try expectFailure(
            Plan.self, #"{"state": "B", "limit": 1, "status": "running", "interventions": [7]}"#,
            field: "interventions.0")
    }

    @Test func errorCodeIsTheCallersChoice() throws {
        try expectFailure(
            Plan.self, #"{"limit": 1}"#, code: .internal, field: "state", as: .internal)
    }

    @Test func unknownFieldsAreTolerated() throws {
        let json = #"""
            {"state": "B", "limit": 1, "status": "running", "future": {"x": [1, 2]}, "interventions":
             [{"title": "t", "budget": 1, "currency": "INR"}]}
            """#
        let plan = try WireFormat.decode(Plan.self, from: Data(json.utf8))
        #expect(plan.interventions == [Intervention(title: "t", budget: 1)])
    }

    // MARK: Not JSON

    @Test func invalidUTF8InsideAStringValueNamesTheField() throws {
        var frame = Data(#"{"id":"a","command":"x","args":{"name":""#.utf8)
        frame.append(contentsOf: [0xFF, 0xFE])
        frame.append(contentsOf: #""}}"#.utf8)
        let error = #expect(throws: CommandError.self) { try WireFormat.parse(frame) }
        #expect(error?.code == .invalidJSON)
        #expect(error?.field == "args.name")
        #expect(error?.message.contains("args.name") == true)
    }

    @Test func invalidUTF8InsideAnArrayElementNamesTheIndex() throws {
        var frame = Data(#"{"tags":["ok","#.utf8)
        frame.append(contentsOf: [0x22, 0x61, 0xC3, 0x28, 0x22])  // "a\xC3(" — truncated sequence
        frame.append(contentsOf: "]}".utf8)
        let error = #expect(throws: CommandError.self) { try WireFormat.decode(JSONValue.self, from: frame) }
        #expect(error?.code == .invalidJSON)
        #expect(error?.field == "tags.1")
    }

    @Test func invalidUTF8InsideEscapedString() throws {
        var frame = Data(#"{"a":{"b":"x\n"#.utf8)
        frame.append(0x80)
        frame.append(contentsOf: #""}}"#.utf8)
        let error = #expect(throws: CommandError.self) { try WireFormat.parse(frame) }
        #expect(error?.code == .invalidJSON)
        #expect(error?.field == "a.b")
    }

    @Test(
        arguments: [
            [0xC0, 0xAF],  // overlong "/"
            [0xED, 0xA0, 0x80],  // a UTF-16 surrogate encoded as UTF-8
            [0xF4, 0x90, 0x80, 0x80],  // beyond U+10FFFF
            [0xE2, 0x82],  // truncated
        ] as [[UInt8]])
    func illFormedUTF8IsRejected(bytes: [UInt8]) throws {
        var frame = Data(#"{"s":""#.utf8)
        frame.append(contentsOf: bytes)
        frame.append(contentsOf: #""}"#.utf8)
        let error = #expect(throws: CommandError.self) { try WireFormat.parse(frame) }
        #expect(error?.code == .invalidJSON)
        #expect(error?.field == "s")
    }

    @Test func invalidUTF8InAKey() throws {
        var frame = Data(#"{"outer":{""#.utf8)
        frame.append(0xFF)
        frame.append(contentsOf: #"":1}}"#.utf8)
        let error = #expect(throws: CommandError.self) { try WireFormat.parse(frame) }
        #expect(error?.code == .invalidJSON)
        #expect(error?.field == "outer")
    }

    @Test func invalidUTF8OutsideStrings() throws {
        var frame = Data(#"{"id":"a","#.utf8)
        frame.append(0xFF)
        frame.append(contentsOf: "}".utf8)
        let error = #expect(throws: CommandError.self) { try WireFormat.parse(frame) }
        #expect(error?.code == .invalidJSON)
        #expect(error?.field == nil)
        #expect(error?.message.contains("0xFF") == true)
    }

    @Test(arguments: [
        "", "   ", "{", "[1,]", #"{"a":1,}"#, "01", "-", "1.", "1e", "+1", "NaN", "Infinity", "'a'",
        #"{'a':1}"#, #"{"a" 1}"#, "[1 2]", "tru", "nul", "{} {}", "1e400", #""\x""#, #""\u12G4""#,
        "\"a\u{01}b\"", "// comment\n1", "[1]]",
    ])
    func syntaxErrorsAreInvalidJSON(text: String) throws {
        let error = #expect(throws: CommandError.self) { try WireFormat.parse(Data(text.utf8)) }
        #expect(error?.code == .invalidJSON)
        #expect(error?.field == nil)
    }

    @Test func unpairedSurrogateEscapeNamesTheField() throws {
        for text in [#"{"x":"\ud800"}"#, #"{"x":"\udc00"}"#, #"{"x":"\ud800\u0041"}"#] {
            let error = #expect(throws: CommandError.self) { try WireFormat.parse(Data(text.utf8)) }
            #expect(error?.code == .invalidJSON)
            #expect(error?.field == "x")
        }
    }

    @Test func duplicateKeysAreRejected() throws {
        let error = #expect(throws: CommandError.self) {
            try WireFormat.parse(Data(#"{"args":{"a":1,"a":2}}"#.utf8))
        }
        #expect(error?.code == .invalidJSON)
        #expect(error?.field == "args.a")
    }

    @Test func deepNestingIsRefusedWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = #expect(throws: CommandError.self) { try WireFormat.parse(Data(deep.utf8)) }
        #expect(error?.code == .invalidJSON)
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: Never.self) { try WireFormat.parse(Data(fine.utf8)) }
    }

    @Test func escapesAndUnicode() throws {
        let text = #"{"s":"a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00 ✓ नमस्ते"}"#
        let value = try WireFormat.parse(Data(text.utf8))
        #expect(value["s"] == .string("a\"b\\c/d\u{08}\u{0C}\n\r\té😀 ✓ नमस्ते"))
        let roundTrip = try WireFormat.parse(WireFormat.encode(value))
        #expect(roundTrip == value)
    }

    @Test func byteOrderMarkAndWhitespaceAreAccepted() throws {
        var frame = Data([0xEF, 0xBB, 0xBF])
        frame.append(contentsOf: " \n\t{ \"a\" : [ 1 , 2 ] } \r\n".utf8)
        #expect(try WireFormat.parse(frame) == ["a": [1, 2]])
    }

    @Test func encodingIsCompactSortedAndKeepsSlashes() throws {
        let value: JSONValue = ["b": "x/y", "a": [1, 2.5, nil, true], "c": ["z": 1, "y": "é"]]
        let text = String(decoding: try WireFormat.encode(value), as: UTF8.self)
        #expect(text == #"{"a":[1,2.5,null,true],"b":"x/y","c":{"y":"é","z":1}}"#)
    }

    @Test func fieldPathHelperRendersCodingPaths() {
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int?
            init(stringValue: String) { self.stringValue = stringValue }
            init(intValue: Int) {
                self.stringValue = "Index \(intValue)"
                self.intValue = intValue
            }
        }
        #expect(WireFormat.fieldPath([]) == nil)
        #expect(
            WireFormat.fieldPath([Key(stringValue: "interventions"), Key(intValue: 2), Key(stringValue: "title")])
                == "interventions.2.title")
    }
}
