import Foundation
import ODOPMessages

/// The sample values the golden fixtures were written from. Each is also the expected result
/// of decoding its fixture.
enum Samples {
    static let requestID = "7f9c2ba4-e88f-4b1a-9d0c-1f3a5e6b7c8d"

    static let request = CommandRequest(
        id: requestID, command: "product.search",
        args: ["state": "Uttar Pradesh", "sector": "handicraft", "limit": 20])

    static let successReply = CommandReply.success(
        id: requestID,
        result: [
            "items": [
                [
                    "id": "prd_0142", "version": 3, "state": "Uttar Pradesh", "district": "Lucknow",
                    "name": "Chikankari", "sector": "handicraft", "giTagged": true, "status": "active",
                ]
            ],
            "total": 1,
        ])

    static let failureReply = CommandReply.failure(
        id: "c1d2e3f4-0000-4000-8000-000000000002",
        error: .invalidArgument("unknown state 'Atlantis'", field: "state"))

    static let failureReplyWithoutField = CommandReply.failure(
        id: nil, error: .invalidJSON("invalid JSON at byte 12: unexpected character '}', expected a JSON value"))

    static let commandError = CommandError.conflict(
        "product 'prd_0142' is at version 4, not 3", field: "expectedVersion")

    static let productData: JSONValue = [
        "id": "prd_0142", "version": 1, "state": "Uttar Pradesh", "district": "Lucknow", "name": "Chikankari",
        "sector": "handicraft", "category": "Embroidery", "giStatus": "registered", "status": "active",
    ]

    static let productRegistered = EventEnvelope(
        id: "3b2f6c1e-8d4a-4f7b-9c2e-5a1d0e9f8b7c", type: "catalogue.product.registered", schema: 1,
        source: "catalogue", seq: 42, time: "2026-11-23T07:05:01.123Z", correlationId: requestID, data: productData)

    static let districtRegistered = EventEnvelope(
        id: "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", type: "catalogue.district.registered", schema: 1,
        source: "catalogue", seq: 41, time: "2026-11-23T07:04:59.870Z", correlationId: nil,
        data: ["state": "Uttar Pradesh", "name": "Lucknow", "lgdCode": "162"])

    static let heartbeat = EventEnvelope.heartbeat(
        source: "catalogue", lastSeq: 42, id: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
        time: RFC3339.date(from: "2026-11-23T07:05:02Z")!)

    static let stallError =
        "invalid_argument: event 'catalogue.product.registered' data: missing field 'district' (field: district)"

    static let healthReport = HealthReport(
        service: "exports", version: "1.0.0", status: HealthReport.statusDegraded, uptimeSeconds: 3725.5, lastSeq: 17,
        subscriptions: [
            SubscriptionStatus(
                source: "catalogue", lastAppliedSeq: 41, sourceLastSeq: 42, lag: 1, state: .stalled,
                stalled: StalledEvent(
                    seq: 42, type: "catalogue.product.registered", error: stallError, attempts: 3,
                    since: "2026-11-23T07:05:01.250Z"))
        ])

    static let replayArguments = EventsReplay.Arguments(after: 40, limit: 2)

    static let replayResult = EventsReplay.Result(events: [districtRegistered, productRegistered], lastSeq: 42)

    static let retryArguments = SubscriptionRetry.Arguments(source: "catalogue")

    static let retryResult = SubscriptionStatus(
        source: "catalogue", lastAppliedSeq: 42, sourceLastSeq: 42, lag: 0, state: .running, stalled: nil)

    static let skipReason = "test record entered by mistake; re-registered as prd_0143"

    static let skipArguments = SubscriptionSkip.Arguments(source: "catalogue", seq: 42, reason: skipReason)

    static let skipResult = SubscriptionStatus(
        source: "catalogue", lastAppliedSeq: 42, sourceLastSeq: 45, lag: 3, state: .catchingUp, stalled: nil)

    static let listResult = SubscriptionsList.Result(
        subscriptions: [
            SubscriptionStatus(
                source: "catalogue", lastAppliedSeq: 45, sourceLastSeq: 45, lag: 0, state: .running, stalled: nil),
            SubscriptionStatus(
                source: "training", lastAppliedSeq: 0, sourceLastSeq: nil, lag: nil, state: .disconnected,
                stalled: nil),
        ],
        skipped: [
            SkippedEvent(
                source: "catalogue", seq: 42, type: "catalogue.product.registered", reason: skipReason,
                error: stallError, time: "2026-11-23T07:30:00.000Z")
        ])
}
