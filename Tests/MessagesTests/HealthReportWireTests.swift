import Foundation
import Testing

@testable import ODOPMessages

/// `HealthReport` writes itself (`WireWritable`) and reads itself (`WireReadable`) on the hot
/// path of every `health` call. Both must give exactly what the `Codable` paths give: the same
/// bytes as Foundation's encoder with the wire's options, the same value as decoding the reply,
/// and for anything else the general path's value or error.
@Suite("HealthReport wire paths")
struct HealthReportWireTests {
    static let reports: [HealthReport] = [
        HealthReport(service: "catalogue", version: "0.1.0", status: "ok", uptimeSeconds: 0, lastSeq: 0, subscriptions: []),
        HealthReport(
            service: "catalogue", version: "0.1.0", status: "ok", uptimeSeconds: 3, lastSeq: 773, subscriptions: [],
            epoch: "5f0c1a2e-8a1b-4c3d-9e4f-0a1b2c3d4e5f"),
        HealthReport(
            service: "exp\"orts\n\u{1}", version: "1.0/β ✓", status: "degraded", uptimeSeconds: 123_456.789, lastSeq: Int64.max,
            subscriptions: [
                SubscriptionStatus(source: "catalogue", lastAppliedSeq: 10, sourceLastSeq: 12, lag: 2, state: .running, stalled: nil),
                SubscriptionStatus(
                    source: "notifications", lastAppliedSeq: 0, sourceLastSeq: 100, lag: 100, state: .catchingUp, stalled: nil),
                SubscriptionStatus(
                    source: "training", lastAppliedSeq: 4, sourceLastSeq: nil, lag: nil, state: .disconnected, stalled: nil,
                    lastError: "CURVE handshake refused"),
                SubscriptionStatus(
                    source: "exports", lastAppliedSeq: 7, sourceLastSeq: 9, lag: 2, state: .stalled,
                    stalled: StalledEvent(
                        seq: 8, type: "exports.plan.made", error: "no such district", attempts: 3, since: "2026-12-03T10:00:00.000Z")),
            ],
            epoch: "e"),
        HealthReport(service: "", version: "", status: "ok", uptimeSeconds: 1e-7, lastSeq: -1, subscriptions: []),
        HealthReport(service: "s", version: "v", status: "ok", uptimeSeconds: 0.1, lastSeq: 1, subscriptions: []),
        HealthReport(service: "s", version: "v", status: "ok", uptimeSeconds: 1e21, lastSeq: 1, subscriptions: []),
        HealthReport(service: "s", version: "v", status: "ok", uptimeSeconds: 86_400.000_001, lastSeq: 1, subscriptions: []),
    ]

    @Test func writesFoundationsBytes() throws {
        for report in Self.reports {
            let foundation = try FoundationWire.encode(report)
            var direct = WireJSONEncoder.JSONBytes(bytes: [])
            try report.write(to: &direct)
            #expect(Data(direct.bytes) == foundation, "\(String(decoding: direct.bytes, as: UTF8.self))")
            #expect(try WireFormat.encode(report) == foundation)
            var framed: [UInt8] = Array("prefix:".utf8)
            try WireFormat.encode(report, appendingTo: &framed)
            #expect(framed == Array("prefix:".utf8) + Array(foundation))
        }
    }

    @Test func aNonFiniteUptimeIsLeftToTheGeneralPath() {
        let report = HealthReport(service: "s", version: "v", status: "ok", uptimeSeconds: .nan, lastSeq: 1, subscriptions: [])
        var bytes: [UInt8] = Array("kept".utf8)
        #expect(throws: WireJSONEncoder.Unsupported.self) { try WireJSONEncoder.encode(report, appendingTo: &bytes) }
        #expect(bytes == Array("kept".utf8), "a refused write leaves the frame as it was")
        #expect(throws: (any Error).self) { try FoundationWire.encode(report) }
        #expect(throws: (any Error).self) { try WireFormat.encode(report) }
    }

    @Test func readsWhatItWrote() throws {
        for report in Self.reports {
            let frame = CommandReply.successFrame(id: "r1", resultJSON: try WireFormat.encode(report))
            #expect(try HealthReport.readResult(ofFrame: frame, answering: "r1") == report)
            #expect(try CommandReply.result(ofFrame: frame, answering: "r1", as: HealthReport.self) == report)
            #expect(try CommandReply.parse(frame, answering: "r1").result(as: HealthReport.self) == report)
        }
    }

