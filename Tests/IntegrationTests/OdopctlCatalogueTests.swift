import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing

/// `odopctl catalogue ...` run as a process against a real `odop-catalogue` (the real ODOP list
/// where it matters), checking what it prints and its exit codes (see `OdopctlTests`).
@Suite("odopctl catalogue", .enabled(if: LiveServices.available.contains("catalogue")))
struct OdopctlCatalogueTests {
    /// A fresh catalogue and an odopctl pointed at it.
    static func start() throws -> (ServiceProcess, OdopctlRunner) {
        var odopctl = OdopctlRunner()
        let process = try ServiceProcess("catalogue", environment: odopctl.endpoints).start()
        odopctl.use(process)
        return (process, odopctl)
    }

    /// The line of a label–value listing that starts with `label`, its value trimmed.
    static func value(_ label: String, in run: OdopctlRunner.Run) -> String? {
        guard let line = run.stdoutLines.first(where: { $0.hasPrefix(label + "  ") }) else { return nil }
        return line.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
    }

    static let odopCSV = TestEnvironment.odopCSV.path

    /// `1,241`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    @Test func importTheRealListTwiceThenListShowAndCount() throws {
        let (process, odopctl) = try Self.start()
        defer { process.stop() }
        let client = try process.client(timeout: .seconds(30))

        let first = try odopctl.run("catalogue", "import", Self.odopCSV)
        #expect(first.exitCode == 0, "\(first)")
        #expect(Self.value("rows read", in: first) == "1,241", "\(first)")
        #expect(Self.value("products created", in: first) == "1,241", "\(first)")
        #expect(Self.value("products unchanged", in: first) == "0", "\(first)")
        #expect(Self.value("districts created", in: first) == "773", "\(first)")
        #expect(first.stdout.contains("\nDistricts merged (15):\nSTATE "), "\(first)")
        #expect(first.stdoutLines.contains { $0.hasPrefix("Karnataka ") && $0.contains("Belagavi (Belgaum), Belagavi") }, "\(first)")
        #expect(!first.stdout.contains("Rejected rows"), "\(first)")
        #expect(first.stderr.isEmpty, "no spinner without a terminal, no warning: \(first)")

        let again = try odopctl.run("catalogue", "import", Self.odopCSV)
        #expect(again.exitCode == 0, "\(again)")
        #expect(Self.value("rows read", in: again) == "1,241", "\(again)")
        #expect(Self.value("products created", in: again) == "0", "\(again)")
        #expect(Self.value("products unchanged", in: again) == "1,241", "\(again)")
        #expect(Self.value("events emitted", in: again) == "0", "\(again)")
        let againJSON = try odopctl.run("catalogue", "import", Self.odopCSV, "--json")
        #expect(againJSON.exitCode == 0 && againJSON.stdoutLines.count == 1, "\(againJSON)")
        let report = try againJSON.json().decode(ProductsImport.Result.self)
        #expect(report.rowsRead == 1241 && report.productsCreated == 0 && report.productsUnchanged == 1241, "\(againJSON)")

        // Every match, across pages, equal to what the catalogue counts.
        let direct = try client.call(ProductSearch.self, .init(state: "Uttar Pradesh", sector: "handicraft", limit: 1))
        #expect(direct.total > 1)
        let listed = try odopctl.run("catalogue", "products", "list", "--state", "Uttar Pradesh", "--sector", "handicraft", "--json")
        #expect(listed.exitCode == 0 && listed.stdoutLines.count == 1, "\(listed)")
        let products = try listed.json().decode([ProductRecord].self)
        #expect(products.count == direct.total, "\(listed)")
        #expect(Set(products.map(\.id)).count == products.count)
        #expect(products.allSatisfy { $0.state == "Uttar Pradesh" && $0.sector == "handicraft" && $0.status == .active })

        let all = try odopctl.run("catalogue", "products", "list", "--json")
        #expect(all.exitCode == 0, "\(all)")
        let allIDs = try all.jsonArray().compactMap { $0["id"]?.stringValue }
        #expect(allIDs.count == 1241, "more than one page of 1000: \(all.stderr)")
        #expect(Set(allIDs).count == 1241)

