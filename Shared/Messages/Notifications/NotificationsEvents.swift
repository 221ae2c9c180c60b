import Foundation

// The notifications service's events. They carry ids, types, statuses and counts: never a
// secret, a target URL's credentials, or a message's text.

/// `notifications.delivery.sent`: a delivery was accepted by its channel (a 2xx for a webhook, a
/// line on disk for a file).
public struct DeliverySent: EventPayload, Equatable {
    public static let eventType = "notifications.delivery.sent"
    public static let schemaVersion = 1
    public var deliveryId: String
    public var subscriptionId: String
    public var eventId: String?
    public var type: String
    public var attempts: Int
    public var status: Int?
    public init(deliveryId: String, subscriptionId: String, eventId: String?, type: String, attempts: Int, status: Int?) {
        self.deliveryId = deliveryId
        self.subscriptionId = subscriptionId
        self.eventId = eventId
        self.type = type
        self.attempts = attempts
        self.status = status
    }
}

/// `notifications.delivery.dead`: every attempt at a delivery failed; it waits for
/// `delivery.retry` or `delivery.skip`.
public struct DeliveryDead: EventPayload, Equatable {
    public static let eventType = "notifications.delivery.dead"
    public static let schemaVersion = 1
    public var deliveryId: String
    public var subscriptionId: String
    public var eventId: String?
    public var type: String
    public var attempts: Int
    public var lastStatus: Int?
    public var lastError: String?
    public init(
        deliveryId: String, subscriptionId: String, eventId: String?, type: String, attempts: Int, lastStatus: Int?, lastError: String?
    ) {
        self.deliveryId = deliveryId
        self.subscriptionId = subscriptionId
        self.eventId = eventId
        self.type = type
        self.attempts = attempts
        self.lastStatus = lastStatus
        self.lastError = lastError
    }
}

/// Why the service disabled a subscription.
public enum DisabledReason: String, Codable, Sendable, CaseIterable {
    /// The webhook answered 410 Gone.
    case gone
    /// Its deliveries failed continuously for the configured number of days.
    case failing
}

/// `notifications.subscription.disabled`: the service stopped sending to a subscription; its
/// deliveries wait until `subscription.resume`.
public struct SubscriptionDisabled: EventPayload, Equatable {
    public static let eventType = "notifications.subscription.disabled"
    public static let schemaVersion = 1
    public var subscriptionId: String
    public var channel: ChannelKind
    public var reason: DisabledReason
    /// Since when its deliveries had been failing, when `reason` is `failing`.
    public var failingSince: String?
    public init(subscriptionId: String, channel: ChannelKind, reason: DisabledReason, failingSince: String?) {
        self.subscriptionId = subscriptionId
        self.channel = channel
        self.reason = reason
        self.failingSince = failingSince
    }
}
