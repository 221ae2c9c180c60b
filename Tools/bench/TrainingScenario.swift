import Foundation
import GRDB
import ODOPClient
import ODOPMessages
import ODOPReference
import ODOPTesting

/// Scenario 9: the training service's reports and lists over a state or national data set
/// (a crore of applications by default), which is generated in bulk, straight into the
/// database with its aggregates, not through ten million commands.
extension BenchSession {
    /// Bytes of disk one generated application takes, roughly (row, JSON, indexes, WAL).
    static let bytesPerApplication: Int64 = 1_200

    func runTraining() throws {
        let s = settings
        let title = Scenario.training.title
        let scratch = TemporaryDirectory(prefix: "odop-bench-training")
        let data = scratch.file("data").path
        let needed = Int64(s.applications) * Self.bytesPerApplication
        let free = try freeBytes(scratch.path)
        guard free > needed + 1_000_000_000 else {
            throw BenchFailure(
                "\(s.applications) applications need about \(needed / 1_000_000) MB and 1 GB to spare in \(scratch.path); \(free / 1_000_000) MB are free (use --applications)"
            )
        }
        let executable = try siblingExecutable("odop-training")
        let key = scratch.file("identity.key")
        try Data((0..<48).map { _ in UInt8.random(in: 0...255) }).write(to: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        let environment = [
            "ODOP_DATA_DIR": data, "ODOP_IDENTITY_KEY_FILE": key.path, "ODOP_LOG_LEVEL": s.serviceLogLevel.rawValue,
            // Nothing listens where the catalogue is said to be: the scenario needs none.
            "ODOP_CATALOGUE_COMMANDS": FreePort.endpoint(), "ODOP_CATALOGUE_EVENTS": FreePort.endpoint(),
        ]

        // The schema, made by odop-training itself on its first start.
        try TrainingProcess(executable: executable, environment: environment, log: scratch.file("first.log").path).stop()

        report.say("  generating \(s.applications) applications in bulk in \(data)")
        let t0 = nowNanos()
        try TrainingDataSet(applications: s.applications).write(into: (data as NSString).appendingPathComponent("training.sqlite")) {
            done in
            report.say("    \(done) applications")
        }
        let generated = seconds(nowNanos() - t0)
        report.add(
            Figure(
                scenario: title, name: "bulk generation (applications/s)", value: Double(s.applications) / generated, unit: "/s",
                details: ["applications": Double(s.applications), "seconds": generated]))

        let training = try TrainingProcess(executable: executable, environment: environment, log: scratch.file("training.log").path)
        defer { training.stop() }
        let client = try CommandClient(endpoint: training.commandsEndpoint, options: .init(timeout: .seconds(120), retries: 0))
        defer { client.close() }

        func time(_ name: String, _ call: () throws -> Void) throws {
            try call()  // warm
            var samples: [Double] = []
            for _ in 0..<7 {
                let start = nowNanos()
                try call()
                samples.append(Double(nowNanos() - start) / 1e6)
            }
            samples.sort()
            report.add(
                Figure(
                    scenario: title, name: name, value: samples[samples.count / 2], unit: "ms", target: .below(100),
                    details: ["min ms": samples.first!, "max ms": samples.last!, "applications": Double(s.applications)]))
        }
        try time("report.funnel by scheme") { _ = try client.call(FunnelReport.self, .init(groupBy: .scheme)) }
        try time("report.funnel by district") { _ = try client.call(FunnelReport.self, .init(groupBy: .district)) }
        try time("report.funnel by state, one scheme") {
            _ = try client.call(FunnelReport.self, .init(groupBy: .state, schemeId: "pm-vishwakarma"))
        }
        try time("report.ageing") { _ = try client.call(AgeingReport.self, .init(olderThanDays: 15)) }
        try time("report.coverage") { _ = try client.call(CoverageReport.self, .init()) }
        try time("application.list first page") {
            _ = try client.call(ApplicationList.self, .init(schemeId: "pm-vishwakarma", status: .submitted, limit: 50))
        }
        let late = try lateCursor((data as NSString).appendingPathComponent("training.sqlite"))
        try time("application.list a page near the end") {
            _ = try client.call(ApplicationList.self, .init(schemeId: "pm-vishwakarma", status: .submitted, after: late, limit: 50))
        }
        try time("application.list first page of a state") { _ = try client.call(ApplicationList.self, .init(state: "UP", limit: 50)) }

        // applications.import over the wire: with no catalogue every row is refused for its
        // district, so this is the rate of the row report.
        let csv =
            "name,gender,dateOfBirth,mobile,aadhaar,familyReference,state,district,trade\n"
            + (0..<1_000).map { i in
                "Artisan,female,1980-01-01,98765\(String(format: "%05d", i)),234567890124,F\(i),UP,Nowhere,potter"
            }.joined(separator: "\n")
        let t1 = nowNanos()
        let imported = try client.call(ApplicationsImport.self, .init(schemeId: "pm-vishwakarma", csv: csv))
        let importSeconds = seconds(nowNanos() - t1)
        report.add(
            Figure(
                scenario: title, name: "applications.import row report (rows/s)", value: Double(imported.rows) / importSeconds,
                unit: "/s", details: ["rows": Double(imported.rows), "refused": Double(imported.refused.count)]))
    }

    private func freeBytes(_ path: String) throws -> Int64 {
        let attributes = try FileManager.default.attributesOfFileSystem(forPath: path)
        return (attributes[.systemFreeSize] as? NSNumber)?.int64Value ?? 0
    }

    /// An executable built beside odop-bench.
    private func siblingExecutable(_ name: String) throws -> String {
        let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let sibling = own.deletingLastPathComponent().appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: sibling) else {
            throw BenchFailure("no \(name) beside odop-bench at \(sibling): build it (swift build -c release --product \(name))")
        }
        return sibling
    }