        let table = try odopctl.run("catalogue", "products", "list", "--state", "UP", "--sector", "handicraft")
        #expect(table.exitCode == 0, "\(table)")
        let header = try #require(table.stdoutLines.first, "\(table)")
        #expect(
            header.split(separator: " ", omittingEmptySubsequences: true)
                == ["ID", "STATE", "DISTRICT", "NAME", "SECTOR", "GI", "STATUS", "VERSION"], "\(table)")
        #expect(table.stdoutLines.count == direct.total + 1, "\(table)")
        #expect(table.stdoutLines.dropFirst().allSatisfy { $0.hasPrefix("p-") && $0.contains(" handicraft ") }, "\(table)")
        #expect(table.stderr == "\(direct.total) products\n", "\(table)")

        let limited = try odopctl.run(
            "catalogue", "products", "list", "--state", "Uttar Pradesh", "--sector", "handicraft", "--limit", "5", "--json")
        #expect(limited.exitCode == 0, "\(limited)")
        #expect(try limited.jsonArray().count == 5, "\(limited)")
        #expect(try limited.jsonArray().compactMap { $0["id"]?.stringValue } == products.prefix(5).map(\.id), "\(limited)")
        let limitedTable = try odopctl.run(
            "catalogue", "products", "list", "--state", "Uttar Pradesh", "--sector", "handicraft", "--limit", "5")
        #expect(limitedTable.stdoutLines.count == 6, "\(limitedTable)")
        #expect(limitedTable.stderr.contains("5 of \(direct.total) products (--limit 5)"), "\(limitedTable)")

        let none = try odopctl.run("catalogue", "products", "list", "--text", "no such words anywhere", "--json")
        #expect(none.exitCode == 0 && none.stdout == "[]\n", "\(none)")

        // One product, in full.
        let firozabad = try #require(
            try client.call(ProductSearch.self, .init(state: "UP", district: "Firozabad", text: "glass")).items.first)
        let show = try odopctl.run("catalogue", "products", "show", firozabad.id)
        #expect(show.exitCode == 0, "\(show)")
        #expect(Self.value("id", in: show) == firozabad.id, "\(show)")
        #expect(Self.value("district", in: show) == "Firozabad (UP-firozabad, LGD 143)", "\(show)")
        #expect(Self.value("sector", in: show) == "manufacturing", "\(show)")
        #expect(Self.value("version", in: show) == "1", "\(show)")
        let showJSON = try odopctl.run("catalogue", "products", "show", firozabad.id, "--json")
        #expect(try showJSON.json().decode(ProductRecord.self) == firozabad, "\(showJSON)")

        // Counts.
        let stats = try client.call(CatalogueStats.self, NoArguments())
        let statsRun = try odopctl.run("catalogue", "stats")
        #expect(statsRun.exitCode == 0, "\(statsRun)")
        #expect(Self.value("active products", in: statsRun) == "1,241", "\(statsRun)")
        #expect(Self.value("districts", in: statsRun) == "773", "\(statsRun)")
        #expect(Self.value("states", in: statsRun) == "36", "\(statsRun)")
        #expect(statsRun.stdoutLines.contains { $0.hasPrefix("STATE ") && $0.hasSuffix("PRODUCTS") }, "\(statsRun)")
        #expect(statsRun.stdoutLines.contains { $0.hasPrefix("SECTOR ") && $0.hasSuffix("PRODUCTS") }, "\(statsRun)")
        for count in stats.byState + stats.bySector {
            let row = statsRun.stdoutLines.first { $0.hasPrefix(count.key + "  ") }
            #expect(row?.hasSuffix(" " + Self.grouped(count.count)) == true, "\(count.key): \(statsRun)")
        }
        let statsJSON = try odopctl.run("catalogue", "stats", "--json")
        #expect(try statsJSON.json().decode(CatalogueStats.Result.self) == stats, "\(statsJSON)")

        let gi = try odopctl.run("catalogue", "gi", "discrepancies")
        let discrepancies = try client.call(GIDiscrepancies.self, NoArguments())
        #expect(gi.exitCode == 0, "\(gi)")
        #expect(gi.stdoutLines.count == discrepancies.items.count + 1, "\(gi)")
        #expect(gi.stderr.contains("\(discrepancies.registeredButNotFlagged) registered but not flagged"), "\(gi)")
    }

    @Test func registerUpdateAndRetireByHand() throws {
        let (process, odopctl) = try Self.start()
        defer { process.stop() }

        let district = try odopctl.run(
            "catalogue", "districts", "register", "--state", "Uttar Pradesh", "--name", "Firozabad", "--lgd-code", "143")
        #expect(district.exitCode == 0, "\(district)")
        #expect(Self.value("id", in: district) == "UP-firozabad", "\(district)")
        let again = try odopctl.run("catalogue", "districts", "register", "--state", "UP", "--name", "firozabad")
        #expect(again.exitCode == 1, "\(again)")
        #expect(again.errorLine.hasPrefix("error: conflict: ") && again.errorLine.hasSuffix("(field: name)"), "\(again)")

        let registered = try odopctl.run(
            "catalogue", "products", "register", "--state", "UP", "--district", "Firozabad", "--name", "Firozabad Glass",
            "--sector", "Manufacturing", "--category", "primary", "--gi", "--ministry", "MSME", "--json")
        #expect(registered.exitCode == 0, "\(registered)")
        let product = try registered.json().decode(ProductRecord.self)
        #expect(product.version == 1 && product.giStatus && product.sector == "manufacturing" && product.lgdCode == 143)

        let updated = try odopctl.run(
            "catalogue", "products", "update", product.id, "--expected-version", "1", "--name", "Firozabad Glassware", "--no-gi")
        #expect(updated.exitCode == 0, "\(updated)")
        #expect(Self.value("name", in: updated) == "Firozabad Glassware", "\(updated)")
        #expect(Self.value("version", in: updated) == "2", "\(updated)")
        #expect(Self.value("GI", in: updated)?.hasPrefix("no") == true, "\(updated)")

        let stale = try odopctl.run("catalogue", "products", "update", product.id, "--expected-version", "1", "--sector", "handicraft")
        #expect(stale.exitCode == 1, "\(stale)")
        #expect(stale.errorLine.hasPrefix("error: conflict: ") && stale.errorLine.hasSuffix("(field: expectedVersion)"), "\(stale)")
        #expect(stale.stdout.isEmpty, "\(stale)")

        let retired = try odopctl.run("catalogue", "products", "retire", product.id, "--reason", "withdrawn by the district")
        #expect(retired.exitCode == 0, "\(retired)")
        #expect(Self.value("status", in: retired) == "retired: withdrawn by the district", "\(retired)")
        let twice = try odopctl.run("catalogue", "products", "retire", product.id)
        #expect(twice.exitCode == 1 && twice.errorLine.hasPrefix("error: conflict: "), "\(twice)")

        let active = try odopctl.run("catalogue", "products", "list", "--json")
        #expect(try active.jsonArray().isEmpty, "\(active)")
        let gone = try odopctl.run("catalogue", "products", "list", "--status", "retired", "--json")
        #expect(try gone.jsonArray().compactMap { $0["id"]?.stringValue } == [product.id], "\(gone)")

        let districts = try odopctl.run("catalogue", "districts", "list", "--state", "Uttar Pradesh")
        #expect(districts.exitCode == 0, "\(districts)")
        #expect(districts.stdoutLines.count == 2 && districts.stdoutLines[1].hasPrefix("UP-firozabad "), "\(districts)")
        #expect(districts.stderr == "1 district\n", "\(districts)")

        let states = try odopctl.run("catalogue", "states", "list", "--json")
        #expect(try states.jsonArray().count == 36, "\(states)")
        let statesTable = try odopctl.run("catalogue", "states", "list")
        #expect(
            statesTable.stdoutLines.contains { $0.hasPrefix("UP  ") && $0.contains("Uttar Pradesh") && $0.hasSuffix("state") },
            "\(statesTable)")
    }

    @Test func refusalsExit1WithTheServicesCodeAndField() throws {
        let (process, odopctl) = try Self.start()
        defer { process.stop() }

        let unknown = try odopctl.run("catalogue", "products", "show", "p-00000000-0000-0000-0000-000000000000")
        #expect(unknown.exitCode == 1, "\(unknown)")
        #expect(unknown.stdout.isEmpty, "\(unknown)")
        #expect(unknown.errorLine.hasPrefix("error: not_found: ") && unknown.errorLine.hasSuffix("(field: id)"), "\(unknown)")

        let sector = try odopctl.run(
            "catalogue", "products", "register", "--state", "Uttar Pradesh", "--district", "Agra", "--name", "Petha",
            "--sector", "confectionery")
        #expect(sector.exitCode == 1, "\(sector)")
        #expect(sector.errorLine.hasPrefix("error: invalid_argument: unknown sector 'confectionery'"), "\(sector)")
        #expect(sector.errorLine.hasSuffix("(field: sector)"), "\(sector)")

        let state = try odopctl.run("catalogue", "products", "list", "--state", "Atlantis")
        #expect(state.exitCode == 1 && state.errorLine.hasSuffix("(field: state)"), "\(state)")

        let notTheList = try odopctl.run("catalogue", "import", try odopctl.writeFile("other.csv", "Name,Value\nx,1\n"))
        #expect(notTheList.exitCode == 1, "\(notTheList)")
        #expect(
            notTheList.errorLine.hasPrefix("error: invalid_argument: ") && notTheList.errorLine.hasSuffix("(field: csv)"), "\(notTheList)")
    }

    /// The excerpt of docs/PROTOCOL.md's products.import example: a merge and a rejected row.
    static let excerpt = """
        State,Product,District,LGD Code,Category,Sector,GI Status,Ministry/ Department
        Uttar Pradesh,Leather Products,Agra,118,Primary,Handicraft,Yes,DC Handicraft
        Uttar Pradesh,Firozabad Glass,Firozabad,143,Primary,Manufacturing,Yes,MSME
        Uttar Pradesh,Moradabad Metal Craft,Moradabad,171,Primary,Manufacturing,No,MSME
        Karnataka,Auto components,Belagavi (Belgaum),527,Primary,Manufacturing,No,MSME
        Karnataka,Foundry,Belagavi,527,Secondary,Manufacturing,No,MSME
        Uttar Pradesh,Lock & Hardware,Aligarh,119,Primary,Manufactring,Yes,MSME

        """

    @Test func importReportsMergesAndRejectedRowsWithTheirLines() throws {
        let (process, odopctl) = try Self.start()
        defer { process.stop() }
        let run = try odopctl.run("catalogue", "import", try odopctl.writeFile("excerpt.csv", Self.excerpt))
        #expect(run.exitCode == 0, "rejected rows do not fail the import: \(run)")
        #expect(Self.value("rows read", in: run) == "6", "\(run)")
        #expect(Self.value("products created", in: run) == "5", "\(run)")
        #expect(Self.value("rows rejected", in: run) == "1", "\(run)")
        #expect(run.stdout.contains("\nDistricts merged (1):\n"), "\(run)")
        #expect(run.stdout.contains("\nRejected rows (1):\nLINE  REASON\n   7  Sector: unknown sector \"Manufactring\"\n"), "\(run)")
        #expect(run.stderr.contains("warning: 1 row(s) of excerpt.csv were rejected"), "\(run)")

        // From stdin, as JSON: the same file again changes nothing.
        let piped = try odopctl.run(["catalogue", "import", "-", "--json"], stdin: Self.excerpt)
        #expect(piped.exitCode == 0, "\(piped)")
        let report = try piped.json().decode(ProductsImport.Result.self)
        #expect(report.productsUnchanged == 5 && report.eventsEmitted == 0 && report.rejected.map(\.line) == [7], "\(piped)")
    }

    @Test(arguments: [
        ["catalogue", "import", "/nonexistent/odop.csv"],
        ["catalogue", "import"],
        ["catalogue", "products", "list", "--limit", "0"],
        ["catalogue", "products", "list", "--status", "withdrawn"],
        ["catalogue", "products", "list", "--gi", "--no-gi"],
        ["catalogue", "products", "show"],
        ["catalogue", "products", "update", "p-1", "--expected-version", "1"],
        ["catalogue", "products", "update", "p-1", "--name", "x"],
        ["catalogue", "products", "update", "p-1", "--expected-version", "1", "--gi", "--no-gi"],
        ["catalogue", "products", "register", "--state", "UP", "--district", "Agra", "--name", "x"],
        ["catalogue", "districts", "list", "--limit", "0"],
        ["catalogue", "districts", "register", "--state", "UP", "--name", "x", "--lgd-code", "many"],
        ["catalogue", "gi", "agreements"],
    ])
    func usageErrorsExit2(arguments: [String]) throws {
        let run = try OdopctlRunner().run(arguments)
        #expect(run.exitCode == 2, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(!run.stderr.isEmpty, "\(run)")
    }

    @Test(arguments: [
        ["catalogue", "stats"],
        ["catalogue", "products", "list"],
        ["catalogue", "products", "show", "p-1"],
        ["catalogue", "states", "list"],
        ["catalogue", "import", TestEnvironment.odopCSV.path],
    ])
    func aCatalogueThatIsDownExits3NamingItsEndpoint(arguments: [String]) throws {
        let odopctl = OdopctlRunner()
        let run = try odopctl.run(arguments + ["--timeout", "0.3", "--retries", "0"])
        #expect(run.exitCode == 3, "\(run)")
        #expect(run.elapsed < .seconds(20), "an import to a catalogue that is down fails fast: \(run)")
        #expect(run.errorLine.hasPrefix("error: unavailable: no reply from \(odopctl.commandsEndpoint("catalogue"))"), "\(run)")
        #expect(run.stderr.contains("check that odop-catalogue is running"), "\(run)")
    }

    @Test(arguments: [
        ["catalogue"], ["catalogue", "states"], ["catalogue", "states", "list"], ["catalogue", "districts"],
        ["catalogue", "districts", "list"], ["catalogue", "districts", "register"], ["catalogue", "products"],
        ["catalogue", "products", "list"], ["catalogue", "products", "show"], ["catalogue", "products", "register"],
        ["catalogue", "products", "update"], ["catalogue", "products", "retire"], ["catalogue", "import"],
        ["catalogue", "stats"], ["catalogue", "gi"], ["catalogue", "gi", "discrepancies"],
    ])
    func everyCommandHasHelpWithExamples(command: [String]) throws {
        let run = try OdopctlRunner().run(command + ["--help"])
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdout.hasPrefix("OVERVIEW: "), "\(run)")
        #expect(run.stdout.contains("Examples:\n  odopctl \(command.joined(separator: " "))"), "\(run)")
        #expect(OdopctlRunner.wrappedExampleLines(run.stdout).isEmpty, "examples fit in 80 columns: \(run)")
    }
}
