import Foundation
import ODOPMessages

/// An event envelope's wire bytes, written directly around its payload's encoded JSON: the same
/// document `WireFormat.encode(envelope)` gives (compact, keys sorted, `seq` and `correlationId`
/// null when absent, `epoch` and `traceparent` left out when absent), without encoding the
/// payload, parsing it into a `JSONValue` and encoding that again.
///
/// The bytes are gathered in one array reserved up front (`JSONText` writes the strings).
enum EnvelopeEncoding {
    static func encode(
        id: String, type: String, schema: Int, source: String, seq: Int64?, time: String, correlationId: String?, data: Data,
        epoch: String?, traceparent: String?
    ) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 320)
        out.append(contentsOf: #"{"correlationId":"#.utf8)
        JSONText.appendString(correlationId, to: &out)
        out.append(contentsOf: #","data":"#.utf8)
        out.append(contentsOf: data)
        if let epoch {
            out.append(contentsOf: #","epoch":"#.utf8)
            JSONText.appendString(epoch, to: &out)
        }
        out.append(contentsOf: #","id":"#.utf8)
        JSONText.appendString(id, to: &out)
        out.append(contentsOf: #","schema":"#.utf8)
        out.append(contentsOf: String(schema).utf8)
        out.append(contentsOf: #","seq":"#.utf8)
        out.append(contentsOf: (seq.map { String($0) } ?? "null").utf8)
        out.append(contentsOf: #","source":"#.utf8)
        JSONText.appendString(source, to: &out)
        out.append(contentsOf: #","time":"#.utf8)
        JSONText.appendString(time, to: &out)
        if let traceparent {
            out.append(contentsOf: #","traceparent":"#.utf8)
            JSONText.appendString(traceparent, to: &out)
        }
        out.append(contentsOf: #","type":"#.utf8)
        JSONText.appendString(type, to: &out)
        out.append(UInt8(ascii: "}"))
        return Data(out)
    }
}
