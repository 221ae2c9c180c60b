import Foundation
import ODOPMessages

/// An event envelope's wire bytes, written directly around its payload's encoded JSON: the same
/// document `WireFormat.encode(envelope)` gives (compact, keys sorted, `seq` and `correlationId`
/// null when absent, `epoch` and `traceparent` left out when absent), without encoding the
/// payload, parsing it into a `JSONValue` and encoding that again.
enum EnvelopeEncoding {
    static func encode(_ envelope: EventEnvelope, data: Data) -> Data {
        var out = Data()
        out.reserveCapacity(data.count + 320)
        out.append(contentsOf: #"{"correlationId":"#.utf8)
        appendString(envelope.correlationId, to: &out)
        out.append(contentsOf: #","data":"#.utf8)
        out.append(data)
        if let epoch = envelope.epoch {
            out.append(contentsOf: #","epoch":"#.utf8)
            appendString(epoch, to: &out)
        }
        out.append(contentsOf: #","id":"#.utf8)
        appendString(envelope.id, to: &out)
        out.append(contentsOf: #","schema":"#.utf8)
        out.append(contentsOf: String(envelope.schema).utf8)
        out.append(contentsOf: #","seq":"#.utf8)
        out.append(contentsOf: (envelope.seq.map { String($0) } ?? "null").utf8)
        out.append(contentsOf: #","source":"#.utf8)
        appendString(envelope.source, to: &out)
        out.append(contentsOf: #","time":"#.utf8)
        appendString(envelope.time, to: &out)
        if let traceparent = envelope.traceparent {
            out.append(contentsOf: #","traceparent":"#.utf8)
            appendString(traceparent, to: &out)
        }
        out.append(contentsOf: #","type":"#.utf8)
        appendString(envelope.type, to: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// A JSON string as JSONEncoder writes it with `.withoutEscapingSlashes`; `null` for nil.
    private static func appendString(_ string: String?, to out: inout Data) {
        guard let string else {
            out.append(contentsOf: "null".utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
