import Foundation
import ODOPMessages

/// The sample values the golden fixtures were written from. Each is also the expected result
/// of decoding its fixture.
///
/// They tell the catalogue's Firozabad Glass story (`CatalogueSamples`, docs/PROTOCOL.md
/// `### catalogue`): the `product.register` request and its reply, the events it and the
/// `district.register` before it published (seq 1 and 2), a stale `product.update` after the
/// update to version 2, and an exports subscription that later stalled at seq 42 of the same
/// catalogue.
enum Samples {
    static let requestID = CatalogueSamples.productRegisterRequestID

    static let request = CommandRequest(
        id: requestID, command: "product.register",
        args: try! JSONValue(encoding: CatalogueSamples.productRegisterArguments))

    static let successReply = CommandReply.success(
        id: requestID, result: try! JSONValue(encoding: CatalogueSamples.firozabadGlassV1))

    static let failureReply = CommandReply.failure(
        id: "c1d2e3f4-0000-4000-8000-000000000002",
        error: .invalidArgument(
            "unknown state or union territory 'Atlantis'; states.list lists the 36 names", field: "state"))

    static let failureReplyWithoutField = CommandReply.failure(
        id: nil, error: .invalidJSON("invalid JSON at byte 12: unexpected character '}', expected a JSON value"))

    /// A second `product.update` prepared against version 1, after the first made it version 2.
    static let commandError = CommandError.conflict(
        "product \(CatalogueSamples.productID) is at version 2, not 1: read it again and reapply the change",
        field: "expectedVersion")

    /// `catalogue.product.registered`, seq 2: Firozabad Glass, version 1.
    static let productRegistered = try! CatalogueSamples.productRegistered()

    /// `catalogue.district.registered`, seq 1: Firozabad.
    static let districtRegistered = try! CatalogueSamples.districtRegistered()

    /// The catalogue's epoch as a source (a restore from backup changes it).
    static let catalogueEpoch = "2f6c1a9e-8b3d-4e57-a0c4-7d91e3b5f208"

    static let heartbeat = EventEnvelope.heartbeat(
        source: "catalogue", lastSeq: 42, epoch: catalogueEpoch, id: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
        time: RFC3339.date(from: "2026-11-23T07:25:02Z")!)

    static let stallError =
        "invalid_argument: event 'catalogue.product.registered' data: missing field 'district' (field: district)"

    static let healthReport = HealthReport(
        service: "exports", version: "1.0.0", status: HealthReport.statusDegraded, uptimeSeconds: 3725.5, lastSeq: 17,
        subscriptions: [
            SubscriptionStatus(
                source: "catalogue", lastAppliedSeq: 41, sourceLastSeq: 42, lag: 1, state: .stalled,
                stalled: StalledEvent(
                    seq: 42, type: "catalogue.product.registered", error: stallError, attempts: 3,
                    since: "2026-11-23T07:25:01.250Z"))
        ], epoch: catalogueEpoch)

    static let replayArguments = EventsReplay.Arguments(after: 0, limit: 2)

    /// The trace of the `product.register` request when its client sent a `traceparent`.
    static let traceId = "4bf92f3577b34da6a3ce929d0e0e4736"

    static let tracedRequest = CommandRequest(
        id: requestID, command: "product.register",
        args: try! JSONValue(encoding: CatalogueSamples.productRegisterArguments),
        traceparent: "00-\(traceId)-00f067aa0ba902b7-01")

    /// The event that request published: the same trace, the command's own span.
    static let tracedProductRegistered: EventEnvelope = {
        var event = productRegistered
        event.traceparent = "00-\(traceId)-a3ce929d0e0e4736-01"
        return event
    }()

    static let traceArguments = EventsTrace.Arguments(traceId: traceId)

    static let traceResult = EventsTrace.Result(events: [tracedProductRegistered], truncated: false)

    static let replayResult = EventsReplay.Result(events: [districtRegistered, productRegistered], lastSeq: 42)

    static let retryArguments = SubscriptionRetry.Arguments(source: "catalogue")

    static let retryResult = SubscriptionStatus(
        source: "catalogue", lastAppliedSeq: 42, sourceLastSeq: 42, lag: 0, state: .running, stalled: nil)

    static let backupArguments = BackupCreate.Arguments(path: "/var/backups/odop/exports-2026-11-23.sqlite")

    static let backupResult = BackupResult(
        path: "/var/backups/odop/exports-2026-11-23.sqlite", lastSeq: 17, epoch: "6d0f3b7a-1c9e-4a25-b8d3-5e2f7a9c1b46", bytes: 1_204_224)

    static let resyncArguments = SubscriptionResync.Arguments(
        source: "catalogue", epoch: "6d0f3b7a-1c9e-4a25-b8d3-5e2f7a9c1b46", after: 40)

    static let resyncResult = SubscriptionStatus(
        source: "catalogue", lastAppliedSeq: 40, sourceLastSeq: nil, lag: nil, state: .catchingUp, stalled: nil)

    static let skipReason = "test record entered by mistake; re-registered as p-5d3e8a21-7c4b-4f09-9e6a-0b2c4d6f8a13"

    static let skipArguments = SubscriptionSkip.Arguments(source: "catalogue", seq: 42, reason: skipReason)

    static let skipResult = SubscriptionStatus(
        source: "catalogue", lastAppliedSeq: 42, sourceLastSeq: 45, lag: 3, state: .catchingUp, stalled: nil)

    static let listResult = SubscriptionsList.Result(
        subscriptions: [
            SubscriptionStatus(
                source: "catalogue", lastAppliedSeq: 45, sourceLastSeq: 45, lag: 0, state: .running, stalled: nil),
            SubscriptionStatus(
                source: "training", lastAppliedSeq: 0, sourceLastSeq: nil, lag: nil, state: .disconnected,
                stalled: nil,
                lastError:
                    "authentication failed: the training service's ZAP handler refused this service's key (status 400) at tcp://127.0.0.1:7302"
            ),
        ],
        skipped: [
            SkippedEvent(
                source: "catalogue", seq: 42, type: "catalogue.product.registered", reason: skipReason,
                error: stallError, time: "2026-11-23T07:30:00.000Z")
        ])
}