    /// Replies the direct reader takes (it must: the test fails if it hands them on).
    static let readDirectly = [
        #"{"id":"r1","ok":true,"result":{"lastSeq":5,"service":"s","status":"ok","subscriptions":[],"uptimeSeconds":2,"version":"v"}}"#,
        #"{"ok":true,"id":null,"result":{"version":"v","uptimeSeconds":2.5,"subscriptions":[],"status":"ok","service":"s","lastSeq":5,"epoch":null}}"#,
        #" { "id" : "r1" , "ok" : true , "result" : { "newer" : {"a":[1]}, "lastSeq" : 5.0 , "service" : "s" , "status" : "ok" , "subscriptions" : [ ] , "uptimeSeconds" : 1e2 , "version" : "v" } } "#,
        #"{"id":"r1","ok":true,"result":{"lastSeq":5,"service":"s\u00e9","status":"ok","subscriptions":[{"source":"catalogue","lastAppliedSeq":1,"state":"running"}],"uptimeSeconds":2,"version":"v"},"extra":1}"#,
    ]

    /// Replies the direct reader must hand to the general path, which decides.
    static let leftToTheGeneralPath = [
        #"{"id":"r1","ok":true,"result":{"lastSeq":"5","service":"s","status":"ok","subscriptions":[],"uptimeSeconds":2,"version":"v"}}"#,
        #"{"id":"r1","ok":true,"result":{"lastSeq":5.5,"service":"s","status":"ok","subscriptions":[],"uptimeSeconds":2,"version":"v"}}"#,
        #"{"id":"r1","ok":true,"result":{"lastSeq":5,"status":"ok","subscriptions":[],"uptimeSeconds":2,"version":"v"}}"#,
        #"{"id":"r1","ok":true,"result":{"lastSeq":5,"service":null,"status":"ok","subscriptions":[],"uptimeSeconds":2,"version":"v"}}"#,
        #"{"id":"r1","ok":true,"result":{"lastSeq":5,"service":"s","status":"ok","subscriptions":[{"source":"c","lastAppliedSeq":1,"state":"asleep"}],"uptimeSeconds":2,"version":"v"}}"#,
        #"{"id":"r1","ok":true,"result":{"lastSeq":5,"service":"s","status":"ok","subscriptions":{},"uptimeSeconds":2,"version":"v"}}"#,
        #"{"id":"r1","ok":true,"result":{"lastSeq":5,"service":"s","status":"ok","subscriptions":[],"uptimeSeconds":true,"version":"v"}}"#,
        #"{"id":"r1","ok":true,"result":{"lastSeq":5,"lastSeq":6,"service":"s","status":"ok","subscriptions":[],"uptimeSeconds":2,"version":"v"}}"#,
        #"{"id":"r1","ok":true,"result":{"epoch":7,"lastSeq":5,"service":"s","status":"ok","subscriptions":[],"uptimeSeconds":2,"version":"v"}}"#,
        #"{"id":"r1","ok":true,"result":[]}"#,
        #"{"id":"r1","ok":true,"result":null}"#,
        #"{"id":"r1","ok":true}"#,
        #"{"id":"other","ok":true,"result":{"lastSeq":5,"service":"s","status":"ok","subscriptions":[],"uptimeSeconds":2,"version":"v"}}"#,
        #"{"id":"r1","ok":false,"error":{"code":"unauthorized","message":"no"}}"#,
        #"{"id":"r1","ok":true,"result":{"lastSeq":5,"service":"s","status":"ok","subscriptions":[],"uptimeSeconds":2,"version":"v"}"#,
        #"{"id":"r1","ok":true,"result":{"lastSeq":5,"service":"s","status":"ok","subscriptions":[],"uptimeSeconds":2,"version":"v"}} x"#,
        "not json",
    ]

    @Test func readsOrHandsOnAsTheGeneralPathDecides() {
        for text in Self.readDirectly + Self.leftToTheGeneralPath {
            let frame = Data(text.utf8)
            let general = Result { () throws(CommandError) in try CommandReply.parse(frame, answering: "r1").result(as: HealthReport.self) }
            let read = Result { () throws(CommandError) in try CommandReply.result(ofFrame: frame, answering: "r1", as: HealthReport.self) }
            #expect(read == general, "\(text)")
            let direct = try? HealthReport.readResult(ofFrame: frame, answering: "r1")
            if Self.readDirectly.contains(text) {
                #expect(direct != nil, "read directly: \(text)")
                #expect(direct == (try? general.get()), "\(text)")
            } else {
                #expect(direct == nil, "left to the general path: \(text)")
            }
        }
    }
}
