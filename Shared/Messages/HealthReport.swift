import Foundation

/// The result of `health`: who the service is and whether its subscriptions keep up.
///
/// `status` is `"ok"`, or `"degraded"` when a subscription is stalled or disconnected.
/// `lastSeq` is the seq of the last event the service itself published (0 before the first).
public struct HealthReport: Codable, Sendable, Equatable {
    public static let statusOK = "ok"
    public static let statusDegraded = "degraded"

    public var service: String
    public var version: String
    public var status: String
    public var uptimeSeconds: Double
    public var lastSeq: Int64
    /// One entry per source this service subscribes to (empty for catalogue).
    public var subscriptions: [SubscriptionStatus]
    /// The service's epoch as an event source: a UUID that a restore from backup changes.
    public var epoch: String?

    public init(
        service: String, version: String, status: String, uptimeSeconds: Double, lastSeq: Int64,
        subscriptions: [SubscriptionStatus], epoch: String? = nil
    ) {
        self.service = service
        self.version = version
        self.status = status
        self.uptimeSeconds = uptimeSeconds
        self.lastSeq = lastSeq
        self.subscriptions = subscriptions
        self.epoch = epoch
    }

    private enum CodingKeys: String, CodingKey {
        case service, version, status, uptimeSeconds, lastSeq, subscriptions, epoch
    }

    /// Members in the order of their keys, as the wire sorts them: `WireJSONEncoder` then writes
    /// them without sorting (every `health` reply is one). Decoding is synthesized.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(epoch, forKey: .epoch)
        try container.encode(lastSeq, forKey: .lastSeq)
        try container.encode(service, forKey: .service)
        try container.encode(status, forKey: .status)
        try container.encode(subscriptions, forKey: .subscriptions)
        try container.encode(uptimeSeconds, forKey: .uptimeSeconds)
        try container.encode(version, forKey: .version)
    }
}
