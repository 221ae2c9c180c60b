import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

/// promtool from Debian's `prometheus` package (deploy/local/install-dependencies.sh installs it).
enum Promtool {
    static let path: String? = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs promtool with `arguments` (and `stdin`), returning its exit status and output.
    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let input = Pipe()
        process.standardInput = input
        try process.runSerialized()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    static let missing = "promtool is not installed (Debian package prometheus): run deploy/local/install-dependencies.sh"
}

/// Observability on the real executables: their ops endpoints, metrics checked by promtool,
/// and one change traced from the catalogue into exports, printed by `odopctl trace`.
@Suite("observability, on the real executables", .timeLimit(.minutes(3)))
struct ObservabilityProcessTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The catalogue with one product in Bihar, and exports following it (with its plan drafted).
    private func cluster() throws -> (catalogue: ServiceProcess, exports: ServiceProcess, product: ProductRecord) {
        let catalogue = try ServiceProcess("catalogue", http: true).start()
        let exports = try ServiceProcess(
            "exports",
            environment: [
                "ODOP_CATALOGUE_COMMANDS": catalogue.commandsEndpoint, "ODOP_CATALOGUE_EVENTS": catalogue.eventsEndpoint,
            ], http: true
        ).start()
        let client = try catalogue.client()
        _ = try client.call(DistrictRegister.self, .init(state: "Bihar", name: "Bhagalpur"))
        let product = try client.call(
            ProductRegister.self, .init(state: "Bihar", district: "Bhagalpur", name: "Bhagalpur Silk", sector: "textile"))
        try eventually("exports caught up") { try exports.client().call(Health.self, NoArguments()).subscriptions.first?.lag == 0 }
        return (catalogue, exports, product)
    }

    @Test(
        "/metrics of catalogue and exports pass promtool check metrics; N commands add N; /healthz and /readyz answer 200",
        .enabled(if: Promtool.path != nil, Comment(rawValue: Promtool.missing)))
    func metricsPassPromtool() throws {
        let (catalogue, exports, _) = try cluster()
        defer {
            exports.stop()
            catalogue.stop()
        }
        let catalogueURL = try #require(catalogue.opsURL)
        let counter = #"odop_commands_total{command="product.search",outcome="ok"}"#
        let before = sample(try OpsHTTPClient.get(catalogueURL + "/metrics").body, counter) ?? 0
        let client = try catalogue.client()
        for _ in 0..<12 { _ = try client.call(ProductSearch.self, .init(state: "Bihar")) }
        _ = try? client.call("no.such.command")
        for process in [catalogue, exports] {
            let url = try #require(process.opsURL)
            #expect(try OpsHTTPClient.get(url + "/healthz").status == 200)
            #expect(try OpsHTTPClient.get(url + "/readyz").status == 200)
            let metrics = try OpsHTTPClient.get(url + "/metrics")
            #expect(metrics.status == 200)
            let check = try Promtool.run(["check", "metrics"], stdin: metrics.body)
            #expect(check.status == 0, "promtool check metrics on \(process.service):\n\(check.output)\n\(metrics.body)")
        }
        let metrics = try OpsHTTPClient.get(catalogueURL + "/metrics").body
        #expect(sample(metrics, counter) == before + 12)
        #expect(sample(metrics, #"odop_catalogue_products{status="active"}"#) == 1)
        #expect(sample(metrics, #"odop_catalogue_products{status="retired"}"#) == 0)
        let exportsMetrics = try OpsHTTPClient.get(try #require(exports.opsURL) + "/metrics").body
        #expect(sample(exportsMetrics, #"odop_exports_plans{status="draft"}"#) == 1)
        #expect(sample(exportsMetrics, #"odop_subscription_lag_events{source="catalogue"}"#) == 0)
        #expect(sample(exportsMetrics, #"odop_subscription_last_applied_seq{source="catalogue"}"#) == 2)
    }

    @Test(
        "/metrics of training and notifications pass promtool check metrics too, with their domain gauges",
        .enabled(if: Promtool.path != nil, Comment(rawValue: Promtool.missing)))
    func followersMetricsPassPromtool() throws {
        let (catalogue, exports, _) = try cluster()
        let peers = [
            "ODOP_CATALOGUE_COMMANDS": catalogue.commandsEndpoint, "ODOP_CATALOGUE_EVENTS": catalogue.eventsEndpoint,
            "ODOP_EXPORTS_COMMANDS": exports.commandsEndpoint, "ODOP_EXPORTS_EVENTS": exports.eventsEndpoint,
        ]
        let training = try ServiceProcess(
            "training", environment: peers.merging(LiveServices.requiredEnvironment("training")) { _, new in new }, http: true
        ).start()
        let notifications = try ServiceProcess(
            "notifications",
            environment: peers.merging([
                "ODOP_TRAINING_COMMANDS": training.commandsEndpoint, "ODOP_TRAINING_EVENTS": training.eventsEndpoint,
            ]) { _, new in new },
            http: true
        ).start()
        defer {
            notifications.stop()
            training.stop()
            exports.stop()
            catalogue.stop()
        }
        for process in [training, notifications] {
            let url = try #require(process.opsURL)
            #expect(try OpsHTTPClient.get(url + "/healthz").status == 200)
            let metrics = try OpsHTTPClient.get(url + "/metrics")
            #expect(metrics.status == 200)
            let check = try Promtool.run(["check", "metrics"], stdin: metrics.body)
            #expect(check.status == 0, "promtool check metrics on \(process.service):\n\(check.output)\n\(metrics.body)")
        }
        let trainingMetrics = try OpsHTTPClient.get(try #require(training.opsURL) + "/metrics").body
        #expect(sample(trainingMetrics, #"odop_training_funnel{step="applied"}"#) == 0)
    }

    @Test(
        "a product.retire with a traceparent: the same trace id in the catalogue event and the exports plan event, and odopctl trace prints the chain"
    )
    func retireIsTracedIntoExports() throws {
        let (catalogue, exports, product) = try cluster()
        defer {
            exports.stop()
            catalogue.stop()
        }
        let traceId = "0af7651916cd43dd8448eb211c80319c"
        _ = try catalogue.client().call(
            ProductRetire.self, .init(id: product.id, reason: "merged"), id: "retire-traced-1",
            traceparent: "00-\(traceId)-b7ad6b7169203331-01")

        let retired = try catalogue.client().call(EventsTrace.self, .init(correlationId: "retire-traced-1")).events
        #expect(retired.map(\.type) == [ProductRetired.eventType])
        #expect(retired.first?.traceId == traceId)
        var planEvents: [EventEnvelope] = []
        try eventually("exports applied the retirement") {
            planEvents = try exports.client().call(EventsTrace.self, .init(traceId: traceId)).events
            return !planEvents.isEmpty
        }
        #expect(planEvents.map(\.type) == ["exports.plan.archived"])
        #expect(planEvents.first?.correlationId == retired.first?.id)
        #expect(planEvents.allSatisfy { $0.traceId == traceId })

        var odopctl = OdopctlRunner()
        odopctl.use(catalogue)
        odopctl.use(exports)
        let trace = try odopctl.run("trace", "retire-traced-1", "--timeout", "2", "--retries", "0")
        // training and notifications are not running: named on stderr, exit 3; the chain is shown.
        #expect(trace.exitCode == 3, "\(trace)")
        #expect(trace.stdoutLines.first == "request retire-traced-1 (trace \(traceId))", "\(trace)")
        let lines = trace.stdoutLines
        let catalogueLine = try #require(
            lines.firstIndex { $0.contains("catalogue #") && $0.contains("catalogue.product.retired") }, "\(trace)")
        let exportsLine = try #require(lines.firstIndex { $0.contains("exports #") && $0.contains("exports.plan.archived") }, "\(trace)")
        #expect(exportsLine == catalogueLine + 1 && lines[exportsLine].hasPrefix("   └─ "), "\(trace)")
        #expect(trace.stderr.contains("training"))

        let json = try odopctl.run("trace", traceId, "--json", "--timeout", "2", "--retries", "0")
        let events = try json.json()["events"]?.arrayValue ?? []
        #expect(events.compactMap { $0["type"]?.stringValue } == [ProductRetired.eventType, "exports.plan.archived"], "\(json)")

        let top = try odopctl.run("top", "--once", "--interval", "0.2", "--service", "catalogue", "--service", "exports")
        #expect(top.exitCode == 0, "\(top)")
        #expect(top.stdoutLines.contains { $0.hasPrefix("catalogue") && $0.contains("ok") }, "\(top)")
        #expect(top.stdoutLines.contains { $0.hasPrefix("exports") && $0.contains("running") }, "\(top)")
    }

    @Test(
        "the example alerting rules pass promtool check rules and their unit tests",
        .enabled(if: Promtool.path != nil, Comment(rawValue: Promtool.missing)))
    func alertingRules() throws {
        let directory = Self.repository.appendingPathComponent("deploy/prometheus")
        let check = try Promtool.run(["check", "rules", "odop-alerts.yml"], in: directory)
        #expect(check.status == 0, "\(check.output)")
        let test = try Promtool.run(["test", "rules", "odop-alerts.test.yml"], in: directory)
        #expect(test.status == 0, "\(test.output)")
    }

    @Test("docs/OPERATIONS.md describes every metric the runtime exports")
    func everyMetricDocumented() throws {
        let operations = try String(contentsOf: Self.repository.appendingPathComponent("docs/OPERATIONS.md"), encoding: .utf8)
        let (catalogue, exports, _) = try cluster()
        defer {
            exports.stop()
            catalogue.stop()
        }
        var names = Set<String>()
        for process in [catalogue, exports] {
            let metrics = try OpsHTTPClient.get(try #require(process.opsURL) + "/metrics").body
            names.formUnion(metrics.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }.map { String($0.split(separator: " ")[2]) })
        }
        #expect(names.count > 15)
        for name in names {
            #expect(operations.contains("`\(name)`"), "docs/OPERATIONS.md does not describe \(name)")
        }
    }
}