    /// An `after` cursor 60 items before the end of pm-vishwakarma's submitted applications.
    private func lateCursor(_ path: String) throws -> String {
        let queue = try DatabaseQueue(
            path: path,
            configuration: {
                var c = Configuration()
                c.readonly = true
                return c
            }())
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT id FROM applications WHERE scheme_id = 'pm-vishwakarma' AND status = 'submitted'
                    ORDER BY id DESC LIMIT 1 OFFSET 60
                    """) ?? ""
        }
    }
}

/// The real `odop-training` as a child of the bench on free loopback ports, over a data
/// directory the bench chose; `init` returns once it answers `health`.
final class TrainingProcess {
    let commandsEndpoint = FreePort.endpoint()
    private let child = Process()
    private let log: FileHandle

    init(executable: String, environment: [String: String], log path: String) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        log = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        child.executableURL = URL(fileURLWithPath: executable)
        var variables = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        variables["ODOP_COMMANDS_BIND"] = commandsEndpoint
        variables["ODOP_EVENTS_BIND"] = FreePort.endpoint()
        variables["ODOP_HTTP_BIND"] = "none"
        child.environment = variables
        child.standardOutput = log
        child.standardError = log
        child.standardInput = FileHandle.nullDevice
        try child.run()
        let probe = try CommandClient(endpoint: commandsEndpoint, options: .init(timeout: .milliseconds(250), retries: 0))
        defer { probe.close() }
        let deadline = nowNanos() + 60_000_000_000
        while (try? probe.call(Health.self, NoArguments())) == nil {
            guard child.isRunning, nowNanos() < deadline else {
                stop()
                let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                throw BenchFailure(
                    "odop-training did not answer health; its log: \(text.split(separator: "\n").suffix(5).joined(separator: " | "))")
            }
            usleep(20_000)
        }
    }

    /// SIGTERM, then SIGKILL after 10 s. Idempotent.
    func stop() {
        if child.isRunning {
            child.terminate()
            let deadline = nowNanos() + 10_000_000_000
            while child.isRunning && nowNanos() < deadline { usleep(5_000) }
            if child.isRunning {
                kill(child.processIdentifier, SIGKILL)
                child.waitUntilExit()
            }
        }
        try? log.close()
    }

    deinit { stop() }
}

/// A synthetic data set of applications with the aggregates the reports read: two schemes,
/// 720 districts in 36 states, statuses spread as a real programme's are (most waiting at a
/// stage), ids random-looking like the service's. No artisan rows: the reports and lists
/// measured read applications and aggregates only.
struct TrainingDataSet {
    let applications: Int
    static let batchSize = 100_000
    static let pmvStages = ["gram_panchayat_or_ulb", "district_implementation_committee", "state_committee"]

    func write(into path: String, progress: (Int) -> Void) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        struct Key: Hashable { var scheme: String, district: String, state: String }
        var funnel: [Key: [Int]] = [:]
        var waiting: [String: Int] = [:]  // scheme|stage|since
        let states = StateDirectory.all.map(\.code)
        var generator = SystemRandomNumberGenerator()
        var written = 0
        while written < applications {
            let count = min(Self.batchSize, applications - written)
            try queue.write { db in
                let statement = try db.makeStatement(
                    sql: """
                        INSERT INTO applications (id, json, artisan_id, scheme_id, status, family_hash, state_code, district_id, pending_stage, waiting_since)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for i in written..<(written + count) {
                    let pmv = i % 4 != 0
                    let scheme = pmv ? "pm-vishwakarma" : "up-odop-sdtd"
                    let districtNumber = Int(generator.next() % 720)
                    let state = pmv ? states[districtNumber % 36] : "UP"
                    let district = pmv ? String(format: "\(state)-d%04d", districtNumber) : String(format: "UP-d%04d", districtNumber % 75)
                    let roll = Int(generator.next() % 100)
                    let status = roll < 55 ? "submitted" : roll < 70 ? "verified" : roll < 90 ? "selected" : "rejected"
                    let stages = pmv ? Self.pmvStages : ["district_industries_office"]
                    let stage = status == "submitted" ? stages[Int(generator.next() % UInt64(stages.count))] : nil
                    let since = String(format: "2026-%02d-%02d", 1 + Int(generator.next() % 3), 1 + Int(generator.next() % 28))
                    let id = String(format: "app-%016llx", generator.next())
                    let json = """
                        {"applicationId":"\(id)","artisanId":"art-\(i)","decisions":[],"district":"\(district)","districtId":"\(district)",\
                        "pendingStage":\(stage.map { "\"\($0)\"" } ?? "null"),"schemeId":"\(scheme)","schemeVersion":1,"state":"\(state)",\
                        "stateCode":"\(state)","status":"\(status)","submittedAt":"\(since)T04:30:00.000Z","trade":"potter",\
                        "updatedAt":"\(since)T04:30:00.000Z","version":1}
                        """
                    try statement.execute(arguments: [
                        id, json, "art-\(i)", scheme, status, "f\(i / 3)", state, district, stage,
                        stage == nil ? nil : since,
                    ])
                    var counts = funnel[Key(scheme: scheme, district: district, state: state), default: Array(repeating: 0, count: 3)]
                    counts[0] += 1
                    if status == "verified" || status == "selected" { counts[1] += 1 }
                    if status == "selected" { counts[2] += 1 }
                    funnel[Key(scheme: scheme, district: district, state: state)] = counts
                    if let stage { waiting["\(scheme)|\(stage)|\(since)", default: 0] += 1 }
                }
            }
            written += count
            if written % 1_000_000 == 0 || written == applications { progress(written) }
        }
        try queue.write { db in
            for (key, counts) in funnel {
                try db.execute(
                    sql: """
                        INSERT INTO funnel_counts (scheme_id, district_id, product_key, state_code, state, district, product_label, sector,
                            applied, verified, selected) VALUES (?, ?, '-', ?, ?, ?, '(no ODOP product)', '-', ?, ?, ?)
                        """, arguments: [key.scheme, key.district, key.state, key.state, key.district, counts[0], counts[1], counts[2]])
            }
            for (key, count) in waiting {
                let parts = key.split(separator: "|").map(String.init)
                try db.execute(
                    sql: "INSERT INTO waiting_counts (scheme_id, stage, since, count) VALUES (?, ?, ?, ?)",
                    arguments: [parts[0], parts[1], parts[2], count])
            }
        }
    }
}
