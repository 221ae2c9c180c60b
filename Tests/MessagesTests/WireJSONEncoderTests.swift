import Foundation
import Testing

@testable import ODOPMessages

/// `WireJSONEncoder` must write exactly what Foundation's `JSONEncoder` writes with the wire's
/// options, or refuse so that `WireFormat.encode` falls back to Foundation. Every golden sample
/// is compared byte for byte in `assertGolden`; these cases cover the corners.
@Suite("WireJSONEncoder")
struct WireJSONEncoderTests {
    /// Encodes with both; the wire encoder must handle it itself, with Foundation's bytes.
    private func expectSame<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let foundation = try FoundationWire.encode(value)
        let wire = try WireJSONEncoder.encode(value)
        #expect(
            wire == foundation,
            "\(String(decoding: wire, as: UTF8.self)) != \(String(decoding: foundation, as: UTF8.self))",
            sourceLocation: sourceLocation)
        #expect(try WireFormat.encode(value) == foundation, sourceLocation: sourceLocation)
    }

    /// The wire encoder refuses; `WireFormat.encode` then answers what Foundation answers.
    private func expectFallback<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: WireJSONEncoder.Unsupported.self, sourceLocation: sourceLocation) { try WireJSONEncoder.encode(value) }
        switch Result(catching: { try FoundationWire.encode(value) }) {
        case .success(let foundation):
            #expect((try? WireFormat.encode(value)) == foundation, sourceLocation: sourceLocation)
        case .failure:
            #expect(throws: (any Error).self, sourceLocation: sourceLocation) { try WireFormat.encode(value) }
        }
    }

    @Test func integersOfEveryWidthAndTheirLimits() throws {
        try expectSame([Int.min, -1, 0, 7, 10, 99, 100, Int.max])
        try expectSame([Int8.min, Int8.max])
        try expectSame([Int16.min, Int16.max])
        try expectSame([Int32.min, Int32.max])
        try expectSame([Int64.min, Int64.max])
        try expectSame([UInt.min, UInt.max])
        try expectSame([UInt8.max, 0])
        try expectSame([UInt16.max])
        try expectSame([UInt32.max])
        try expectSame([UInt64.max, 1_000_000_000_000_000_000])
        try expectSame(Numbers())
    }

    @Test func floatingPointAsFoundationWritesIt() throws {
        let doubles: [Double] = [
            0, -0.0, 0.1, 0.5, 1, -1, 3, 42, 100, 1.5, 0.30000000000000004, 1e-4, 1e-5, 2.5e-5, 0.001234, 1e15, 1e16,
            9_007_199_254_740_992, 9.5e15, 1.1e16, 123_456_789.123, 1e21, 1e300, 2e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
            .leastNormalMagnitude, Double(Int64.max), 12_345_678_901_234_567_168,
        ]
        try expectSame(doubles)
        try expectSame(doubles.map { -$0 })
        try expectSame([Float(0.1), 1, 3, 1e-5, 1e7, 1e8, 16_777_216, .greatestFiniteMagnitude])
        try expectSame(JSONValue.double(2.5))
    }

    @Test func nonFiniteNumbersAreLeftToFoundation() {
        expectFallback([Double.nan])
        expectFallback(["x": Double.infinity])
        expectFallback([Float.nan])
    }

    @Test func stringsWithEveryEscapeAndCharacter() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        try expectSame(controls)
        try expectSame(["q\"uote", "back\\slash", "sla/sh", "del\u{7F}", "é", "naïve", "😀", "\u{2028}\u{2029}", "", "e\u{301}"])
        try expectSame(String(repeating: "long ascii text with a \"quote\" here and there ", count: 40))
        try expectSame(["tab\there": "new\nline", "\u{0}": "\u{1F}"])
        // Each special character at every position of strings up to 20 bytes: the word-wise
        // scan must find it in any of a word's eight bytes and in the tail.
        for length in 1...20 {
            for position in 0..<length {
                for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", " ", "~", "\u{7F}", "é", "😀", "/"] {
                    var text = Array(repeating: "a", count: length)
                    text[position] = special
                    try expectSame(text.joined())
                }
            }
        }
    }

    @Test func keysSortedByTheirBytesAndALastDuplicateWins() throws {
        try expectSame([
            "a": 1, "B": 2, "b": 3, "A": 4, "a10": 5, "a9": 6, "é": 7, "_x": 8, "Z": 9, "aB": 10, "ab": 11, "a-b": 12, "ａ": 13, "": 14,
            "10": 15, "9": 16, "lastSeq": 17, "last_seq": 18, "lastseq": 19,
        ])
        try expectSame([10: "ten", 2: "two", 1: "one", -3: "minus three"])
        try expectSame(DuplicateKey())
        try expectSame(JSONValue.object(["z": .null, "a": .array([.int(1), .string("x"), .bool(false)]), "m": .object([:])]))
    }

    /// Members given already in key order are written as they came; any other order, or a key
    /// given twice (even next to itself), still gets Foundation's sort and its last value.
    @Test func membersGivenInKeyOrderAndOutOfIt() throws {
        let orders: [[String]] = [
            ["a", "b", "c"], ["c", "b", "a"], ["", "A", "a", "é"], ["abcdefgh1", "abcdefgh2"], ["abcdefgh2", "abcdefgh1"],
            ["a", "ab"], ["ab", "a"], ["a", "a", "b"], ["a", "b", "a"], ["abcdefgh", "abcdefgh"], ["only"], [],
            ["correlationId", "data", "epoch", "id", "schema", "seq", "source", "time", "traceparent", "type"],
        ]
        for keys in orders {
            try expectSame(InGivenOrder(keys: keys))
        }
        try expectSame(Samples.healthReport)
    }

    @Test func optionalsNestingAndEmptyContainers() throws {
        try expectSame(Nested(name: nil, tags: [], scores: [:], inner: nil, list: [nil, 1]))
        try expectSame(Nested(name: "n", tags: ["a", "b"], scores: ["x": 1.5], inner: Nested.Inner(flag: true), list: []))
        try expectSame([[Int]]())
        try expectSame([[1, 2], [], [3]])
        try expectSame([String: [String: Int]]())
        try expectSame(Optional<Int>.none)
        try expectSame(Manual())
        try expectSame(Kind.second)
    }

    @Test func whatFoundationWritesInItsOwnWaysIsLeftToIt() {
        expectFallback(Date(timeIntervalSince1970: 1.5))
        expectFallback(["when": Date(timeIntervalSince1970: 0)])
        expectFallback(Data([1, 2, 3]))
        expectFallback([URL(string: "https://example.org/a?b=c")!])
        expectFallback(Decimal(string: "12.3400")!)
        expectFallback(UsesSuperEncoder())
        expectFallback(WritesNothing())
    }

    // MARK: Types

    private struct Numbers: Encodable {
        var int = -12
        var int8: Int8 = -8
        var int16: Int16 = 16
        var int32: Int32 = -32
        var int64: Int64 = 64
        var uint: UInt = 1
        var uint8: UInt8 = 8
        var uint16: UInt16 = 16
        var uint32: UInt32 = 32
        var uint64: UInt64 = 64
        var double = 0.25
        var float: Float = 0.5
        var bool = true
    }

    private struct DuplicateKey: Encodable {
        enum CodingKeys: String, CodingKey { case b, a }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(1, forKey: .a)
            try container.encode("b", forKey: .b)
            try container.encode(2, forKey: .a)
        }
    }

    /// Writes member `keys[i]` with value `i`, in the order given.
    private struct InGivenOrder: Encodable {
        struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        var keys: [String]
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (index, key) in keys.enumerated() { try container.encode(index, forKey: Key(stringValue: key)) }
        }
    }

    private struct Nested: Encodable {
        struct Inner: Encodable { var flag: Bool }
        var name: String?
        var tags: [String]
        var scores: [String: Double]
        var inner: Inner?
        var list: [Int?]
    }

    /// Nested containers asked for by hand, and `encodeNil`.
    private struct Manual: Encodable {
        enum Keys: String, CodingKey { case header, rows, none }
        enum HeaderKeys: String, CodingKey { case title, version }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var header = container.nestedContainer(keyedBy: HeaderKeys.self, forKey: .header)
            try header.encode("t", forKey: .title)
            try header.encode(2, forKey: .version)
            var rows = container.nestedUnkeyedContainer(forKey: .rows)
            var row = rows.nestedUnkeyedContainer()
            try row.encode(1)
            try row.encodeNil()
            var object = rows.nestedContainer(keyedBy: HeaderKeys.self)
            try object.encode("o", forKey: .title)
            try container.encodeNil(forKey: .none)
        }
    }

    private enum Kind: String, Encodable { case first, second }

    private struct UsesSuperEncoder: Encodable {
        enum Keys: String, CodingKey { case own }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .own)
            try "parent".encode(to: container.superEncoder())
        }
    }

    private struct WritesNothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }
}
