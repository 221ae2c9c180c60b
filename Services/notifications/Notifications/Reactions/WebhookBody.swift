import Foundation
import ODOPMessages

/// The body of an immediate delivery, by the Standard Webhooks shape:
/// `{"type": <event type>, "timestamp": <event time>, "data": {"event": <envelope>,
/// "message": {"language", "text"}}}`, compact JSON with sorted keys. These bytes are stored
/// with the delivery and sent and signed unchanged on every attempt.
struct WebhookBody: Encodable {
    struct Content: Encodable {
        var event: EventEnvelope
        var message: RenderedMessage
    }
    var type: String
    var timestamp: String
    var data: Content

    static func encode(_ event: EventEnvelope, message: RenderedMessage) throws -> Data {
        try WireFormat.encode(WebhookBody(type: event.type, timestamp: event.time, data: Content(event: event, message: message)))
    }
}

/// The body of a digest delivery: `{"type": "notifications.digest", "timestamp": <window end>,
/// "data": {"subscriptionId", "windowStart", "windowEnd", "count", "groups": [{"type",
/// "state", "district", "count"}], "message": {"language", "text"}}}`. Counts and groups only,
/// so the body stays small (the specification advises small payloads) whatever the window held.
struct DigestBody: Encodable {
    struct Group: Encodable, Equatable {
        var type: String
        var state: String?
        var district: String?
        var count: Int
    }
    struct Content: Encodable {
        var subscriptionId: String
        var windowStart: String
        var windowEnd: String
        var count: Int
        var groups: [Group]
        var message: RenderedMessage
    }
    var type = "notifications.digest"
    var timestamp: String
    var data: Content
}
