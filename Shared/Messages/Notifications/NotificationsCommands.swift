import Foundation

// The notifications service's commands. These types fix the shapes and the shape rules; the
// service checks the domain (known channel, a URL it may call, known states and sectors) and
// answers `invalid_argument` naming the field, `not_found`, or `conflict`.
// Channel, language and mode are strings here so that an unknown value is refused with a message
// listing the known ones.

// MARK: - Subscriptions

/// `subscription.create {recipient, channel, target, filter, language?, mode?, digestAt?, ordered?}`
/// → `{subscription, secret}`. `secret` (`whsec_<base64>`, webhooks only) is shown in this reply
/// only; a retry of the same request id after a restart answers `secret: null`.
public enum SubscriptionCreate: CommandSchema {
    public typealias Result = SubscriptionWithSecret
    public static let name = "subscription.create"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var recipient: Recipient
        public var channel: String
        public var target: String
        public var filter: SubscriptionFilter
        /// `en` (default) or `hi`.
        public var language: String?
        /// `immediate` (default), `hourly` or `daily`.
        public var mode: String?
        /// `HH:MM` IST, daily digests only (default `09:00`).
        public var digestAt: String?
        /// Default true.
        public var ordered: Bool?
        public init(
            recipient: Recipient, channel: String, target: String, filter: SubscriptionFilter, language: String? = nil,
            mode: String? = nil, digestAt: String? = nil, ordered: Bool? = nil
        ) {
            self.recipient = recipient
            self.channel = channel
            self.target = target
            self.filter = filter
            self.language = language
            self.mode = mode
            self.digestAt = digestAt
            self.ordered = ordered
        }
        public func validate() throws(CommandError) {
            try NotificationsArgumentRules.notBlank(recipient.name, "recipient.name")
            try NotificationsArgumentRules.notBlank(recipient.role, "recipient.role")
            try NotificationsArgumentRules.notBlank(target, "target")
        }
    }
}

/// `subscription.get {id}` → the subscription (without its secret).
public enum SubscriptionGet: CommandSchema {
    public typealias Result = NotificationSubscription
    public static let name = "subscription.get"
    public static let isMutating = false
    public typealias Arguments = SubscriptionReference
}

/// `subscription.list {status?, limit?, offset?}` → `{items, total}`, oldest first.
public enum SubscriptionList: CommandSchema {
    public static let name = "subscription.list"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var status: NotificationSubscriptionStatus?
        public var limit: Int?
        public var offset: Int?
        public init(status: NotificationSubscriptionStatus? = nil, limit: Int? = nil, offset: Int? = nil) {
            self.status = status
            self.limit = limit
            self.offset = offset
        }
        public func validate() throws(CommandError) {
            try NotificationsArgumentRules.page(limit: limit, offset: offset)
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var items: [NotificationSubscription]
        public var total: Int
        public init(items: [NotificationSubscription], total: Int) {
            self.items = items
            self.total = total
        }
    }
}

/// `subscription.update {id, expectedVersion?, recipient?, target?, filter?, language?, mode?,
/// digestAt?, ordered?}` → the subscription. The channel cannot change (make a new subscription).
public enum SubscriptionUpdate: CommandSchema {
    public typealias Result = NotificationSubscription
    public static let name = "subscription.update"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var id: String
        public var expectedVersion: Int?
        public var recipient: Recipient?
        public var target: String?
        public var filter: SubscriptionFilter?
        public var language: String?
        public var mode: String?
        public var digestAt: String?
        public var ordered: Bool?
        public init(id: String, expectedVersion: Int? = nil) {
            self.id = id
            self.expectedVersion = expectedVersion
        }
        public func validate() throws(CommandError) {
            try NotificationsArgumentRules.notBlank(id, "id")
            if let recipient {
                try NotificationsArgumentRules.notBlank(recipient.name, "recipient.name")
                try NotificationsArgumentRules.notBlank(recipient.role, "recipient.role")
            }
            if let target { try NotificationsArgumentRules.notBlank(target, "target") }
        }
    }
}

/// `{id}` of a subscription.
public struct SubscriptionReference: Codable, Sendable, Equatable, ValidatableArguments {
    public var id: String
    public init(id: String) { self.id = id }
    public func validate() throws(CommandError) {
        try NotificationsArgumentRules.notBlank(id, "id")
    }
}

/// `subscription.pause {id}` → the subscription, `paused`: its deliveries wait.
public enum SubscriptionPause: CommandSchema {
    public typealias Result = NotificationSubscription
    public typealias Arguments = SubscriptionReference
    public static let name = "subscription.pause"
    public static let isMutating = true
}

/// `subscription.resume {id}` → the subscription, `active` (also after the service disabled it):
/// waiting deliveries go out in order.
public enum SubscriptionResume: CommandSchema {
    public typealias Result = NotificationSubscription
    public typealias Arguments = SubscriptionReference
    public static let name = "subscription.resume"
    public static let isMutating = true
}

/// `subscription.delete {id}` → `{id, deleted: true}`; its pending deliveries are skipped.
public enum SubscriptionDelete: CommandSchema {
    public typealias Arguments = SubscriptionReference
    public static let name = "subscription.delete"
    public static let isMutating = true
    public struct Result: Codable, Sendable, Equatable {
        public var id: String
        public var deleted: Bool
        public init(id: String, deleted: Bool) {
            self.id = id
            self.deleted = deleted
        }
    }
}

