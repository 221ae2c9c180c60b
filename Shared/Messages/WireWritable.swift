import Foundation

/// A type that writes its own wire JSON straight into the frame being built, instead of going
/// through `Encoder` (`WireJSONEncoder` collects a tree of the members, then writes it). For the
/// few values a service writes on every call of a hot command (`HealthReport`, the answer to
/// every `health`): through `Encoder`, a seven-member report cost about 19,000 instructions.
///
/// Contract: `write(to:)` writes exactly the bytes `WireFormat.encode` writes for the value's
/// `Encodable` conformance (members in key order, nil optionals left out, the wire's string and
/// number forms), or throws `WireJSONEncoder.Unsupported` for a value it does not write that way
/// (a non-finite number); the encoder then takes the general path. The conforming type's tests
/// compare both paths byte for byte (`HealthReportWireTests`). `WireJSONEncoder.encode` lists
/// the conforming types by metatype: add a new one there.
protocol WireWritable: Encodable {
    func write(to json: inout WireJSONEncoder.JSONBytes) throws
}

extension WireJSONEncoder.JSONBytes {
    /// Starts an object: `{`.
    mutating func openObject() { bytes.append(UInt8(ascii: "{")) }

    /// Ends an object: `}`.
    mutating func closeObject() { bytes.append(UInt8(ascii: "}")) }

    /// A member's name: `"name":`, after a `,` unless it is the object's first. `name` is written
    /// as it is: a plain ASCII name that needs no escape, given in key order by the caller.
    mutating func name(_ name: StaticString, first: inout Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        bytes.append(UInt8(ascii: "\""))
        JSONText.appendLiteral(name, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// An empty array: `[]`.
    mutating func emptyArray() { JSONText.appendLiteral("[]", to: &bytes) }

    /// A string value.
    mutating func string(_ value: String) { JSONText.appendString(value, to: &bytes) }

    /// An integer value.
    mutating func integer(_ value: Int64) { write(.int(value)) }

    /// A floating-point value as the wire writes it; a non-finite one is not written here.
    mutating func number(_ value: Double) throws {
        guard case .number(let text)? = WireJSONEncoder.Node.number(value) else { throw WireJSONEncoder.Unsupported() }
        bytes.append(contentsOf: text.utf8)
    }

    /// Any other `Encodable` value, through the general path.
    mutating func value<T: Encodable>(_ value: T) throws {
        try WireJSONEncoder.encode(value, appendingTo: &bytes)
    }
}
