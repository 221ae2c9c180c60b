import Foundation
import GRDB
import ODOPClient
import ODOPMessages
import ODOPReference
import ODOPRuntime
import ODOPTesting
import Training

/// Scenario 9: the training service's reports and lists over a state or national data set
/// (a crore of applications by default), which is generated in bulk, straight into the
/// database with its aggregates, not through ten million commands.
extension BenchSession {
    /// Bytes of disk one generated application takes, roughly (row, JSON, indexes, WAL).
    static let bytesPerApplication: Int64 = 1_200

    func runTraining() throws {
        let s = settings
        let title = Scenario.training.title
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("odop-bench-training-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let needed = Int64(s.applications) * Self.bytesPerApplication
        let free = try freeBytes(directory.path)
        guard free > needed + 1_000_000_000 else {
            throw BenchFailure(
                "\(s.applications) applications need about \(needed / 1_000_000) MB and 1 GB to spare in \(directory.path); \(free / 1_000_000) MB are free (use --applications)"
            )
        }
        // Nothing listens where the catalogue is said to be: the scenario needs no catalogue.
        let nowhere = ["catalogue": PeerEndpoints(commands: FreePort.endpoint(), events: FreePort.endpoint())]
        let context = TrainingContext(identityKey: IdentityKey(bytes: (0..<32).map { _ in UInt8.random(in: 0...255) }), clock: .system)

        // The schema, made by the service itself.
        do {
            let schema = try HostedService(
                TrainingService(context: context), logLevel: s.serviceLogLevel, peers: nowhere, dataDirectory: directory.path)
            schema.stop()
        }

        report.say("  generating \(s.applications) applications in bulk in \(directory.path)")
        let t0 = nowNanos()
        try TrainingDataSet(applications: s.applications).write(into: directory.appendingPathComponent("training.sqlite").path) { done in
            report.say("    \(done) applications")
        }
        let generated = seconds(nowNanos() - t0)
        report.add(
            Figure(
                scenario: title, name: "bulk generation (applications/s)", value: Double(s.applications) / generated, unit: "/s",
                details: ["applications": Double(s.applications), "seconds": generated]))

        let training = try HostedService(
            TrainingService(context: context), logLevel: s.serviceLogLevel, peers: nowhere, dataDirectory: directory.path)
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
        let late = try lateCursor(directory.appendingPathComponent("training.sqlite").path)
        try time("application.list a page near the end") {
            _ = try client.call(ApplicationList.self, .init(schemeId: "pm-vishwakarma", status: .submitted, after: late, limit: 50))
        }
        try time("application.list first page of a state") { _ = try client.call(ApplicationList.self, .init(state: "UP", limit: 50)) }

        // applications.import over the wire: 1,000 rows against the catalogue-free copy are all
        // refused for their district, so measure the row report's rate.
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
                scenario: title, name: "applications.import row report (rows/s)", value: Double(imported.rows) / importSeconds, unit: "/s",
                details: ["rows": Double(imported.rows), "refused": Double(imported.refused.count)]))
    }

    private func freeBytes(_ path: String) throws -> Int64 {
        let attributes = try FileManager.default.attributesOfFileSystem(forPath: path)
        return (attributes[.systemFreeSize] as? NSNumber)?.int64Value ?? 0
    }

    /// An `after` cursor 50 items before the end of pm-vishwakarma's submitted applications.
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
