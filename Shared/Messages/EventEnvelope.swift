import Foundation

/// An event as published (frame 2 of `[topic, envelope]`, the topic being `type`) and as
/// returned by `events.replay`:
/// `{"id": "<uuid>", "type": "catalogue.product.registered", "schema": 1, "source": "catalogue",
///   "seq": 42, "time": "2026-11-23T07:05:01.123Z", "correlationId": "<request id>", "data": {...}}`.
///
/// - `id`: a UUID (lowercase), unique per event.
/// - `type`: what happened; starts with `source` so that SUB prefix filters work.
/// - `schema`: the version of `data`'s shape for this `type` (see `EventPayload`).
/// - `source`: the publishing service.
/// - `seq`: per source, from 1, without gaps, surviving restarts; `null` only for heartbeats.
/// - `time`: when the change was committed, RFC 3339 UTC with milliseconds.
/// - `correlationId`: the id of the command request that caused the event, or `null`.
/// - `data`: the state after the change (the payload), never just ids.
/// - `epoch`: the source's epoch (a UUID that a restore from backup changes), present on events
///   and heartbeats written since the source has one; absent in older stored events.
/// - `traceparent`: the W3C trace context of the work that made the event (the command, or the
///   event a subscriber was applying), written only when present: envelopes without it are
///   byte-for-byte those of earlier releases.
///
/// `seq` and `correlationId` are always written, as `null` when absent; `epoch` and `traceparent`
/// only when present. For an event a subscriber emitted while applying another event,
/// `correlationId` is the id of that cause event (its causation), so a chain of events can be
/// followed back to the command.
public struct EventEnvelope: Codable, Sendable, Equatable {
    public var id: String
    public var type: String
    public var schema: Int
    public var source: String
    public var seq: Int64?
    public var time: String
    public var correlationId: String?
    public var data: JSONValue
    public var epoch: String?
    public var traceparent: String?

    public init(
        id: String, type: String, schema: Int, source: String, seq: Int64?, time: String,
        correlationId: String?, data: JSONValue, epoch: String? = nil, traceparent: String? = nil
    ) {
        self.id = id
        self.type = type
        self.schema = schema
        self.source = source
        self.seq = seq
        self.time = time
        self.correlationId = correlationId
        self.data = data
        self.epoch = epoch
        self.traceparent = traceparent
    }

    /// An envelope for `payload`, with `type` and `schema` taken from the payload type; its id is
    /// a new `TimeOrderedUUID` of `time` unless given, as the event log makes them.
    public static func make<P: EventPayload>(
        _ payload: P, source: String, seq: Int64?, correlationId: String?,
        id: String? = nil, time: Date = Date(), traceparent: String? = nil
    ) throws -> EventEnvelope {
        EventEnvelope(
            id: id ?? TimeOrderedUUID.string(at: time), type: P.eventType, schema: P.schemaVersion, source: source, seq: seq,
            time: RFC3339.string(from: time), correlationId: correlationId, data: try JSONValue(encoding: payload),
            traceparent: traceparent)
    }

    /// The topic frame (frame 1) this envelope is published under: its `type`.
    public var topic: String { type }

    /// `time` as a date, if it is valid RFC 3339.
    public var date: Date? { RFC3339.date(from: time) }

    /// Decodes `data` as `type`; failures name the field relative to `data`.
    public func decodeData<T: Decodable>(_ type: T.Type) throws(CommandError) -> T {
        do throws(CommandError) {
            return try WireFormat.decode(type, from: data, as: .invalidArgument)
        } catch {
            throw CommandError(
                code: error.code, message: "event '\(self.type)' data: \(error.message)", field: error.field)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case id, type, schema, source, seq, time, correlationId, data, epoch, traceparent
    }

    /// Members in the order of their keys, as the wire sorts them: `WireJSONEncoder` then writes
    /// them without sorting.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(correlationId, forKey: .correlationId)  // null when nil, on purpose
        try container.encode(data, forKey: .data)
        try container.encodeIfPresent(epoch, forKey: .epoch)
        try container.encode(id, forKey: .id)
        try container.encode(schema, forKey: .schema)
        try container.encode(seq, forKey: .seq)  // null when nil, on purpose
        try container.encode(source, forKey: .source)
        try container.encode(time, forKey: .time)
        try container.encodeIfPresent(traceparent, forKey: .traceparent)  // absent when untraced
        try container.encode(type, forKey: .type)
    }

    /// The trace id (32 lowercase hex digits) of `traceparent`, when it has a well-formed one.
    public var traceId: String? { traceparent.flatMap(TraceParentText.traceId(of:)) }
}

// MARK: - Heartbeats

extension EventEnvelope {
    /// The heartbeat type (and topic) of `source`: `"<source>.heartbeat"`.
    public static func heartbeatType(for source: String) -> String {
        source + ".heartbeat"
    }

    /// A heartbeat envelope: type `<source>.heartbeat`, `seq` and `correlationId` null,
    /// data `{"lastSeq": lastSeq}` (with `"epoch"` when given, in the data and the envelope).
    public static func heartbeat(
        source: String, lastSeq: Int64, epoch: String? = nil, id: String? = nil, time: Date = Date()
    ) -> EventEnvelope {
        let data: JSONValue = epoch.map { ["lastSeq": .int(lastSeq), "epoch": .string($0)] } ?? ["lastSeq": .int(lastSeq)]
        return EventEnvelope(
            id: id ?? TimeOrderedUUID.string(at: time), type: heartbeatType(for: source), schema: Heartbeat.schemaVersion,
            source: source, seq: nil, time: RFC3339.string(from: time), correlationId: nil, data: data, epoch: epoch)
    }

    /// True for a heartbeat of its own source. Subscribers ask for every event they receive:
    /// the suffix rules out the others before the type is compared with a string built for it.
    public var isHeartbeat: Bool {
        type.hasSuffix(".heartbeat") && type == Self.heartbeatType(for: source)
    }

    /// The heartbeat's data, or nil when this is not a (well-formed) heartbeat.
    public var heartbeat: Heartbeat? {
        guard isHeartbeat else { return nil }
        return try? WireFormat.decode(Heartbeat.self, from: data)
    }
}
