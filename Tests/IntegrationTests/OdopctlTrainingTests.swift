import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

/// `odopctl training ...` run as a process against a real `odop-training` following a real
/// `odop-catalogue`: a UP artisan imported from a CSV, taken through the lifecycle with
/// odopctl alone, and the reports as tables and CSV.
@Suite("odopctl training", .serialized)
struct OdopctlTrainingTests {
    static var servicesAreBuilt: Bool {
        LiveServices.available.contains("catalogue") && LiveServices.available.contains("training")
    }

    final class Services: @unchecked Sendable {
        let catalogue: ServiceProcess
        let training: ServiceProcess
        let odopctl: OdopctlRunner
        let secrets = TemporaryDirectory(prefix: "odopctl-training-secrets")
        let glassId: String

        init() throws {
            var odopctl = OdopctlRunner()
            catalogue = try ServiceProcess("catalogue", environment: odopctl.endpoints).start()
            odopctl.use(catalogue)
            let client = try catalogue.client()
            _ = try client.call(DistrictRegister.self, .init(state: "Uttar Pradesh", name: "Firozabad"))
            glassId = try client.call(
                ProductRegister.self, .init(state: "UP", district: "Firozabad", name: "Glass Items", sector: "handicraft")
            ).id
            let key = secrets.file("identity.key")
            let clock = secrets.file("clock")
            try Data((0..<48).map { _ in UInt8.random(in: 0...255) }).write(to: key)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
            try Data("2026-03-02".utf8).write(to: clock)
            var environment = odopctl.endpoints
            environment["ODOP_CATALOGUE_COMMANDS"] = catalogue.commandsEndpoint
            environment["ODOP_CATALOGUE_EVENTS"] = catalogue.eventsEndpoint
            environment["ODOP_IDENTITY_KEY_FILE"] = key.path
            environment["ODOP_CLOCK_FILE"] = clock.path
            training = try ServiceProcess("training", environment: environment).start()
            odopctl.use(training)
            self.odopctl = odopctl
            let target = try client.call(Health.self, NoArguments()).lastSeq
            let trainingClient = try training.client()
            try eventually("odop-training caught up", timeout: .seconds(60), every: .milliseconds(50)) {
                (try trainingClient.call(Health.self, NoArguments()).subscriptions.first?.lastAppliedSeq ?? 0) >= target
            }
        }

        func setClock(_ day: String) throws { try Data(day.utf8).write(to: secrets.file("clock")) }

        func stop() {
            training.stop()
            catalogue.stop()
        }
    }

    static func value(_ label: String, in run: OdopctlRunner.Run) -> String? {
        OdopctlCatalogueTests.value(label, in: run)
    }

    @Test(.enabled(if: servicesAreBuilt))
    func aUPArtisanThroughTheLifecycleWithOdopctl() throws {
        let services = try Services()
        defer { services.stop() }
        let odopctl = services.odopctl

        let schemes = try odopctl.run("training", "schemes", "list")
        #expect(schemes.exitCode == 0 && schemes.stdout.contains("pm-vishwakarma") && schemes.stdout.contains("up-odop-sdtd"), "\(schemes)")

        let csv = try odopctl.writeFile(
            "fzd.csv",
            """
            name,gender,dateOfBirth,mobile,aadhaar,familyReference,state,district,trade,productId,bankAccount,ifsc
            Ramesh Kumar,male,1985-06-15,9876543210,234567890124,RC-1,UP,Firozabad,glass worker,\(services.glassId),400000104729,SBIN0001234
            Sita Devi,female,1986-01-01,9876543211,234567890125,RC-2,UP,Firozabad,glass worker,\(services.glassId),400000104730,SBIN0001234
            """)
        let imported = try odopctl.run("training", "applications", "import", "--scheme", "up-odop-sdtd", csv)
        #expect(imported.exitCode == 0 && imported.stderr.contains("2 row(s): 1 imported, 1 refused"), "\(imported)")
        #expect(
            imported.stdout.contains("3") && imported.stdout.contains("aadhaar") && !imported.stdout.contains("234567890125"), "\(imported)"
        )

        let list = try odopctl.run("training", "applications", "list", "--json")
        let applicationId = try #require(try list.json()["items"]?[0]?["applicationId"]?.stringValue, "\(list)")
        let artisanId = try #require(try list.json()["items"]?[0]?["artisanId"]?.stringValue)

        let masked = try odopctl.run("training", "artisans", "show", artisanId)
        #expect(Self.value("name", in: masked) == "R***** K****" && Self.value("aadhaar", in: masked) == "XXXX-XXXX-0124", "\(masked)")
        let noPurpose = try odopctl.run("training", "artisans", "show", artisanId, "--reveal")
        #expect(noPurpose.exitCode == 2, "\(noPurpose)")
        let revealed = try odopctl.run("training", "artisans", "show", artisanId, "--reveal", "--purpose", "grievance 17")
        #expect(Self.value("name", in: revealed) == "Ramesh Kumar" && Self.value("mobile", in: revealed) == "9876543210", "\(revealed)")

