import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

/// `odopctl exports ...` run as a process against a real `odop-exports` following a real
/// `odop-catalogue` that odopctl filled with the real ODOP list.
@Suite("odopctl exports")
struct OdopctlExportsTests {
    static var servicesAreBuilt: Bool {
        LiveServices.available.contains("catalogue") && LiveServices.available.contains("exports")
    }

    /// odop-catalogue and odop-exports following it, and an odopctl pointed at both.
    final class Services: @unchecked Sendable {
        let catalogue: ServiceProcess
        let exports: ServiceProcess
        let odopctl: OdopctlRunner

        init() throws {
            var odopctl = OdopctlRunner()
            catalogue = try ServiceProcess("catalogue", environment: odopctl.endpoints).start()
            odopctl.use(catalogue)
            var environment = odopctl.endpoints
            environment["ODOP_CATALOGUE_COMMANDS"] = catalogue.commandsEndpoint
            environment["ODOP_CATALOGUE_EVENTS"] = catalogue.eventsEndpoint
            exports = try ServiceProcess("exports", environment: environment).start()
            odopctl.use(exports)
            self.odopctl = odopctl
        }

        func stop() {
            exports.stop()
            catalogue.stop()
        }

        /// Waits until exports' health shows its catalogue subscription at the catalogue's last seq.
        func waitUntilExportsCaughtUp() throws {
            let target = try catalogue.client().call(Health.self, NoArguments()).lastSeq
            let client = try exports.client()
            try eventually("odop-exports applied the catalogue's events up to \(target)", timeout: .seconds(60), every: .milliseconds(100))
            {
                let status = try client.call(Health.self, NoArguments()).subscriptions.first { $0.source == "catalogue" }
                if status?.state == .stalled { throw CommandError.internalError("stalled: \(String(describing: status?.stalled))") }
                return (status?.lastAppliedSeq ?? 0) >= target && status?.lag == 0
            }
        }
    }

    /// The line of a label–value listing that starts with `label`, its value trimmed.
    static func value(_ label: String, in run: OdopctlRunner.Run) -> String? {
        OdopctlCatalogueTests.value(label, in: run)
    }

    @Test(.enabled(if: servicesAreBuilt))
    func plansFollowTheImportedListAndMoveThroughTheirStatuses() throws {
        let services = try Services()
        defer { services.stop() }
        let odopctl = services.odopctl

        let imported = try odopctl.run("catalogue", "import", TestEnvironment.odopCSV.path, "--json")
        #expect(imported.exitCode == 0, "\(imported)")
        #expect(try imported.json()["productsCreated"]?.intValue == 1241, "\(imported)")
        try services.waitUntilExportsCaughtUp()
        let status = try odopctl.run("status", "--service", "catalogue", "--service", "exports")
        #expect(status.exitCode == 0, "\(status)")
        #expect(
            status.stdoutLines.contains { $0.hasPrefix("exports ") && $0.contains(" catalogue ") && $0.hasSuffix(" 0  running") },
            "\(status)")

        // One plan per district with products, every one a draft with the district's products.
        let products = try odopctl.run("catalogue", "products", "list", "--json").json().decode([ProductRecord].self)
        let districts = Set(products.map(\.districtId))
        let listed = try odopctl.run("exports", "plans", "list", "--json")
        #expect(listed.exitCode == 0 && listed.stdoutLines.count == 1, "\(listed)")
        let plans = try listed.json().decode([ExportPlan].self)
        #expect(plans.count == districts.count, "\(listed.stderr)")
        #expect(Set(plans.map(\.districtId)) == districts)
        #expect(plans.allSatisfy { $0.status == .draft && !$0.products.isEmpty })
        #expect(plans.reduce(0) { $0 + $1.products.count } == products.count)

        let page = try odopctl.run("exports", "plans", "list", "--state", "Uttar Pradesh", "--status", "draft", "--limit", "2")
        let upPlans = plans.filter { $0.stateCode == "UP" }
        #expect(page.exitCode == 0, "\(page)")
        #expect(page.stdoutLines.count == 3 && page.stdoutLines[0].hasPrefix("PLAN "), "\(page)")
        #expect(page.stderr == "2 of \(upPlans.count) plans (--limit 2)\n", "\(page)")

