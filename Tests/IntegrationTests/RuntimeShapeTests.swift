import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

/// What the runtime promises every executable, checked on the real processes: databases made by
/// the first release upgrade in place, a worker that cannot work stops the process, and one
/// exit-status table that `--help` and the README agree with.
@Suite("runtime shape, on the real executables", .timeLimit(.minutes(3)))
struct RuntimeShapeTests {
    /// The data directories of release 0.1.0 (before the runtime's tables were renamed and
    /// exports' catalogue tables moved to the shared copy): 3 districts, 3 products (one retired)
    /// and their plans, the stored replies of the requests that made them, and one skipped event.
    static let releaseFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/release-0.1.0")

    static let thanjavurPlate = "p-0eb989ad-862b-4fbc-990f-6ee939a3372e"

    @Test(
        "databases made by release 0.1.0 open, upgrade in place and keep everything: events, replies, cursor, skips, plans, the catalogue copy"
    )
    func releaseDatabasesUpgradeInPlace() throws {
        let data = TemporaryDirectory(prefix: "odop-release")
        for name in ["catalogue", "exports"] {
            try FileManager.default.copyItem(
                at: Self.releaseFixtures.appendingPathComponent("\(name).sqlite"),
                to: URL(fileURLWithPath: data.path).appendingPathComponent("\(name).sqlite"))
        }
        // The stored replies are dated when the fixture was made, and replies are kept 24 hours:
        // date them now, as on a machine upgraded the day the release's replies were stored.
        let now = Date().timeIntervalSince1970
        for name in ["catalogue", "exports"] {
            let sql = "UPDATE command_replies SET created_at = \(now);"
            let result = try Self.output(
                at: URL(fileURLWithPath: "/usr/bin/env"), ["sqlite3", "\(data.path)/\(name).sqlite", sql])
            try #require(result.status == 0, "sqlite3 failed: \(result.text)")
        }
        let catalogue = try ServiceProcess("catalogue", dataDirectory: data.path).start()
        let exports = try ServiceProcess(
            "exports", dataDirectory: data.path,
            environment: [
                "ODOP_CATALOGUE_COMMANDS": catalogue.commandsEndpoint, "ODOP_CATALOGUE_EVENTS": catalogue.eventsEndpoint,
            ]
        ).start()
        defer {
            exports.stop()
            catalogue.stop()
        }
        let catalogueClient = try catalogue.client()
        let exportsClient = try exports.client()

        // The catalogue's event log and stored replies: a retried request is answered, not applied.
        #expect(try catalogueClient.call(EventsReplay.self, .init(after: 0, limit: 100)).events.map(\.seq) == Array(1...7))
        let retried = try catalogueClient.call(
            ProductRegister.self,
            .init(
                state: "Tamil Nadu", district: "Thanjavur", name: "Thanjavur Art Plate", sector: "handicraft"), id: "rel-1")
        #expect(retried.id == Self.thanjavurPlate)
        #expect(try catalogue.health().lastSeq == 7)

        // Exports' cursor, event log, plans and skipped event are all there.
        try eventually("exports follows from its stored cursor") {
            try exports.health().subscriptions.first?.state == .running
        }
        let status = try #require(try exports.health().subscriptions.first)
        #expect(status.lastAppliedSeq == 7)
        #expect(try exports.health().lastSeq == 4)
        let plans = try exportsClient.call(PlanList.self, .init(limit: 100))
        #expect(Set(plans.items.map(\.planId)) == ["deap-TN-thanjavur-1", "deap-OD-khordha-1", "deap-UP-firozabad-1"])
        #expect(plans.items.first { $0.planId == "deap-UP-firozabad-1" }?.status == .archived)
        let skipped = try exportsClient.call(SubscriptionsList.self, NoArguments()).skipped
        #expect(skipped.map(\.seq) == [99])
        // The products exports knew moved to the shared catalogue copy: figures find them.
        let figure = try exportsClient.call(
            FiguresRecord.self,
            .init(
                productId: Self.thanjavurPlate, financialYear: "2023-24", valueINRCrore: 12.5, source: "DGCIS"))
        #expect(figure.district == "Thanjavur")

        // And new catalogue events still reach the upgraded follower.
        let product = try catalogueClient.call(
            ProductRegister.self,
            .init(
                state: "Odisha", district: "Khordha", name: "Palm Leaf Etching", sector: "handicraft"))
        try eventually("exports applied seq 8") { try exports.health().subscriptions.first?.lastAppliedSeq == 8 }
        let khordha = try exportsClient.call(PlanGet.self, .init(planId: "deap-OD-khordha-1"))
        #expect(khordha.products.map(\.productId).contains(product.id))
    }

    @Test("a subscriber that cannot open its sockets stops odop-exports with exit status 70 and says why")
    func subscriberSocketFailureExits() throws {
        let unopenable = "ipc:///tmp/" + String(repeating: "o", count: 200)
        let exports = ServiceProcess("exports", environment: ["ODOP_CATALOGUE_COMMANDS": unopenable, "ODOP_CATALOGUE_EVENTS": unopenable])
        try exports.start(waitForHealth: .zero)
        #expect(exports.waitForExit(timeout: .seconds(20)))
        #expect(exports.exitStatus == 70)
        #expect(exports.logText().contains("a worker failed; stopping the service"))
        #expect(exports.logText().contains("subscription to catalogue"))
    }

    @Test("every service's --help shows the one exit-status table, the README shows the same, and --version the version")
    func exitStatusTable() throws {
        let readme = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = [
            "0": "stopped cleanly (SIGTERM/SIGINT)", "64": "bad command-line usage", "69": "an endpoint cannot be bound",
            "70": "internal error, or a worker", "73": "the data directory cannot be created",
            "74": "the database cannot be opened", "77": "a key file is insecure or malformed",
            "78": "a configuration value is invalid",
        ]
        for service in ["catalogue", "exports"] {
            let help = try Self.output(of: "odop-\(service)", ["--help"])
            #expect(help.status == 0)
            for (code, meaning) in table {
                #expect(
                    help.text.contains("\(code.padding(toLength: 3, withPad: " ", startingAt: 0)) \(meaning)"),
                    "odop-\(service) --help lacks exit status \(code)")
                #expect(readme.contains("| \(code) | \(meaning)"), "README lacks exit status \(code)")
            }
            let version = try Self.output(of: "odop-\(service)", ["--version"])
            #expect(version.status == 0)
            #expect(version.text.trimmingCharacters(in: .whitespacesAndNewlines) == "0.2.0")
            #expect(try Self.output(of: "odop-\(service)", ["--no-such-flag"]).status == 64)
        }
    }

    /// Runs one of the package's executables, returning its exit status and output.
    static func output(of executable: String, _ arguments: [String]) throws -> (status: Int32, text: String) {
        try output(at: TestEnvironment.executable(executable), arguments)
    }

    /// Runs the program at `url`, returning its exit status and output.
    static func output(at url: URL, _ arguments: [String]) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.runSerialized()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