        let verify = try odopctl.run(
            "training", "applications", "verify", applicationId, "--stage", "district_industries_office", "--approve",
            "--decided-by", "DC Industries", "--reason", "handicraft card")
        #expect(verify.exitCode == 0 && Self.value("status", in: verify) == "verified", "\(verify)")
        let twice = try odopctl.run(
            "training", "applications", "verify", applicationId, "--stage", "district_industries_office", "--approve",
            "--decided-by", "DC Industries", "--reason", "again")
        #expect(twice.exitCode == 1 && twice.errorLine.contains("conflict") && twice.errorLine.contains("applicationId"), "\(twice)")
        _ = try odopctl.run("training", "applications", "select", applicationId, "--decided-by", "DC Industries", "--reason", "interview")

        let schedule = try odopctl.run(
            "training", "batches", "schedule", "--scheme", "up-odop-sdtd", "--kind", "basic", "--product", services.glassId,
            "--centre", "DIC Firozabad", "--trainer", "Master trainer", "--start", "2026-03-02", "--end", "2026-03-11",
            "--capacity", "20", "--json")
        let batchId = try #require(try schedule.json()["batchId"]?.stringValue, "\(schedule)")
        let enrol = try odopctl.run("training", "enrolments", "create", "--application", applicationId, "--batch", batchId, "--json")
        let enrolmentId = try #require(try enrol.json()["enrolmentId"]?.stringValue, "\(enrol)")
        #expect(try odopctl.run("training", "batches", "start", batchId).exitCode == 0)
        try services.setClock("2026-03-11")
        for day in 2...9 {
            let run = try odopctl.run(
                "training", "enrolments", "attendance", "--batch", batchId, "--date", String(format: "2026-03-%02d", day), enrolmentId)
            #expect(run.exitCode == 0, "\(run)")
        }
        let complete = try odopctl.run("training", "enrolments", "complete", enrolmentId)
        #expect(Self.value("attended days", in: complete) == "8", "\(complete)")
        let certificate = try odopctl.run("training", "certificates", "issue", enrolmentId, "--json")
        let number = try #require(try certificate.json()["certificateNumber"]?.stringValue, "\(certificate)")
        #expect(try odopctl.run("training", "certificates", "verify", number).exitCode == 0)
        #expect(try odopctl.run("training", "certificates", "verify", "CERT-X-2026-000000000000").exitCode == 1)
        let toolkit = try odopctl.run("training", "toolkits", "issue", applicationId, "--value", "19000", "--json")
        let toolkitId = try #require(try toolkit.json()["toolkitId"]?.stringValue, "\(toolkit)")
        let above = try odopctl.run("training", "toolkits", "issue", applicationId, "--value", "25000")
        #expect(above.exitCode == 1 && above.errorLine.contains("valueRupees"), "\(above)")
        #expect(Self.value("status", in: try odopctl.run("training", "toolkits", "deliver", toolkitId)) == "delivered")

        let stipends = try odopctl.run("training", "stipends", "list", "--status", "due", "--json")
        let stipendId = try #require(try stipends.json()["items"]?[0]?["stipendId"]?.stringValue, "\(stipends)")
        let pay = try odopctl.run("training", "stipends", "pay", stipendId, "--json")
        let paymentBatchId = try #require(try pay.json()["paymentBatchId"]?.stringValue, "\(pay)")
        let paid = try odopctl.run(
            "training", "stipends", "record", stipendId, "--batch", paymentBatchId, "--outcome", "paid", "--reference", "PFMS-1")
        #expect(Self.value("status", in: paid)?.hasPrefix("paid") == true, "\(paid)")

        let funnel = try odopctl.run("training", "report", "funnel", "--group-by", "district", "--csv")
        #expect(
            funnel.stdoutLines.first == "district,key,applied,verified,selected,enrolled,completed,certified,toolkits,stipend paid (rs)",
            "\(funnel)")
        #expect(funnel.stdoutLines.contains("Firozabad,UP-firozabad,1,1,1,1,1,1,1,1600"), "\(funnel)")
        let table = try odopctl.run("training", "report", "funnel")
        #expect(table.exitCode == 0 && table.stdout.contains("1,600"), "\(table)")
        let money = try odopctl.run("training", "report", "stipends", "--csv")
        #expect(money.stdoutLines.contains("paid,1,1600"), "\(money)")
        try services.setClock("2026-03-12")
        #expect(Self.value("status", in: try odopctl.run("training", "batches", "complete", batchId)) == "completed")
        let coverage = try odopctl.run("training", "report", "coverage", "--csv")
        #expect(coverage.stdoutLines == ["state,district,district id,active products,last completed"], "\(coverage)")
        let ageing = try odopctl.run("training", "report", "ageing", "--older-than-days", "0")
        #expect(ageing.exitCode == 0 && ageing.stdout.contains("gram_panchayat_or_ulb"), "\(ageing)")

        let erase = try odopctl.run("training", "artisans", "erase", artisanId, "--reason", "asked")
        #expect(erase.exitCode == 0, "\(erase)")
        #expect(Self.value("name", in: try odopctl.run("training", "artisans", "show", artisanId)) == nil)
    }

    /// The commands whose examples run over several lines (the others' are one short line).
    @Test func longExamplesFitIn80Columns() throws {
        let odopctl = OdopctlRunner()
        for command in [
            ["training"], ["training", "artisans", "register"], ["training", "batches", "schedule"],
            ["training", "applications", "verify"], ["training", "stipends", "record"], ["training", "enrolments", "attendance"],
        ] {
            let run = try odopctl.run(command + ["--help"])
            #expect(run.exitCode == 0 && OdopctlRunner.wrappedExampleLines(run.stdout).isEmpty, "examples fit in 80 columns: \(run)")
        }
    }
}
