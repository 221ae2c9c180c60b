import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

/// Issue 12 for odop-training and for a follower refused by its source, against the real
/// executables with CURVE: unmasked reads need `admin` and are audited; a district officer's key
/// acts only in its district; a subscriber whose key the source does not admit says why.
@Suite("security: training and followers", .serialized, .timeLimit(.minutes(3)))
struct TrainingSecurityTests {
    static let names = ["catalogue", "training", "exports", "admin1", "reader1", "officer-firozabad", "stranger"]

    /// A CURVE catalogue with Firozabad and Agra and a product in each, and a CURVE odop-training
    /// following it with its `service` key, caught up; both admit the same allowlist.
    final class Cluster: @unchecked Sendable {
        let keys: SecureDeployment
        let catalogue: ServiceProcess
        let training: ServiceProcess
        let products: [String: String]

        init() throws {
            keys = try SecureDeployment(keys: TrainingSecurityTests.names)
            try keys.writeAllowlist([
                ("admin1", "admin", nil), ("reader1", "reader", nil), ("officer-firozabad", "admin", "district:UP-firozabad"),
                ("training", "service", nil),
            ])
            let catalogue = ServiceProcess("catalogue", environment: keys.serverEnvironment("catalogue"))
            catalogue.curve = keys.clientKeys("admin1", server: "catalogue")
            self.catalogue = try catalogue.start()
            let admin = try keys.client("admin1", of: catalogue, server: "catalogue")
            var products: [String: String] = [:]
            for (district, name, sector) in [("Firozabad", "Glass Items", "handicraft"), ("Agra", "Leather Products", "manufacturing")] {
                _ = try admin.call(DistrictRegister.self, .init(state: "UP", name: district))
                products[district] = try admin.call(
                    ProductRegister.self, .init(state: "UP", district: district, name: name, sector: sector)
                ).id
            }
            self.products = products
            let training = ServiceProcess(
                "training",
                environment: keys.followerEnvironment("training", following: catalogue)
                    .merging(LiveServices.requiredEnvironment("training")) { $1 })
            training.curve = keys.clientKeys("admin1", server: "training")
            do {
                self.training = try training.start()
            } catch {
                catalogue.stop()
                throw error
            }
            let target = try admin.call(Health.self, NoArguments()).lastSeq
            let reader = try keys.client("admin1", of: training, server: "training")
            try eventually(
                "odop-training caught up with the catalogue over CURVE (log: \(training.logTail(lines: 8)))", timeout: .seconds(60)
            ) {
                (try reader.call(Health.self, NoArguments()).subscriptions.first?.lastAppliedSeq ?? 0) >= target
            }
        }

        func client(_ name: String) throws -> CommandClient { try keys.client(name, of: training, server: "training") }

        func stop() {
            training.stop()
            catalogue.stop()
        }

        /// Stops both and records an issue for every line of their logs that holds a secret.
        func expectNoSecretLogged(sourceLocation: SourceLocation = #_sourceLocation) throws {
            try LogSecrets(keys).expectNone(in: [training, catalogue], sourceLocation: sourceLocation)
        }

        /// A new artisan of the district's product (valid Aadhaar numbers by seed).
        func register(_ district: String, seed: Int, by client: CommandClient) throws -> ArtisanView {
            let aadhaar = ["234567890124", "345678901238", "456789012341"][seed]
            return try client.call(
                ArtisanRegister.self,
                .init(
                    name: "Ramesh Kumar \(district)", gender: "male", dateOfBirth: "1985-06-15", mobile: "98765432\(10 + seed)",
                    aadhaar: aadhaar, familyReference: "RC-UP-\(100 + seed)", state: "UP", district: district,
                    trade: district == "Firozabad" ? "glass worker" : "leather worker", productId: products[district],
                    consentPurpose: "training under ODOP schemes"))
        }
    }