        // The state as a new user types it: an alias or the ISO code finds the same plans as the
        // name, and an unknown state is the catalogue's refusal (exit 1), not "no plans match".
        let tamilNadu = plans.filter { $0.stateCode == "TN" }.map(\.planId)
        #expect(!tamilNadu.isEmpty)
        for spelling in ["Tamil Nadu", "Tamilnadu", "IN-TN", "tamil  nadu"] {
            let run = try odopctl.run("exports", "plans", "list", "--state", spelling, "--json")
            #expect(run.exitCode == 0, "\(run)")
            #expect(try run.json().decode([ExportPlan].self).map(\.planId) == tamilNadu, "\(run)")
        }
        let atlantis = try odopctl.run("exports", "plans", "list", "--state", "Atlantis")
        #expect(atlantis.exitCode == 1, "\(atlantis)")
        #expect(atlantis.errorLine.hasPrefix("error: invalid_argument: unknown state or union territory 'Atlantis'"), "\(atlantis)")

        // Adopting a draft is refused: conflict, naming the status.
        let agra = try #require(plans.first { $0.districtId == "UP-agra" })
        let early = try odopctl.run("exports", "plans", "adopt", agra.planId, "--date", "2024-09-12", "--reference", "DEPC/AGR/2024/03")
        #expect(early.exitCode == 1, "\(early)")
        #expect(early.stdout.isEmpty, "\(early)")
        #expect(early.errorLine.hasPrefix("error: conflict: plan \(agra.planId) is draft"), "\(early)")

        let prepared = try odopctl.run(
            "exports", "plans", "prepare", agra.planId, "--market", "us", "--market", "AE,DE",
            "--bottleneck", "market_access: Few direct buyers abroad",
            "--intervention", "Common facility centre; DIC Agra; 2025-03-31",
            "--intervention", "Buyer-seller meet; EPCH; 2025-06-30", "--expected-version", String(agra.version))
        #expect(prepared.exitCode == 0, "\(prepared)")
        #expect(Self.value("status", in: prepared) == "prepared", "\(prepared)")
        #expect(Self.value("target markets", in: prepared) == "US, AE, DE", "\(prepared)")
        #expect(prepared.stdout.contains("\nInterventions (2):\nID "), "\(prepared)")
        #expect(prepared.stdoutLines.contains { $0.hasPrefix("i2  Buyer-seller meet") && $0.hasSuffix("planned") }, "\(prepared)")

        let stale = try odopctl.run(
            "exports", "plans", "adopt", agra.planId, "--date", "2024-09-12", "--reference", "DEPC/AGR/2024/03",
            "--expected-version", String(agra.version))
        #expect(stale.exitCode == 1, "\(stale)")
        #expect(stale.errorLine.hasPrefix("error: conflict: ") && stale.errorLine.hasSuffix("(field: expectedVersion)"), "\(stale)")

        let adopted = try odopctl.run(
            "exports", "plans", "adopt", agra.planId, "--date", "2024-09-12", "--reference", "DEPC/AGR/2024/03", "--json")
        #expect(adopted.exitCode == 0, "\(adopted)")
        let plan = try adopted.json().decode(ExportPlan.self)
        #expect(plan.status == .adopted && plan.depcAdoption == DEPCAdoption(date: "2024-09-12", reference: "DEPC/AGR/2024/03"))