/// `subscription.secret.rotate {id}` → `{subscription, secret}` with the new secret, shown this
/// once. For 24 hours every request is signed with both the new and the old secret.
public enum SubscriptionSecretRotate: CommandSchema {
    public typealias Result = SubscriptionWithSecret
    public typealias Arguments = SubscriptionReference
    public static let name = "subscription.secret.rotate"
    public static let isMutating = true
}

/// `subscription.test {id}` → the delivery of a `notifications.test` message, queued now.
public enum SubscriptionTest: CommandSchema {
    public typealias Result = NotificationDelivery
    public typealias Arguments = SubscriptionReference
    public static let name = "subscription.test"
    public static let isMutating = true
}

// MARK: - Deliveries

/// `deliveries.list {status?, subscriptionId?, eventId?, limit?, offset?}` → `{items, total}`, in
/// the order they were made.
public enum DeliveriesList: CommandSchema {
    public static let name = "deliveries.list"
    public static let isMutating = false
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var status: DeliveryStatus?
        public var subscriptionId: String?
        public var eventId: String?
        public var limit: Int?
        public var offset: Int?
        public init(
            status: DeliveryStatus? = nil, subscriptionId: String? = nil, eventId: String? = nil, limit: Int? = nil, offset: Int? = nil
        ) {
            self.status = status
            self.subscriptionId = subscriptionId
            self.eventId = eventId
            self.limit = limit
            self.offset = offset
        }
        public func validate() throws(CommandError) {
            try NotificationsArgumentRules.page(limit: limit, offset: offset)
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var items: [NotificationDelivery]
        public var total: Int
        public init(items: [NotificationDelivery], total: Int) {
            self.items = items
            self.total = total
        }
    }
}

/// `{id}` of a delivery (its `webhook-id`).
public struct DeliveryReference: Codable, Sendable, Equatable, ValidatableArguments {
    public var id: String
    public init(id: String) { self.id = id }
    public func validate() throws(CommandError) {
        try NotificationsArgumentRules.notBlank(id, "id")
    }
}

/// `delivery.get {id}` → the delivery.
public enum DeliveryGet: CommandSchema {
    public typealias Result = NotificationDelivery
    public typealias Arguments = DeliveryReference
    public static let name = "delivery.get"
    public static let isMutating = false
}

/// `delivery.retry {id}` → the delivery, `pending` again with its attempts reset and the same id.
/// Only a `dead` or `skipped` delivery can be retried (`conflict` otherwise).
public enum DeliveryRetry: CommandSchema {
    public typealias Result = NotificationDelivery
    public typealias Arguments = DeliveryReference
    public static let name = "delivery.retry"
    public static let isMutating = true
}

/// `delivery.skip {id}` → the delivery, `skipped`: a dead head no longer blocks its ordered
/// subscription. Only a `dead` or `pending` delivery can be skipped.
public enum DeliverySkip: CommandSchema {
    public typealias Result = NotificationDelivery
    public typealias Arguments = DeliveryReference
    public static let name = "delivery.skip"
    public static let isMutating = true
}

/// `deliveries.retry {since, subscriptionId?}` → `{count}`: every dead delivery (of one
/// subscription, or of all) that died at or after `since` (RFC 3339) is pending again.
public enum DeliveriesRetry: CommandSchema {
    public static let name = "deliveries.retry"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var since: String
        public var subscriptionId: String?
        public init(since: String, subscriptionId: String? = nil) {
            self.since = since
            self.subscriptionId = subscriptionId
        }
        public func validate() throws(CommandError) {
            try NotificationsArgumentRules.time(since, "since")
        }
    }
    public struct Result: Codable, Sendable, Equatable {
        public var count: Int
        public init(count: Int) { self.count = count }
    }
}

/// `deliveries.replay {subscriptionId, from, to}` → `{count}`: the subscription's sent, dead and
/// skipped deliveries made in `[from, to)` are sent again, in order, with their own ids.
public enum DeliveriesReplay: CommandSchema {
    public typealias Result = DeliveriesRetry.Result
    public static let name = "deliveries.replay"
    public static let isMutating = true
    public struct Arguments: Codable, Sendable, Equatable, ValidatableArguments {
        public var subscriptionId: String
        public var from: String
        public var to: String
        public init(subscriptionId: String, from: String, to: String) {
            self.subscriptionId = subscriptionId
            self.from = from
            self.to = to
        }
        public func validate() throws(CommandError) {
            try NotificationsArgumentRules.notBlank(subscriptionId, "subscriptionId")
            try NotificationsArgumentRules.time(from, "from")
            try NotificationsArgumentRules.time(to, "to")
        }
    }
}

/// Shape rules shared by the notifications commands.
enum NotificationsArgumentRules {
    static func notBlank(_ value: String, _ field: String) throws(CommandError) {
        if value.allSatisfy(\.isWhitespace) { throw .invalidArgument("'\(field)' must not be blank", field: field) }
    }

    static func time(_ value: String, _ field: String) throws(CommandError) {
        if RFC3339.date(from: value) == nil {
            throw .invalidArgument("'\(field)' must be an RFC 3339 time such as 2026-11-23T07:05:01Z", field: field)
        }
    }

    static func page(limit: Int?, offset: Int?) throws(CommandError) {
        if let limit, !(1...1000).contains(limit) { throw .invalidArgument("'limit' must be 1 to 1000", field: "limit") }
        if let offset, offset < 0 { throw .invalidArgument("'offset' must not be negative", field: "offset") }
    }
}