    /// Records an issue unless `call` is refused `forbidden` with a message naming `naming`.
    static func expectForbidden(
        _ what: String, naming: String, _ call: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            try call()
            Issue.record("not refused: \(what)", sourceLocation: sourceLocation)
        } catch let error as CommandError {
            #expect(error.code == .forbidden && error.message.contains(naming), "\(what): \(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(what): \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test(
        "an unmasked artisan.get needs admin: the reader is forbidden, the admin reads it, and audit.list answers who read which artisan's personal data, holding none of it"
    )
    func unmaskedReadIsAdminOnlyAndAudited() throws {
        let cluster = try Cluster()
        defer { cluster.stop() }
        let admin = try cluster.client("admin1")
        let reader = try cluster.client("reader1")
        let artisan = try cluster.register("Firozabad", seed: 0, by: admin)
        func expectForbidden(_ what: String, naming: String, _ call: () throws -> Void) {
            TrainingSecurityTests.expectForbidden(what, naming: naming, call)
        }

        #expect(try reader.call(ArtisanGet.self, .init(artisanId: artisan.artisanId)).masked, "a reader reads masked data")
        expectForbidden("a reader reads personal data unmasked", naming: "admin") {
            _ = try reader.call(ArtisanGet.self, .init(artisanId: artisan.artisanId, reveal: true, purpose: "curious"))
        }
        expectForbidden("a reader exports an artisan's data", naming: "admin") {
            _ = try reader.call(ArtisanExport.self, .init(artisanId: artisan.artisanId))
        }
        let revealed = try admin.call(ArtisanGet.self, .init(artisanId: artisan.artisanId, reveal: true, purpose: "stipend grievance 17"))
        #expect(!revealed.masked && revealed.name == "Ramesh Kumar Firozabad" && revealed.mobile == "9876543210")

        let reads = try admin.call(AuditList.self, .init(action: "artisan.unmasked-read"))
        #expect(reads.items.count == 1, "only the admin's read is recorded, not the refused ones: \(reads)")
        let entry = try #require(reads.items.first)
        #expect(entry.who == "admin1" && entry.role == "admin" && entry.subject == artisan.artisanId && entry.command == "artisan.get")
        #expect(entry.details?["purpose"]?.stringValue == "stipend grievance 17")
        let byWho = try admin.call(AuditList.self, .init(who: "admin1", action: "artisan.unmasked-read", subject: artisan.artisanId))
        #expect(byWho.items.map(\.seq) == [entry.seq])

        let trail = String(decoding: try WireFormat.encode(try admin.call(AuditList.self, .init(limit: 1000))), as: UTF8.self)
        for personal in ["Ramesh", "9876543210", "567890124", "RC-UP-100", "1985-06-15"] {
            #expect(!trail.contains(personal), "personal data in the audit trail: \(personal)")
        }
        try cluster.expectNoSecretLogged()
    }

    @Test("a district officer's key acts on training only in its district: forbidden in Agra, allowed in Firozabad")
    func districtScopedKey() throws {
        let cluster = try Cluster()
        defer { cluster.stop() }
        let admin = try cluster.client("admin1")
        let officer = try cluster.client("officer-firozabad")
        let agra = try cluster.register("Agra", seed: 1, by: admin)

        func expectForbidden(_ what: String, _ call: () throws -> Void) {
            TrainingSecurityTests.expectForbidden("the Firozabad officer could \(what)", naming: "UP-agra", call)
        }
        expectForbidden("register an artisan in Agra") { _ = try cluster.register("Agra", seed: 2, by: officer) }
        expectForbidden("apply for an Agra artisan") {
            _ = try officer.call(ApplicationSubmit.self, .init(artisanId: agra.artisanId, schemeId: "up-odop-sdtd"))
        }
        expectForbidden("read an Agra artisan") { _ = try officer.call(ArtisanGet.self, .init(artisanId: agra.artisanId)) }
        expectForbidden("schedule a batch for Agra's product") {
            _ = try officer.call(
                BatchSchedule.self,
                .init(
                    schemeId: "up-odop-sdtd", kind: .basic, productId: cluster.products["Agra"], centre: "DIC Agra", trainer: "T",
                    startDate: "2026-04-06", endDate: "2026-04-15", capacity: 20))
        }
        expectForbidden("list Agra's applications") { _ = try officer.call(ApplicationList.self, .init(state: "UP", district: "Agra")) }
        #expect(try admin.call(ApplicationList.self, .init(state: "UP", district: "Agra")).items.isEmpty, "nothing changed in Agra")

        // In its own district the officer works.
        let own = try cluster.register("Firozabad", seed: 2, by: officer)
        let application = try officer.call(ApplicationSubmit.self, .init(artisanId: own.artisanId, schemeId: "up-odop-sdtd"))
        #expect(application.districtId == "UP-firozabad")
        let batch = try officer.call(
            BatchSchedule.self,
            .init(
                schemeId: "up-odop-sdtd", kind: .basic, productId: cluster.products["Firozabad"], centre: "DIC Firozabad", trainer: "T",
                startDate: "2026-04-06", endDate: "2026-04-15", capacity: 20))
        #expect(try officer.call(BatchGet.self, .init(batchId: batch.batchId)).districtId == "UP-firozabad")
        #expect(try officer.call(ApplicationList.self, .init(state: "UP", district: "Firozabad")).items.count == 1)
        let entries = try admin.call(AuditList.self, .init(who: "officer-firozabad", command: "application.submit"))
        #expect(entries.items.count == 1 && entries.items[0].district == "UP-firozabad", "\(entries)")
        try cluster.expectNoSecretLogged()
    }

