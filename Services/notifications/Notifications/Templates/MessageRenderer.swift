import Foundation
import Mustache
import ODOPMessages

/// A rendered message: what a person reads.
public struct RenderedMessage: Codable, Sendable, Equatable {
    public var language: MessageLanguage
    public var text: String
}

/// Renders events into messages with swift-mustache, from `MessageTemplates`. Templates are
/// parsed once; rendering is pure (the same event and language give the same text).
public struct MessageRenderer: Sendable {
    private let library: MustacheLibrary

    public init() {
        var library = MustacheLibrary()
        for (type, languages) in MessageTemplates.byType {
            for (language, text) in languages {
                // The templates are ours and tested: a parse failure is a programming error.
                try! library.register(MessageTemplates.pragma + text, named: Self.key(type, language))
            }
        }
        for (language, text) in MessageTemplates.fallback {
            try! library.register(MessageTemplates.pragma + text, named: Self.key("*", language))
        }
        for (language, text) in MessageTemplates.digest {
            try! library.register(MessageTemplates.pragma + text, named: Self.key("digest", language))
        }
        self.library = library
    }

    /// Whether `type` has its own template.
    public func hasTemplate(_ type: String) -> Bool { MessageTemplates.byType[type] != nil }

    /// The message for `event` in `language`.
    public func render(_ event: EventEnvelope, language: MessageLanguage) -> RenderedMessage {
        let context = MessageContext.values(for: event, language: language)
        let name = hasTemplate(event.type) ? Self.key(event.type, language) : Self.key("*", language)
        let text = library.render(context, withTemplate: name) ?? event.type
        return RenderedMessage(language: language, text: text)
    }

    /// The summary line of a digest of `count` events from `from` to `to`.
    public func renderDigestHeading(count: Int, from: Date, to: Date, language: MessageLanguage) -> String {
        let context: [String: Any] = [
            "count": IndianNumberFormat.grouped(Int64(count)),
            "from": IndiaTime.dateTime(from, language: language),
            "to": IndiaTime.dateTime(to, language: language),
        ]
        return library.render(context, withTemplate: Self.key("digest", language)) ?? "\(count)"
    }

    private static func key(_ type: String, _ language: MessageLanguage) -> String { "\(type)/\(language.rawValue)" }
}

/// The values a template sees for an event: every scalar field of `data` as text, plus
/// `type`, `when` (IST), `statusText`, `changeText`, `productNames`, and for amounts
/// `<field>Formatted`: fields ending in `INRCrore` as `₹1,71,000 crore`, fields ending in
/// `Rupees` (and `amount`) as `₹20,000`.
enum MessageContext {
    static func values(for event: EventEnvelope, language: MessageLanguage) -> [String: Any] {
        let words = MessageTemplates.words[language] ?? [:]
        var values: [String: Any] = ["type": event.type]
        if case .object(let members) = event.data {
            for (key, value) in members {
                switch value {
                case .string(let text):
                    values[key] = text
                case .int(let number):
                    values[key] = String(number)
                    if key.hasSuffix("Rupees") || key == "amount" { values[key + "Formatted"] = IndianNumberFormat.rupees(number) }
                    if key.hasSuffix("INRCrore") {
                        values[key + "Formatted"] = IndianNumberFormat.crore(Double(number), unit: words["crore"] ?? "crore")
                    }
                case .double(let number):
                    values[key] = String(number)
                    if key.hasSuffix("INRCrore") {
                        values[key + "Formatted"] = IndianNumberFormat.crore(number, unit: words["crore"] ?? "crore")
                    }
                    if key.hasSuffix("Rupees") || key == "amount" {
                        values[key + "Formatted"] = IndianNumberFormat.rupees(Int64(number.rounded()))
                    }
                case .bool(let flag):
                    if flag { values[key] = "true" }
                default:
                    break
                }
            }
            if case .array(let products)? = members["products"] {
                values["productNames"] = products.compactMap { $0["name"]?.stringValue }.joined(separator: ", ")
            }
            if let status = members["status"]?.stringValue { values["statusText"] = words[status] ?? status }
            if let change = members["change"]?.stringValue { values["changeText"] = words[change] ?? change }
        }
        if let date = event.date { values["when"] = IndiaTime.dateTime(date, language: language) }
        return values
    }
}
