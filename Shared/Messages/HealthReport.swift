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

extension HealthReport: WireWritable {
    /// The members of `encode(to:)`, in the same order, straight into the frame (`health` is the
    /// command monitors call most).
    func write(to json: inout WireJSONEncoder.JSONBytes) throws {
        var first = true
        json.openObject()
        if let epoch {
            json.name("epoch", first: &first)
            json.string(epoch)
        }
        json.name("lastSeq", first: &first)
        json.integer(lastSeq)
        json.name("service", first: &first)
        json.string(service)
        json.name("status", first: &first)
        json.string(status)
        json.name("subscriptions", first: &first)
        if subscriptions.isEmpty {
            json.emptyArray()
        } else {
            try json.value(subscriptions)
        }
        json.name("uptimeSeconds", first: &first)
        try json.number(uptimeSeconds)
        json.name("version", first: &first)
        json.string(version)
        json.closeObject()
    }
}

extension HealthReport: WireReadable {
    /// The members `init(from:)` decodes, read as they come (strings straight from the bytes);
    /// `subscriptions` through `JSONValueDecoder`, as the general path decodes them.
    static func read(_ parser: inout JSONParser) throws -> HealthReport {
        var service: String?
        var version: String?
        var status: String?
        var uptimeSeconds: Double?
        var lastSeq: Int64?
        var subscriptions: [SubscriptionStatus]?
        var epoch: String?
        try EnvelopeReader.readMembers(&parser) { name, parser in
            switch name {
            case "service":
                service = try EnvelopeReader.string(&parser)
                return 0
            case "version":
                version = try EnvelopeReader.string(&parser)
                return 1
            case "status":
                status = try EnvelopeReader.string(&parser)
                return 2
            case "uptimeSeconds":
                uptimeSeconds = try JSONValueDecoder.unboxFloat(parser.parseValue(), as: Double.self, path: [])
                return 3
            case "lastSeq":
                lastSeq = try JSONValueDecoder.unboxInteger(parser.parseValue(), as: Int64.self, path: [])
                return 4
            case "subscriptions":
                let value = try parser.parseValue()
                if case .array(let elements) = value, elements.isEmpty {
                    subscriptions = []
                } else {
                    subscriptions = try JSONValueDecoder.decode([SubscriptionStatus].self, from: value, at: [])
                }
                return 5
            case "epoch":
                epoch = try EnvelopeReader.optionalString(&parser)
                return 6
            default:
                return nil
            }
        }
        guard let service, let version, let status, let uptimeSeconds, let lastSeq, let subscriptions else {
            throw EnvelopeReader.NotRead()
        }
        return HealthReport(
            service: service, version: version, status: status, uptimeSeconds: uptimeSeconds, lastSeq: lastSeq,
            subscriptions: subscriptions, epoch: epoch)
    }
}
