import Foundation
import ODOPMessages
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    @Test func integralNumbersAreIntegers() throws {
        #expect(try WireFormat.parse(Data("42".utf8)) == .int(42))
        #expect(try WireFormat.parse(Data("-0".utf8)) == .int(0))
        #expect(try WireFormat.parse(Data("42.0".utf8)) == .int(42))
        #expect(try WireFormat.parse(Data("1e2".utf8)) == .int(100))
        #expect(try WireFormat.parse(Data("9223372036854775807".utf8)) == .int(.max))
        #expect(try WireFormat.parse(Data("-9223372036854775808".utf8)) == .int(.min))
    }

    /// Up to 18 digits are read without overflow checks, 19 with them: both sides of the line.
    @Test func integersOnBothSidesOfTheEighteenDigitLine() throws {
        for (text, value) in [
            ("999999999999999999", Int64(999_999_999_999_999_999)), ("-999999999999999999", -999_999_999_999_999_999),
            ("1000000000000000000", 1_000_000_000_000_000_000), ("-1000000000000000000", -1_000_000_000_000_000_000),
            ("1764700000123456789", 1_764_700_000_123_456_789), ("0", 0), ("-1", -1), ("7", 7),
        ] {
            #expect(try WireFormat.parse(Data(text.utf8)) == .int(value), "\(text)")
            #expect(try WireFormat.parse(Data("[\(text)]".utf8)) == .array([.int(value)]), "\(text)")
        }
        #expect(try WireFormat.parse(Data("9999999999999999999".utf8)) == .double(1e19))
    }

    @Test func otherNumbersAreDoubles() throws {
        #expect(try WireFormat.parse(Data("1.5".utf8)) == .double(1.5))
        #expect(try WireFormat.parse(Data("-2.5e-3".utf8)) == .double(-0.0025))
        #expect(try WireFormat.parse(Data("9223372036854775808".utf8)) == .double(9_223_372_036_854_775_808))
    }

    @Test func numbersSurviveARoundTrip() throws {
        let value: JSONValue = [1, -7, 1.5, 0.1, 1e-7, 123_456_789_012_345, 2.5e300, .int(.max), .int(.min)]
        #expect(try WireFormat.parse(WireFormat.encode(value)) == value)
    }

    @Test func foundationJSONDecoderAlsoPreservesIntegers() throws {
        let value = try JSONDecoder().decode(
            JSONValue.self, from: Data(#"[1, 1.5, "x", null, true, {"a": [2]}]"#.utf8))
        #expect(value == [1, 1.5, "x", nil, true, ["a": [2]]])
    }

    @Test func literals() {
        let value: JSONValue = ["s": "text", "i": 3, "d": 2.5, "b": false, "n": nil, "a": [1, "two"]]
        #expect(value["s"] == .string("text"))
        #expect(value["i"] == .int(3))
        #expect(value["d"] == .double(2.5))
        #expect(value["b"] == .bool(false))
        #expect(value["n"] == .null)
        #expect(value["a"] == .array([.int(1), .string("two")]))
    }

    @Test func accessors() {
        let value: JSONValue = ["s": "text", "i": 3, "d": 2.5, "w": 4.0, "b": true, "n": nil, "a": [1], "o": ["k": 1]]
        #expect(value["s"]?.stringValue == "text")
        #expect(value["i"]?.intValue == 3)
        #expect(value["w"]?.intValue == 4)
        #expect(value["d"]?.intValue == nil)
        #expect(value["d"]?.doubleValue == 2.5)
        #expect(value["i"]?.doubleValue == 3)
        #expect(value["b"]?.boolValue == true)
        #expect(value["n"]?.isNull == true)
        #expect(value["a"]?.arrayValue == [1])
        #expect(value["a"]?[0] == 1)
        #expect(value["a"]?[1] == nil)
        #expect(value["o"]?.objectValue == ["k": 1])
        #expect(value["missing"] == nil)
        #expect(value["s"]?["x"] == nil)
        #expect(value["s"]?.intValue == nil)
        #expect(value.stringValue == nil)
    }

    @Test func encodingAndDecodingTypedValues() throws {
        let value = try JSONValue(encoding: Samples.retryResult)
        #expect(value["state"] == "running")
        #expect(value["stalled"] == nil)
        #expect(try value.decode(SubscriptionStatus.self) == Samples.retryResult)
    }

    @Test func descriptionIsCompactJSON() {
        let value: JSONValue = ["b": [1, "x"], "a": nil]
        #expect(value.description == #"{"a":null,"b":[1,"x"]}"#)
    }
}
