import Foundation
import ODOPMessages

/// An event envelope's wire bytes, written directly around its payload's encoded JSON: the same
/// document `WireFormat.encode(envelope)` gives (compact, keys sorted, `seq` and `correlationId`
/// null when absent, `epoch` and `traceparent` left out when absent), without encoding the
/// payload, parsing it into a `JSONValue` and encoding that again.
///
/// The bytes are gathered in one array reserved up front (`JSONText` writes the strings).
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

    private static func appendString(_ string: String?, to out: inout [UInt8]) {
        JSONText.appendString(string, to: &out)
    }
}
