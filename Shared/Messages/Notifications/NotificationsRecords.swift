import Foundation

// The notifications service's records: subscriptions and deliveries. A subscription never shows
// its webhook secret (only `subscription.create` and `subscription.secret.rotate` reveal it, once);
// a delivery carries ids, types, statuses and times, never a message's personal content.

/// Who receives a subscription's messages: a name and a role (DEPC member, SEPC, district
/// officer, exporter body, ...). Free text, not blank.
public struct Recipient: Codable, Sendable, Equatable {
    public var name: String
    public var role: String
    public init(name: String, role: String) {
        self.name = name
        self.role = role
    }
}

/// How a subscription's messages leave the service. Email and SMS are later new cases.
public enum ChannelKind: String, Codable, Sendable, CaseIterable {
    /// An HTTP POST signed by the Standard Webhooks specification; `target` is the URL.
    case webhook
    /// A JSON line appended (and fsynced) to a file; `target` is the file's absolute path.
    case file
    /// A line in the service's log; `target` is a label.
    case log
}

/// A subscription's language for rendered messages.
public enum MessageLanguage: String, Codable, Sendable, CaseIterable {
    case en, hi
}

/// Immediate delivery, or one digest per IST hour or per IST day.
public enum DeliveryMode: String, Codable, Sendable, CaseIterable {
    case immediate, hourly, daily
}

/// What a subscription hears. `types` are event-type prefixes (`exports.plan.`, `catalogue.`,
/// `training.certificate.issued`), at least one. `states` (LGD names or codes, stored as the
/// two-letter codes), `districts` (names, matched case-insensitively) and `sectors` narrow it
/// when given; an event without the field (a plan has no sector) is matched through the
/// service's copy of the catalogue.
public struct SubscriptionFilter: Codable, Sendable, Equatable {
    public var types: [String]
    public var states: [String]?
    public var districts: [String]?
    public var sectors: [String]?
    public init(types: [String], states: [String]? = nil, districts: [String]? = nil, sectors: [String]? = nil) {
        self.types = types
        self.states = states
        self.districts = districts
        self.sectors = sectors
    }
}

/// A subscription's lifecycle: `active` sends, `paused` holds deliveries (resuming sends them in
/// order), `disabled` was stopped by the service (410 Gone, or failing for N days) and holds
/// deliveries until resumed.
public enum NotificationSubscriptionStatus: String, Codable, Sendable, CaseIterable {
    case active, paused, disabled
}

/// A subscription as replies show it (never with its secret).
public struct NotificationSubscription: Codable, Sendable, Equatable {
    /// `sub_` + 26 characters, chosen by the service.
    public var id: String
    public var recipient: Recipient
    public var channel: ChannelKind
    /// The URL (webhook), file path (file) or label (log).
    public var target: String
    public var filter: SubscriptionFilter
    public var language: MessageLanguage
    public var mode: DeliveryMode
    /// For `daily` digests: the IST time `HH:MM` at which a day's window ends (default `09:00`).
    public var digestAt: String?
    /// One delivery in flight at a time, in the order events were applied (default true).
    public var ordered: Bool
    public var status: NotificationSubscriptionStatus
    /// Why the service disabled it (`gone`, `failing`), when it did.
    public var disabledReason: String?
    /// True while an old secret is still being signed with after a rotation.
    public var rotating: Bool
    public var createdAt: String
    public var updatedAt: String
    public var version: Int
    public init(
        id: String, recipient: Recipient, channel: ChannelKind, target: String, filter: SubscriptionFilter,
        language: MessageLanguage, mode: DeliveryMode, digestAt: String?, ordered: Bool, status: NotificationSubscriptionStatus,
        disabledReason: String?, rotating: Bool, createdAt: String, updatedAt: String, version: Int
    ) {
        self.id = id
        self.recipient = recipient
        self.channel = channel
        self.target = target
        self.filter = filter
        self.language = language
        self.mode = mode
        self.digestAt = digestAt
        self.ordered = ordered
        self.status = status
        self.disabledReason = disabledReason
        self.rotating = rotating
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}

/// A subscription together with its webhook secret, in the one reply that reveals it.
/// `secret` is `whsec_<base64>` for webhooks; `null` for other channels and when a retried
/// request is answered again (the secret is never stored among replies: see PROTOCOL.md).
public struct SubscriptionWithSecret: Codable, Sendable, Equatable {
    public var subscription: NotificationSubscription
    public var secret: String?
    public init(subscription: NotificationSubscription, secret: String?) {
        self.subscription = subscription
        self.secret = secret
    }

    private enum CodingKeys: String, CodingKey { case subscription, secret }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subscription, forKey: .subscription)
        try container.encode(secret, forKey: .secret)  // null when not shown, on purpose
    }
}

/// Where a delivery is: `pending` (waiting for its next attempt), `sent`, `dead` (every attempt
/// failed; retry it or skip it), `skipped` (an admin gave up on it).
public enum DeliveryStatus: String, Codable, Sendable, CaseIterable {
    case pending, sent, dead, skipped
}

/// One message to one subscription: for an event (immediate) or a digest window.
public struct NotificationDelivery: Codable, Sendable, Equatable {
    /// The `webhook-id`: `msg_` + 32 hex digits derived from (event id, subscription id), or
    /// from (subscription id, window start) for a digest. The same on every attempt.
    public var id: String
    public var subscriptionId: String
    /// The event's id; `null` for a digest.
    public var eventId: String?
    /// The event type, or `notifications.digest`.
    public var type: String
    public var status: DeliveryStatus
    public var attempts: Int
    /// When the next attempt is due (pending only).
    public var nextAttemptAt: String?
    /// When the last attempt's response (or failure) came.
    public var lastAttemptAt: String?
    /// The HTTP status of the last attempt, when there was a response.
    public var lastStatus: Int?
    public var lastError: String?
    public var createdAt: String
    /// When it was sent.
    public var sentAt: String?
    /// A digest's window `[windowStart, windowEnd)`.
    public var windowStart: String?
    public var windowEnd: String?
    public init(
        id: String, subscriptionId: String, eventId: String?, type: String, status: DeliveryStatus, attempts: Int,
        nextAttemptAt: String?, lastAttemptAt: String?, lastStatus: Int?, lastError: String?, createdAt: String,
        sentAt: String?, windowStart: String?, windowEnd: String?
    ) {
        self.id = id
        self.subscriptionId = subscriptionId
        self.eventId = eventId
        self.type = type
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastAttemptAt = lastAttemptAt
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.windowStart = windowStart
        self.windowEnd = windowEnd
    }
}
