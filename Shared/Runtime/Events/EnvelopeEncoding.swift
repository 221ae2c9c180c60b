import Foundation
import ODOPMessages

/// An event envelope's wire bytes, written directly around its payload's encoded JSON: the same
/// document `WireFormat.encode(envelope)` gives (compact, keys sorted, `seq` and `correlationId`
/// null when absent, `epoch` and `traceparent` left out when absent), without encoding the
/// payload, parsing it into a `JSONValue` and encoding that again.
///
/// The bytes are gathered in one array reserved up front and strings are copied in runs between
/// the characters that need escaping: appending to `Data` byte by byte cost more than the rest of
/// the envelope.
enum EnvelopeEncoding {
    static func encode(_ envelope: EventEnvelope, data: Data) -> Data {
        encode(
            id: envelope.id, type: envelope.type, schema: envelope.schema, source: envelope.source, seq: envelope.seq,
            time: envelope.time, correlationId: envelope.correlationId, data: data, epoch: envelope.epoch,
            traceparent: envelope.traceparent)
    }

    static func encode(
        id: String, type: String, schema: Int, source: String, seq: Int64?, time: String, correlationId: String?, data: Data,
        epoch: String?, traceparent: String?
    ) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 320)
        out.append(contentsOf: #"{"correlationId":"#.utf8)
        appendString(correlationId, to: &out)
        out.append(contentsOf: #","data":"#.utf8)
        out.append(contentsOf: data)
        if let epoch {
            out.append(contentsOf: #","epoch":"#.utf8)
            appendString(epoch, to: &out)
        }
        out.append(contentsOf: #","id":"#.utf8)
        appendString(id, to: &out)
        out.append(contentsOf: #","schema":"#.utf8)
        out.append(contentsOf: String(schema).utf8)
        out.append(contentsOf: #","seq":"#.utf8)
        out.append(contentsOf: (seq.map { String($0) } ?? "null").utf8)
        out.append(contentsOf: #","source":"#.utf8)
        appendString(source, to: &out)
        out.append(contentsOf: #","time":"#.utf8)
        appendString(time, to: &out)
        if let traceparent {
            out.append(contentsOf: #","traceparent":"#.utf8)
            appendString(traceparent, to: &out)
        }
        out.append(contentsOf: #","type":"#.utf8)
        appendString(type, to: &out)
        out.append(UInt8(ascii: "}"))
        return Data(out)
    }

    /// A JSON string as JSONEncoder writes it with `.withoutEscapingSlashes`; `null` for nil.
    private static func appendString(_ string: String?, to out: inout [UInt8]) {
        guard var string else {
            out.append(contentsOf: "null".utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        string.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscaped(byte, to: &out)
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
        case 0x0A: out.append(contentsOf: #"\n"#.utf8)
        case 0x0D: out.append(contentsOf: #"\r"#.utf8)
        case 0x09: out.append(contentsOf: #"\t"#.utf8)
        case 0x08: out.append(contentsOf: #"\b"#.utf8)
        case 0x0C: out.append(contentsOf: #"\f"#.utf8)
        default:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: #"\u00"#.utf8)
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
    }
}
