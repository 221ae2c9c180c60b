import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

/// Issue 12 against the real executables: CURVE with a ZAP allowlist, roles, scopes, SIGHUP,
/// the audit trail, key files, rate limits; pyzmq (python3) is the independent client.
@Suite("security", .serialized, .timeLimit(.minutes(3)))
struct SecurityTests {
    /// A CURVE catalogue admitting admin, reader, a Firozabad officer and the exports service.
    private func secureCatalogue(_ keys: SecureDeployment, environment: [String: String] = [:]) throws -> ServiceProcess {
        try keys.writeAllowlist([
            ("admin1", "admin", nil), ("reader1", "reader", nil), ("officer-firozabad", "admin", "district:UP-firozabad"),
            ("exports", "service", nil),
        ])
        let catalogue = ServiceProcess("catalogue", environment: keys.serverEnvironment("catalogue").merging(environment) { $1 })
        catalogue.curve = keys.clientKeys("admin1", server: "catalogue")
        return try catalogue.start()
    }

    private static let names = ["catalogue", "exports", "admin1", "reader1", "officer-firozabad", "stranger"]

    @Test(
        "no CURVE, a wrong server key and an unknown key get no access (client monitor and service log) while an admitted key succeeds; reader forbidden, scoped officer only in its district, admin succeeds"
    )
    func admission() throws {
        let keys = try SecureDeployment(keys: Self.names)
        let catalogue = try secureCatalogue(keys)
        defer { catalogue.stop() }
        let admin = try keys.client("admin1", of: catalogue, server: "catalogue")
        _ = try admin.call(DistrictRegister.self, .init(state: "UP", name: "Firozabad"))
        _ = try admin.call(DistrictRegister.self, .init(state: "UP", name: "Agra"))
        let endpoint = catalogue.commandsEndpoint

        // The three refused clients run at the same time as an admitted one.
        let health = PythonProbe.command("health")
        let plain = try PythonProbe.start([endpoint, "plain", "--timeout", "1.5"] + health)
        let wrongServer = try PythonProbe.start(
            [
                endpoint, "curve", "--server-key", keys.publicPath("admin1"), "--public", keys.publicPath("reader1"),
                "--secret", keys.secretPath("reader1"), "--timeout", "1.5",
            ] + health)
        let unknown = try PythonProbe.start(
            [endpoint] + PythonProbe.curve(keys, client: "stranger", server: "catalogue") + ["--timeout", "1.5"] + health)
        let admitted = try PythonProbe.start([endpoint] + PythonProbe.curve(keys, client: "admin1", server: "catalogue") + health)

        let plainOutcome = try PythonProbe.finish(plain.0, plain.1)
        let wrongOutcome = try PythonProbe.finish(wrongServer.0, wrongServer.1)
        let unknownOutcome = try PythonProbe.finish(unknown.0, unknown.1)
        let admittedOutcome = try PythonProbe.finish(admitted.0, admitted.1)
        #expect(plainOutcome.handshakeFailure != nil && plainOutcome.replies.isEmpty && plainOutcome.timeouts == 1, "\(plainOutcome.lines)")
        #expect(wrongOutcome.handshakeFailure != nil && wrongOutcome.replies.isEmpty, "\(wrongOutcome.lines)")
        #expect(unknownOutcome.handshakeFailure == "auth" && unknownOutcome.replies.isEmpty, "\(unknownOutcome.lines)")
        #expect(admittedOutcome.succeeded && admittedOutcome.replies.first?["ok"] == .bool(true), "\(admittedOutcome.lines)")

        try eventually("the service logs every refusal (log: \(catalogue.logTail(lines: 12)))", timeout: .seconds(10)) {
            let log = catalogue.logText()
            // (How a plaintext client or a wrong server key is reported depends on timing: another
            // mechanism, undecryptable, or a handshake cut short.)
            return log.contains("client key not in the allowlist")
                && log.components(separatedBy: "socket=commands [ODOPRuntime] handshake refused").count >= 4
        }
        #expect(catalogue.logText().contains("command=health") && catalogue.logText().contains("who=admin1"))

        // From pyzmq too: a reader may read but not change (forbidden, and nothing changed); a
        // district officer acts in Firozabad only; an admin succeeds.
        func replies(_ client: String, _ commands: [(String, String)]) throws -> [JSONValue] {
            let outcome = try PythonProbe.run(
                [endpoint] + PythonProbe.curve(keys, client: client, server: "catalogue")
                    + commands.flatMap { PythonProbe.command($0.0, $0.1) })
            #expect(outcome.replies.count == commands.count, "\(client): \(outcome.lines)")
            return outcome.replies
        }
        func errorCode(_ reply: JSONValue?) -> String? { reply?["error"]?["code"]?.stringValue }
        let districts = #"{"state": "UP"}"#
        let reader = try replies(
            "reader1",
            [("district.list", districts), ("district.register", #"{"state": "UP", "name": "Mathura"}"#), ("district.list", districts)])
        #expect(reader[0]["ok"] == .bool(true))
        #expect(errorCode(reader[1]) == "forbidden", "\(reader[1])")
        #expect(reader[2]["result"] == reader[0]["result"], "the reader's refused change changed the districts")

        let officer = try replies(
            "officer-firozabad",
            [
                ("product.register", #"{"state": "UP", "district": "Firozabad", "name": "Glass bangles", "sector": "handicraft"}"#),
                ("product.register", #"{"state": "UP", "district": "Agra", "name": "Petha", "sector": "food processing"}"#),
            ])
        #expect(officer[0]["ok"] == .bool(true), "\(officer[0])")
        #expect(errorCode(officer[1]) == "forbidden", "the Firozabad officer registered a product in Agra: \(officer[1])")
        let adminReplies = try replies(
            "admin1", [("product.register", #"{"state": "UP", "district": "Agra", "name": "Petha", "sector": "food processing"}"#)])
        let petha = try #require(adminReplies.first?["result"]?["id"]?.stringValue, "the admin registers in Agra: \(adminReplies)")
        let glass = try #require(officer[0]["result"]?["id"]?.stringValue)
        let updates = try replies(
            "officer-firozabad",
            [
                ("product.update", #"{"id": "\#(petha)", "expectedVersion": 1, "name": "Agra petha"}"#),
                ("product.update", #"{"id": "\#(glass)", "expectedVersion": 1, "name": "Firozabad glass bangles"}"#),
            ])
        #expect(errorCode(updates[0]) == "forbidden", "the Firozabad officer changed a product in Agra: \(updates[0])")
        #expect(updates[1]["ok"] == .bool(true), "\(updates[1])")
        #expect(try admin.call(ProductGet.self, .init(id: petha)).name == "Petha")
        #expect(try admin.call(ProductGet.self, .init(id: glass)).name == "Firozabad glass bangles")
        try LogSecrets(keys).expectNone(in: [catalogue])
    }

    @Test("removing a key from the allowlist and sending SIGHUP cuts that client off on the connection it already has open")
    func sighupCutsOff() throws {
        let keys = try SecureDeployment(keys: Self.names)
        let catalogue = try secureCatalogue(keys)
        defer { catalogue.stop() }
        let stdin = Pipe()
        let (probe, output) = try PythonProbe.start(
            [catalogue.commandsEndpoint] + PythonProbe.curve(keys, client: "reader1", server: "catalogue") + ["--hold-stdin"]
                + PythonProbe.command("health") + PythonProbe.command("catalogue.stats"), stdin: stdin)
        // The first reply has come once the probe says it holds.
        try eventually("the first command answered on the open connection") { catalogue.logText().contains("who=reader1") }
        try keys.writeAllowlist([("admin1", "admin", nil)])
        kill(catalogue.pid!, SIGHUP)
        try eventually("the allowlist reloaded") { catalogue.logText().contains("allowlist reloaded") }
        stdin.fileHandleForWriting.write(Data("go\n".utf8))
        let outcome = try PythonProbe.finish(probe, output)
        #expect(outcome.replies.count == 2, "\(outcome.lines)")
        #expect(outcome.replies.first?["ok"] == .bool(true))
        #expect(outcome.replies.last?["error"]?["code"]?.stringValue == "unauthorized", "\(outcome.lines)")

        // The reload is in the audit trail with the names removed.
        let admin = try keys.client("admin1", of: catalogue, server: "catalogue")
        let reloads = try admin.call(AuditList.self, .init(action: "keys.reloaded"))
        #expect(reloads.items.last?.details?["removed"] == .array(["exports", "officer-firozabad", "reader1"].map(JSONValue.string)))
        try LogSecrets(keys).expectNone(in: [catalogue])
    }

    @Test("a packet capture on loopback: with CURVE the traffic is there but the marker is not; without CURVE the marker is there")
    func captureHoldsNoMarker() throws {
        let keys = try SecureDeployment(keys: Self.names)
        for curve in [true, false] {
            let catalogue = curve ? try secureCatalogue(keys) : try ServiceProcess("catalogue").start()
            defer { catalogue.stop() }
            let capture = keys.directory.file("capture-\(curve).bin")
            let listenPort = FreePort.next()
            let targetPort = Int(catalogue.commandsEndpoint.split(separator: ":").last!)!
            let tap = Process()
            tap.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            tap.arguments = [
                "python3", PythonProbe.fixtures.appendingPathComponent("tcp_tap.py").path, "\(listenPort)", "\(targetPort)", capture.path,
            ]
            let ready = Pipe()
            tap.standardOutput = ready
            try tap.runSerialized()
            defer {
                kill(tap.processIdentifier, SIGKILL)  // SIGTERM may be ignored in the test process's children
                tap.waitUntilExit()
            }
            _ = ready.fileHandleForReading.availableData  // "ready"

            let marker = "MARKER-\(UUID().uuidString)"
            let arguments =
                ["tcp://127.0.0.1:\(listenPort)"]
                + (curve ? PythonProbe.curve(keys, client: "reader1", server: "catalogue") : ["plain"])
                + PythonProbe.command("product.search", #"{"text": "\#(marker)"}"#)
            let outcome = try PythonProbe.run(arguments)
            #expect(outcome.replies.first?["ok"] == .bool(true), "\(outcome.lines)")
            let bytes = try Data(contentsOf: capture)
            let sent = #"{"command": "product.search", "args": {"text": "\#(marker)"}}"#.utf8.count
            #expect(bytes.count > sent)
            #expect(
                bytes.range(of: Data(marker.utf8)) != nil ? !curve : curve,
                "CURVE \(curve): marker \(bytes.range(of: Data(marker.utf8)) != nil ? "found" : "absent") in \(bytes.count) bytes")
            if curve { try LogSecrets(keys).expectNone(in: [catalogue]) }
        }
    }

    @Test("the audit trail answers who changed a product, with the values before and after")
    func auditTrail() throws {
        let keys = try SecureDeployment(keys: Self.names)
        let catalogue = try secureCatalogue(keys)
        defer { catalogue.stop() }
        let admin = try keys.client("admin1", of: catalogue, server: "catalogue")
        _ = try admin.call(DistrictRegister.self, .init(state: "UP", name: "Firozabad"))
        let product = try admin.call(
            ProductRegister.self, .init(state: "UP", district: "Firozabad", name: "Glassware", sector: "handicraft"))
        let officer = try keys.client("officer-firozabad", of: catalogue, server: "catalogue")
        let requestID = CommandClient.newRequestID()
        _ = try officer.call(ProductUpdate.self, .init(id: product.id, expectedVersion: 1, name: "Firozabad glassware"), id: requestID)

        let changes = try admin.call(AuditList.self, .init(command: "product.update", district: "UP-firozabad"))
        let entry = try #require(changes.items.last)
        #expect(entry.who == "officer-firozabad" && entry.role == "admin" && entry.requestId == requestID)
        #expect(entry.state == "UP" && entry.district == "UP-firozabad")
        #expect(entry.before?["name"]?.stringValue == "Glassware" && entry.before?["version"] == .int(1))
        #expect(entry.after?["name"]?.stringValue == "Firozabad glassware" && entry.after?["version"] == .int(2))
        let registered = try admin.call(AuditList.self, .init(who: "admin1", command: "product.register"))
        #expect(registered.items.count == 1 && registered.items[0].before == nil)

        // Reading the audit trail needs admin.
        let reader = try keys.client("reader1", of: catalogue, server: "catalogue")
        do {
            _ = try reader.call(AuditList.self, .init())
            Issue.record("a reader listed the audit trail")
        } catch {
            #expect(error.code == .forbidden)
        }
        try LogSecrets(keys).expectNone(in: [catalogue])
    }

    @Test("a world-readable secret key file stops the service with exit 77 naming the file; no secret in any log line")
    func insecureKeyFile() throws {
        let keys = try SecureDeployment(keys: Self.names)
        try keys.writeAllowlist([("admin1", "admin", nil)])
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keys.secretPath("catalogue"))
        let catalogue = ServiceProcess("catalogue", environment: keys.serverEnvironment("catalogue"))
        try catalogue.start(waitForHealth: .zero)
        #expect(catalogue.waitForExit(timeout: .seconds(20)))
        #expect(catalogue.exitStatus == 77)
        let log = catalogue.logText()
        #expect(log.contains(keys.secretPath("catalogue")) && log.contains("chmod 600"), "\(log)")

        // A malformed key file is exit 77 too; and a service that ran never logs a secret.
        try Data("not a key\n".utf8).write(to: URL(fileURLWithPath: keys.publicPath("catalogue")))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keys.secretPath("catalogue"))
        let malformed = ServiceProcess("catalogue", environment: keys.serverEnvironment("catalogue"))
        try malformed.start(waitForHealth: .zero)
        #expect(malformed.waitForExit(timeout: .seconds(20)))
        #expect(malformed.exitStatus == 77)
        #expect(malformed.logText().contains(keys.publicPath("catalogue")))

        let other = try SecureDeployment(keys: Self.names)
        let running = try secureCatalogue(other)
        _ = try? other.client("stranger", of: running, server: "catalogue", timeout: .milliseconds(300)).call("health")
        _ = try? other.client("admin1", of: running, server: "catalogue").call("health")
        try LogSecrets(other).expectNone(in: [running])
        try LogSecrets(keys).expectNone(in: [catalogue, malformed])
    }

    @Test(
        "an oversized message and a client over its rate are refused without harming other clients: a bystander connected before an oversized frame and one over the hard limit (which drops its sender's connection) is answered on the same connection"
    )
    func oversizedAndRateLimited() throws {
        let keys = try SecureDeployment(keys: Self.names)
        let catalogue = try secureCatalogue(
            keys, environment: ["ODOP_RATE_LIMIT": "5", "ODOP_RATE_BURST": "5", "ODOP_MAX_COMMAND_BYTES": "2048"])
        defer { catalogue.stop() }
        let flooder = try keys.client("reader1", of: catalogue, server: "catalogue")
        let other = try keys.client("admin1", of: catalogue, server: "catalogue")
        var limited: CommandError?
        for _ in 0..<20 {
            do { _ = try flooder.call(Health.self, NoArguments()) } catch {
                limited = error
                break
            }
        }
        let refusal = try #require(limited)
        #expect(refusal.code == .unavailable && refusal.message.contains("retryAfterMs="), "\(refusal)")
        #expect(try other.call(Health.self, NoArguments()).status == "ok")

        // A bystander (pyzmq) connects and is answered before the oversized frames are sent; it
        // sends its next command on the same connection right after them.
        let release = Pipe()
        let (bystander, bystanderOutput) = try PythonProbe.start(
            [catalogue.commandsEndpoint] + PythonProbe.curve(keys, client: "officer-firozabad", server: "catalogue") + ["--hold-stdin"]
                + PythonProbe.command("health") + PythonProbe.command("health"), stdin: release)
        try eventually("the bystander's first command is answered") { catalogue.logText().contains("who=officer-firozabad") }

        // Over ODOP_MAX_COMMAND_BYTES: an invalid_request reply.
        let big = String(repeating: "x", count: 4096)
        do {
            _ = try other.call(ProductSearch.self, .init(text: big))
            Issue.record("an oversized request was served")
        } catch {
            #expect(error.code == .invalidRequest && error.message.contains("exceeds the limit"))
        }
        // Over the hard limit (16 times 2048 bytes, ZMQ_MAXMSGSIZE): the socket drops that
        // connection, with no reply.
        let huge = String(repeating: "x", count: 16 * 2048 + 4096)
        let dropped = try PythonProbe.run(
            [catalogue.commandsEndpoint] + PythonProbe.curve(keys, client: "exports", server: "catalogue") + ["--timeout", "2"]
                + PythonProbe.command("product.search", #"{"text": "\#(huge)"}"#))
        #expect(dropped.succeeded && dropped.disconnections > 0 && dropped.replies.isEmpty && dropped.timeouts == 1, "\(dropped.lines)")

        release.fileHandleForWriting.write(Data("go\n".utf8))
        let answered = try PythonProbe.finish(bystander, bystanderOutput)
        #expect(answered.replies.count == 2 && answered.replies.allSatisfy { $0["ok"] == .bool(true) }, "\(answered.lines)")
        #expect(answered.disconnections == 0, "the bystander lost its connection: \(answered.lines)")
        #expect(try other.call(Health.self, NoArguments()).status == "ok")
        #expect(catalogue.isRunning)
        try LogSecrets(keys).expectNone(in: [catalogue])
    }

    @Test("a subscriber with a service key follows its source over CURVE across a restart of the source")
    func subscriberFollowsAcrossRestart() throws {
        let keys = try SecureDeployment(keys: Self.names)
        let catalogue = try secureCatalogue(keys)
        let admin = try keys.client("admin1", of: catalogue, server: "catalogue")
        _ = try admin.call(DistrictRegister.self, .init(state: "UP", name: "Firozabad"))
        _ = try admin.call(ProductRegister.self, .init(state: "UP", district: "Firozabad", name: "Glass bangles", sector: "handicraft"))

        let exports = ServiceProcess("exports", environment: keys.followerEnvironment("exports", following: catalogue))
        exports.curve = keys.clientKeys("admin1", server: "exports")
        try exports.start()
        defer { exports.stop() }
        let exportsAdmin = try keys.client("admin1", of: exports, server: "exports")
        func applied() throws -> Int64 {
            try exportsAdmin.call(SubscriptionsList.self, NoArguments()).subscriptions.first?.lastAppliedSeq ?? -1
        }
        try eventually("exports applied the catalogue's events") { try applied() == 2 }

        catalogue.stop()
        let restarted = ServiceProcess(
            "catalogue", dataDirectory: catalogue.dataDirectory, commandsEndpoint: catalogue.commandsEndpoint,
            eventsEndpoint: catalogue.eventsEndpoint, environment: keys.serverEnvironment("catalogue"))
        restarted.curve = keys.clientKeys("admin1", server: "catalogue")
        try restarted.start()
        defer { restarted.stop() }
        _ = try keys.client("admin1", of: restarted, server: "catalogue").call(
            ProductRegister.self, .init(state: "UP", district: "Firozabad", name: "Glass chandeliers", sector: "handicraft"))
        try eventually("exports follows the restarted catalogue") { try applied() == 3 }
        #expect(restarted.logText().contains("who=exports"))
        try LogSecrets(keys).expectNone(in: [catalogue, restarted, exports])
    }
}