        let reviewed = try odopctl.run(
            "exports", "plans", "review", agra.planId, "--note", "Align with the state export policy", "--date", "2024-10-01")
        #expect(reviewed.exitCode == 0, "\(reviewed)")
        #expect(
            reviewed.stdout.contains("\nSEPC review notes (1):\nDATE        NOTE\n2024-10-01  Align with the state export policy\n"),
            "\(reviewed)")

        let started = try odopctl.run("exports", "interventions", "update", agra.planId, "i1", "--status", "in_progress")
        #expect(started.exitCode == 0, "\(started)")
        let back = try odopctl.run("exports", "interventions", "update", agra.planId, "i1", "--status", "planned")
        #expect(back.exitCode == 1 && back.errorLine.hasPrefix("error: conflict: "), "\(back)")
        let missing = try odopctl.run("exports", "interventions", "update", agra.planId, "i9", "--status", "done")
        #expect(
            missing.exitCode == 1 && missing.errorLine.hasPrefix("error: not_found: ")
                && missing.errorLine.hasSuffix("(field: interventionId)"), "\(missing)")
        let interventions = try odopctl.run("exports", "interventions", "list", agra.planId)
        #expect(interventions.exitCode == 0, "\(interventions)")
        #expect(interventions.stdoutLines.count == 3, "\(interventions)")
        #expect(
            interventions.stdoutLines.contains { $0.hasPrefix("i1  Common facility centre") && $0.hasSuffix("in_progress") },
            "\(interventions)")

        let shown = try odopctl.run("exports", "plans", "show", "--state", "UP", "--district", "agra")
        #expect(shown.exitCode == 0, "\(shown)")
        #expect(Self.value("plan", in: shown) == agra.planId, "\(shown)")
        #expect(Self.value("status", in: shown) == "adopted", "\(shown)")
        #expect(Self.value("DEPC adoption", in: shown) == "2024-09-12, DEPC/AGR/2024/03", "\(shown)")
        let unknown = try odopctl.run("exports", "plans", "show", "deap-XX-nowhere-1")
        #expect(unknown.exitCode == 1 && unknown.errorLine.hasPrefix("error: not_found: "), "\(unknown)")

        // Figures: a correction is a second revision.
        let product = try #require(agra.products.first)
        for value in ["1200", "1250.5"] {
            let recorded = try odopctl.run(
                "exports", "figures", "record", "--product", product.productId, "--year", "2023-24", "--value-crore", value,
                "--source", "DGCI&S")
            #expect(recorded.exitCode == 0, "\(recorded)")
        }
        let history = try odopctl.run("exports", "figures", "history", "--product", product.productId, "--year", "2023-24")
        #expect(history.exitCode == 0, "\(history)")
        #expect(Self.value("value", in: history) == "₹1,250.5 crore", "\(history)")
        #expect(Self.value("revision", in: history) == "2 (corrects ₹1,200 crore)", "\(history)")
        #expect(history.stdout.contains("\nRevisions (2):\n"), "\(history)")
        let figures = try odopctl.run("exports", "figures", "list", "--state", "UP", "--json")
        #expect(try figures.json().decode([ExportFigure].self).map(\.revision) == [2], "\(figures)")
        let unknownProduct = try odopctl.run(
            "exports", "figures", "record", "--product", "p-unknown", "--year", "2023-24", "--value-crore", "1", "--source", "x")
        #expect(unknownProduct.exitCode == 1 && unknownProduct.errorLine.hasSuffix("(field: productId)"), "\(unknownProduct)")

        // Reports.
        let report = try odopctl.run("exports", "report", "plans", "--json").json().decode(PlansReport.Result.self)
        #expect(report.national.adopted == 1 && report.national.byStatus.draft == plans.count - 1)
        let reportTable = try odopctl.run("exports", "report", "plans", "--state", "UP")
        #expect(reportTable.exitCode == 0, "\(reportTable)")
        #expect(reportTable.stdoutLines.last?.hasPrefix("India ") == true, "\(reportTable)")
        #expect(reportTable.stdoutLines.contains { $0.hasPrefix("Uttar Pradesh ") }, "\(reportTable)")
        let gaps = try odopctl.run("exports", "report", "gaps", "--json").json().decode(PlanGapsReport.Result.self)
        #expect(gaps.total == plans.count - 1 && !gaps.items.contains { $0.districtId == "UP-agra" })
        let values = try odopctl.run("exports", "report", "exports", "--group-by", "state")
        #expect(values.exitCode == 0, "\(values)")
        #expect(values.stdoutLines.contains { $0.hasPrefix("Uttar Pradesh  2023-24") && $0.contains("1,250.5") }, "\(values)")
        #expect(values.stdoutLines.contains { $0.hasPrefix("India ") }, "\(values)")
    }

    @Test(arguments: [
        ["exports", "plans", "show"],
        ["exports", "plans", "show", "deap-UP-agra-1", "--state", "UP", "--district", "Agra"],
        ["exports", "plans", "show", "--state", "UP"],
        ["exports", "plans", "list", "--status", "approved"],
        ["exports", "plans", "adopt", "deap-UP-agra-1", "--date", "2024-09-12"],
        ["exports", "plans", "prepare", "deap-UP-agra-1", "--bottleneck", "red tape: too many forms"],
        ["exports", "plans", "prepare", "deap-UP-agra-1", "--intervention", "only a title"],
        ["exports", "plans", "update", "deap-UP-agra-1"],
        ["exports", "plans", "review", "deap-UP-agra-1", "--note", "  "],
        ["exports", "interventions", "update", "deap-UP-agra-1", "i1"],
        ["exports", "interventions", "update", "deap-UP-agra-1", "i1", "--status", "finished"],
        ["exports", "figures", "record", "--product", "p-1", "--year", "2023-24", "--value-crore", "lots", "--source", "x"],
        ["exports", "report", "exports"],
        ["exports", "report", "exports", "--group-by", "district"],
    ])
    func usageErrorsExit2(arguments: [String]) throws {
        let run = try OdopctlRunner().run(arguments)
        #expect(run.exitCode == 2, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(!run.stderr.isEmpty, "\(run)")
    }

    @Test func contentFileProblemsAreUsageErrors() throws {
        let odopctl = OdopctlRunner()
        let typo = try odopctl.writeFile("typo.json", #"{"targetMarkets": ["US"], "intervention": []}"#)
        var run = try odopctl.run("exports", "plans", "prepare", "deap-UP-agra-1", "--content", typo)
        #expect(run.exitCode == 2 && run.errorLine.contains("unknown member 'intervention'"), "\(run)")
        run = try odopctl.run(
            ["exports", "plans", "prepare", "deap-UP-agra-1", "--content", "-"],
            stdin: #"{"bottlenecks": [{"category": "red_tape", "note": "x"}]}"#)
        #expect(run.exitCode == 2 && run.errorLine.hasSuffix("(field: bottlenecks.0.category)"), "\(run)")
    }

    @Test(arguments: [
        ["exports", "plans", "list"],
        ["exports", "plans", "adopt", "deap-UP-agra-1", "--date", "2024-09-12", "--reference", "R"],
        ["exports", "figures", "history", "--product", "p-1", "--year", "2023-24"],
        ["exports", "report", "plans"],
    ])
    func exportsThatIsDownExits3NamingItsEndpoint(arguments: [String]) throws {
        let odopctl = OdopctlRunner()
        let run = try odopctl.run(arguments + ["--timeout", "0.3", "--retries", "0"])
        #expect(run.exitCode == 3, "\(run)")
        #expect(run.errorLine.hasPrefix("error: unavailable: no reply from \(odopctl.commandsEndpoint("exports"))"), "\(run)")
        #expect(run.stderr.contains("check that odop-exports is running"), "\(run)")
    }

    @Test(arguments: [
        ["exports"], ["exports", "plans"], ["exports", "plans", "list"], ["exports", "plans", "show"],
        ["exports", "plans", "prepare"], ["exports", "plans", "update"], ["exports", "plans", "adopt"],
        ["exports", "plans", "review"], ["exports", "interventions"], ["exports", "interventions", "list"],
        ["exports", "interventions", "update"], ["exports", "figures"], ["exports", "figures", "record"],
        ["exports", "figures", "history"], ["exports", "figures", "list"], ["exports", "report"],
        ["exports", "report", "plans"], ["exports", "report", "gaps"], ["exports", "report", "exports"],
    ])
    func everyCommandHasHelpWithExamples(command: [String]) throws {
        let run = try OdopctlRunner().run(command + ["--help"])
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdout.hasPrefix("OVERVIEW: "), "\(run)")
        #expect(run.stdout.contains("Examples:\n  odopctl \(command.joined(separator: " "))"), "\(run)")
        #expect(OdopctlRunner.wrappedExampleLines(run.stdout).isEmpty, "examples fit in 80 columns: \(run)")
    }
}