    @Test(
        "a district officer's key acts on notifications only for subscriptions filtered to its district; the webhook secret's audit entries name it and hold no secret, nor does the log"
    )
    func notificationsDistrictScope() throws {
        let keys = try SecureDeployment(keys: ["notifications", "admin1", "officer-firozabad"])
        try keys.writeAllowlist([("admin1", "admin", nil), ("officer-firozabad", "admin", "district:UP-firozabad")])
        // Its sources are not running: it serves commands with its subscriptions disconnected.
        let notifications = ServiceProcess(
            "notifications",
            environment: keys.serverEnvironment("notifications").merging(OdopctlRunner().endpoints) { $1 }
                .merging(["ODOP_WEBHOOK_ALLOW_PRIVATE": "loopback"]) { $1 })
        notifications.curve = keys.clientKeys("admin1", server: "notifications")
        try notifications.start()
        defer { notifications.stop() }
        let admin = try keys.client("admin1", of: notifications, server: "notifications")
        let officer = try keys.client("officer-firozabad", of: notifications, server: "notifications")
        func create(_ client: CommandClient, states: [String]?, districts: [String]?) throws -> SubscriptionWithSecret {
            try client.call(
                SubscriptionCreate.self,
                .init(
                    recipient: Recipient(name: "DEPC Firozabad", role: "DEPC member"), channel: "webhook",
                    target: "http://127.0.0.1:9/hook", filter: SubscriptionFilter(types: ["exports."], states: states, districts: districts)
                ))
        }
        let agra = try create(admin, states: ["Uttar Pradesh"], districts: ["Agra"])
        Self.expectForbidden("a Firozabad officer subscribes to Agra", naming: "UP-agra") {
            _ = try create(officer, states: ["UP"], districts: ["Agra"])
        }
        Self.expectForbidden("a Firozabad officer subscribes to every place", naming: "name a state or district") {
            _ = try create(officer, states: nil, districts: nil)
        }
        Self.expectForbidden("a Firozabad officer rotates Agra's secret", naming: "UP-agra") {
            _ = try officer.call(SubscriptionSecretRotate.self, .init(id: agra.subscription.id))
        }
        #expect(try admin.call(SubscriptionList.self, .init()).total == 1, "nothing was made by the refused calls")

        let own = try create(officer, states: ["UP"], districts: ["Firozabad"])
        let rotated = try officer.call(SubscriptionSecretRotate.self, .init(id: own.subscription.id))
        let secrets = [own.secret, rotated.secret, agra.secret].compactMap { $0 }
        #expect(secrets.count == 3)
        let entries = try admin.call(AuditList.self, .init(subject: own.subscription.id))
        #expect(entries.items.map(\.action) == ["webhook.secret-set", "webhook.secret-rotated"], "\(entries)")
        #expect(entries.items.allSatisfy { $0.who == "officer-firozabad" && $0.role == "admin" }, "\(entries)")
        let trail = String(decoding: try WireFormat.encode(try admin.call(AuditList.self, .init(limit: 1000))), as: UTF8.self)
        #expect(trail.contains("(redacted)"), "the create's reply is in the trail with its secret redacted")
        for secret in secrets { #expect(!trail.contains(secret), "a webhook secret is in the audit trail") }
        try LogSecrets(keys, webhookSecrets: secrets).expectNone(in: [notifications])
    }

    @Test(
        "exports following a CURVE catalogue with a key the catalogue does not admit is disconnected with the reason, and odopctl status shows it"
    )
    func refusedFollowerSaysWhy() throws {
        let keys = try SecureDeployment(keys: Self.names)
        try keys.writeAllowlist([("admin1", "admin", nil)])  // no exports key
        let catalogue = ServiceProcess("catalogue", environment: keys.serverEnvironment("catalogue"))
        catalogue.curve = keys.clientKeys("admin1", server: "catalogue")
        try catalogue.start()
        defer { catalogue.stop() }
        let exports = ServiceProcess("exports", environment: keys.followerEnvironment("exports", following: catalogue))
        exports.curve = keys.clientKeys("admin1", server: "exports")
        try exports.start()
        defer { exports.stop() }
        let admin = try keys.client("admin1", of: exports, server: "exports")
        var status: SubscriptionStatus?
        try eventually("exports reports its catalogue subscription disconnected with a reason", timeout: .seconds(30)) {
            status = try admin.call(SubscriptionsList.self, NoArguments()).subscriptions.first { $0.source == "catalogue" }
            return status?.state == .disconnected && status?.lastError != nil
        }
        let reason = try #require(status?.lastError)
        #expect(reason.contains("authentication failed") && reason.contains("ZAP"), "\(reason)")
        #expect(reason.contains(catalogue.eventsEndpoint), "\(reason)")
        #expect(try admin.call(Health.self, NoArguments()).status == HealthReport.statusDegraded)

        // odopctl status, with the admin key for exports, shows the reason.
        var odopctl = OdopctlRunner()
        odopctl.use(exports)
        let config = keys.directory.file("odopctl.conf")
        try Data(
            """
            ODOP_CURVE_PUBLIC_KEY_FILE=\(keys.publicPath("admin1"))
            ODOP_CURVE_SECRET_KEY_FILE=\(keys.secretPath("admin1"))
            ODOP_EXPORTS_PUBLIC_KEY_FILE=\(keys.publicPath("exports"))

            """.utf8
        ).write(to: config)
        odopctl.environment["ODOP_CONFIG"] = config.path
        let shown = try odopctl.run("status", "--service", "exports")
        #expect(shown.exitCode == 5, "\(shown)")
        #expect(shown.stdout.contains("disconnected: authentication failed"), "\(shown)")
        #expect(shown.stderr.contains("its subscription to catalogue is disconnected: authentication failed"), "\(shown)")
        try LogSecrets(keys).expectNone(in: [exports, catalogue])
    }
}
