import Foundation
import Testing

@testable import ODOPMessages

/// Golden fixtures: `Fixtures/<name>.json`, pretty-printed for humans; the wire is compact.
enum Fixture {
    static func data(_ name: String) throws -> Data {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
            "missing fixture Fixtures/\(name).json")
        return try Data(contentsOf: url)
    }
}

/// Checks `value` against the fixture `name` both ways: (a) what `WireFormat.encode` writes
/// equals the fixture as JSON (order and whitespace aside), and (b) the fixture decodes to
/// `value`.
func assertGolden<T: Codable & Equatable>(
    _ value: T, fixture name: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    try assertGolden(
        value, fixture: name, encode: { try WireFormat.encode($0) },
        decode: { try WireFormat.decode(T.self, from: $0) }, sourceLocation: sourceLocation)
    // The wire's own encoder writes every sample itself, byte for byte as Foundation's would.
    #expect(
        try WireJSONEncoder.encode(value) == FoundationWire.encode(value),
        "WireJSONEncoder and Foundation's JSONEncoder differ on \(name)", sourceLocation: sourceLocation)
}

/// Foundation's `JSONEncoder` configured as the wire format is: what `WireJSONEncoder` must match.
enum FoundationWire {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}

/// The same for types with their own frame functions (requests, replies).
func assertGolden<T: Equatable>(
    _ value: T, fixture name: String, encode: (T) throws -> Data, decode: (Data) throws -> T,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let fixture = try Fixture.data(name)
    let encoded = try encode(value)
    #expect(!encoded.contains(UInt8(ascii: "\n")), "the wire form must be compact", sourceLocation: sourceLocation)

    let expectedJSON = try WireFormat.parse(fixture)
    let actualJSON = try WireFormat.parse(encoded)
    #expect(
        actualJSON == expectedJSON,
        "encoded \(name) differs from the fixture:\n  encoded: \(actualJSON)\n  fixture: \(expectedJSON)",
        sourceLocation: sourceLocation)

    let decoded = try decode(fixture)
    #expect(decoded == value, "Fixtures/\(name).json does not decode to the sample", sourceLocation: sourceLocation)
}
