import Foundation
import ODOPMessages

/// One event per line, as `events tail` and `events replay` print it.
///
/// For people: time, source, seq, type and a short summary of the data:
/// ```
/// 2026-11-23T07:05:01.123Z  catalogue       #42  catalogue.product.registered  id=p-5c0e6a4e-2b1f-4d3a-9e8c-1f2a3b4c5d6e name=Chikankari district=Lucknow state="Uttar Pradesh"
/// ```
/// For scripts: the envelope as compact JSON, exactly as on the wire.
enum EventLine {
    static func line(_ envelope: EventEnvelope, json: Bool) -> String {
        json ? self.json(envelope) : pretty(envelope)
    }

    static func json(_ envelope: EventEnvelope) -> String {
        guard let data = try? WireFormat.encode(envelope) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func pretty(_ envelope: EventEnvelope) -> String {
        let seq = envelope.seq.map { "#\($0)" } ?? "-"
        let source = envelope.source.padding(toLength: max(envelope.source.count, 13), withPad: " ", startingAt: 0)
        let type = envelope.type.padding(toLength: max(envelope.type.count, 30), withPad: " ", startingAt: 0)
        let line = "\(envelope.time)  \(source)  \(seq.leftPadded(to: 7))  \(type)  \(summary(of: envelope.data))"
        return line.trimmingTrailingSpaces()
    }

    /// The members people look for first, in this order.
    static let summaryKeys = ["id", "planId", "name", "district", "state", "status", "sector", "lastSeq"]
    static let maximumMembers = 5
    static let maximumValueLength = 40

    /// `id=p-5c0e6a4e-2b1f-4d3a-9e8c-1f2a3b4c5d6e name=Chikankari district=Lucknow`: the well-known members of `data` that
    /// are present (or its first few plain members when none is), shortened.
    static func summary(of data: JSONValue) -> String {
        guard case .object(let members) = data else { return data.isNull ? "" : shortened(data) }
        var keys = summaryKeys.filter { members[$0].map(isPlain) ?? false }
        if keys.isEmpty {
            keys = members.keys.sorted().filter { isPlain(members[$0]!) }
        }
        return keys.prefix(maximumMembers).map { "\($0)=\(shortened(members[$0]!))" }.joined(separator: " ")
    }

    private static func isPlain(_ value: JSONValue) -> Bool {
        switch value {
        case .string, .int, .double, .bool: true
        default: false
        }
    }

    private static func shortened(_ value: JSONValue) -> String {
        guard case .string(var text) = value else {
            let compact = value.description
            return compact.count > maximumValueLength ? String(compact.prefix(maximumValueLength - 1)) + "…" : compact
        }
        if text.count > maximumValueLength { text = String(text.prefix(maximumValueLength - 1)) + "…" }
        let needsQuotes = text.isEmpty || text.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }
        return needsQuotes ? JSONValue.string(text).description : text
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
