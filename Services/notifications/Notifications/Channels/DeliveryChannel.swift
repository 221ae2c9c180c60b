import Foundation
import ODOPMessages

/// One message ready to leave: the same id and body on every attempt; `secrets` are those in
/// force now (newest first).
public struct OutgoingMessage: Sendable {
    /// The `webhook-id`.
    public var id: String
    public var subscriptionId: String
    public var type: String
    /// URL, file path or log label.
    public var target: String
    /// The exact bytes sent and signed.
    public var body: Data
    public var secrets: [String]
    /// The W3C trace context of the event, sent as `traceparent` when present.
    public var traceparent: String?

    public init(id: String, subscriptionId: String, type: String, target: String, body: Data, secrets: [String], traceparent: String?) {
        self.id = id
        self.subscriptionId = subscriptionId
        self.type = type
        self.target = target
        self.body = body
        self.secrets = secrets
        self.traceparent = traceparent
    }
}

/// What one attempt came to.
public enum AttemptOutcome: Sendable, Equatable {
    /// Accepted (a 2xx, a line on disk, a log line). `status` is the HTTP status, if any.
    case delivered(status: Int?)
    /// Not accepted; try again per the schedule, not before `retryAfter` seconds when given.
    case failed(status: Int?, error: String, retryAfter: TimeInterval?)
    /// The receiver said the endpoint is gone (410): disable the subscription.
    case gone(status: Int)
}

/// A way messages leave the service. Email or SMS later is one more conforming type and one more
/// `ChannelKind` case; nothing else changes.
public protocol DeliveryChannel: Sendable {
    /// Makes one attempt. Never throws: every failure is an outcome.
    func send(_ message: OutgoingMessage) async -> AttemptOutcome
}

/// The channels of a running service, by kind.
public struct ChannelSet: Sendable {
    public var webhook: any DeliveryChannel
    public var file: any DeliveryChannel
    public var log: any DeliveryChannel

    public init(webhook: any DeliveryChannel, file: any DeliveryChannel, log: any DeliveryChannel) {
        self.webhook = webhook
        self.file = file
        self.log = log
    }

    public func channel(_ kind: ChannelKind) -> any DeliveryChannel {
        switch kind {
        case .webhook: webhook
        case .file: file
        case .log: log
        }
    }
}
