import Foundation
import ODOPClient
import ODOPMessages

// Scenarios 7 and 8: the real `odop-catalogue` executable as a child process (idle memory,
// start to healthy), and its import of the real ODOP list over the wire.

extension BenchSession {
    // MARK: 7 idle memory and startup

    func runMemory() throws {
        let s = settings
        let title = Scenario.memory.title
        let executable = try catalogueExecutable()
        let runs = max(1, s.runs)
        report.say(
            "  \(executable) started \(runs)× as a child (fresh data directory, its default log level), timed from launch to the first health reply; VmRSS read after \(s.idle) s idle"
        )
        var startups: [Double] = []
        var rss: [Double] = []
        var peaks: [Double] = []
        var anonymous: [Double] = []
        var file: [Double] = []
        var proportional: [Double] = []
        for _ in 0..<runs {
            let run = try startCatalogueProcess(executable: executable, idle: s.idle)
            startups.append(run.startupMs)
            rss.append(run.rssMB)
            peaks.append(run.peakMB)
            anonymous.append(run.anonymousMB)
            file.append(run.fileMB)
            proportional.append(run.pssMB)
        }
        report.add(
            Figure(
                scenario: title, name: "odop-catalogue idle RSS (median of \(runs))", value: median(rss), unit: "MB",
                target: .below(20),
                details: [
                    "min": rss.min() ?? 0, "max": rss.max() ?? 0, "VmHWM": median(peaks), "RssAnon": median(anonymous),
                    "RssFile": median(file), "Pss": median(proportional),
                ],
                note:
                    "MB = 2^20 bytes (VmRSS from /proc/<pid>/status; Pss from smaps_rollup). RssFile is mostly the Swift runtime and Foundation libraries' pages, shared with other Swift processes; RssAnon is this service's own memory"
            ))
        report.add(
            Figure(
                scenario: title, name: "start to first health reply (median of \(runs))", value: median(startups), unit: "ms",
                target: .below(300), details: ["min": startups.min() ?? 0, "max": startups.max() ?? 0]))
    }

    private struct ProcessRun {
        var startupMs: Double
        var rssMB: Double
        var peakMB: Double
        var anonymousMB: Double
        var fileMB: Double
        var pssMB: Double
    }

    private func startCatalogueProcess(executable: String, idle: Double) throws -> ProcessRun {
        // Its own default log level and the inherited environment, as an operator starts it.
        let catalogue = try CatalogueProcess(executable: executable)
        defer { catalogue.stop() }
        usleep(useconds_t(idle * 1_000_000))
        guard catalogue.isRunning else { throw BenchFailure("odop-catalogue exited while idle; its log: \(catalogue.logTail)") }
        let pid = catalogue.processIdentifier
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let rollup = (try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8)) ?? ""
        return ProcessRun(
            startupMs: Double(catalogue.startupNanos) / 1e6,
            rssMB: try kilobytes("VmRSS", in: status) / 1024,
            peakMB: try kilobytes("VmHWM", in: status) / 1024,
            anonymousMB: ((try? kilobytes("RssAnon", in: status)) ?? 0) / 1024,
            fileMB: ((try? kilobytes("RssFile", in: status)) ?? 0) / 1024,
            pssMB: ((try? kilobytes("Pss", in: rollup)) ?? 0) / 1024)
    }

    private func kilobytes(_ field: String, in status: String) throws -> Double {
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            let number = line.dropFirst(field.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Double($0) }
            if let number { return number }
        }
        throw BenchFailure("no \(field) in /proc/<pid>/status")
    }

    // MARK: 8 catalogue import

    func runImport() throws {
        let s = settings
        let title = Scenario.import.title
        let (path, csv) = try readCSV()
        let catalogue = try startCatalogue()
        defer { catalogue.stop() }
        report.say(
            "  products.import of \(path) (\(csv.utf8.count) bytes) through CommandClient into a fresh odop-catalogue process (log level \(s.serviceLogLevel)\(s.giRegistry.map { ", GI registry \($0)" } ?? ", no GI registry")), then again"
        )
        let client = try CommandClient(endpoint: catalogue.commandsEndpoint, options: .init(timeout: .seconds(120), retries: 0))
        defer { client.close() }

        let t0 = nowNanos()
        let first = try client.call(ProductsImport.self, .init(csv: csv))
        let t1 = nowNanos()
        let published = try client.call(Health.self, NoArguments()).lastSeq
        report.add(
            Figure(
                scenario: title, name: "products.import, fresh catalogue", value: Double(t1 - t0) / 1e6, unit: "ms",
                target: .below(1000),
                details: [
                    "events emitted": Double(first.eventsEmitted), "products created": Double(first.productsCreated),
                    "districts created": Double(first.districtsCreated), "rows read": Double(first.rowsRead),
                    "lastSeq": Double(published),
                ],
                note: first.eventsEmitted == 2014 ? nil : "expected 2,014 events for the full list, got \(first.eventsEmitted)"))

        let t2 = nowNanos()
        let second = try client.call(ProductsImport.self, .init(csv: csv))
        let t3 = nowNanos()
        report.add(
            Figure(
                scenario: title, name: "products.import again (no-op)", value: Double(t3 - t2) / 1e6, unit: "ms",
                details: ["events emitted": Double(second.eventsEmitted), "products unchanged": Double(second.productsUnchanged)],
                note: second.eventsEmitted == 0 ? nil : "a re-import should emit nothing, it emitted \(second.eventsEmitted)"))
    }

    /// An `odop-catalogue` process with the real list imported, and its active product ids (for
    /// product.get).
    func importedCatalogue() throws -> (CatalogueProcess, [String]) {
        let (_, csv) = try readCSV()
        let catalogue = try startCatalogue()
        do {
            let client = try CommandClient(endpoint: catalogue.commandsEndpoint, options: .init(timeout: .seconds(120), retries: 0))
            defer { client.close() }
            _ = try client.call(ProductsImport.self, .init(csv: csv))
            var ids: [String] = []
            while true {
                let page = try client.call(ProductSearch.self, .init(limit: ProductSearch.maximumLimit, offset: ids.count))
                ids += page.items.map(\.id)
                if page.items.isEmpty || ids.count >= page.total { break }
            }
            guard !ids.isEmpty else { throw BenchFailure("the import left no products to read") }
            return (catalogue, ids)
        } catch {
            catalogue.stop()
            throw error
        }
    }

    /// The ODOP list: `--csv`, else `../shared/data/One District One Product.csv` relative to the
    /// package root (found above this executable or the working directory).
    private func readCSV() throws -> (String, String) {
        let name = "shared/data/One District One Product.csv"
        var candidates: [String] = []
        if let csv = settings.csv {
            candidates = [csv]
        } else {
            let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            for start in [cwd, own] {
                var directory = start
                while directory.path != "/" {
                    if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                        candidates.append(directory.deletingLastPathComponent().appendingPathComponent(name).path)
                        break
                    }
                    directory = directory.deletingLastPathComponent()
                }
            }
        }
        for path in candidates where FileManager.default.fileExists(atPath: path) {
            return (path, try String(contentsOfFile: path, encoding: .utf8))
        }
        throw BenchFailure("cannot find the ODOP list (tried \(candidates.joined(separator: ", "))): pass --csv PATH")
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
