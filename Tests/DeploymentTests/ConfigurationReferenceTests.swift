import Foundation
import Testing

/// docs/CONFIGURATION.md is what the executables say of their options, and the example
/// environment files name every variable the executables read.
@Suite("configuration reference")
struct ConfigurationReferenceTests {
    /// The deployed executables with their help, read once per test run (a dump takes a moment).
    static let dumps = Result { try DeploymentLayout.deployedExecutables().map { (name: $0, help: try HelpDump.of($0)) } }

    static func helps() throws -> [(name: String, help: HelpDump)] { try dumps.get() }

    @Test("docs/CONFIGURATION.md equals a fresh render of every executable's options")
    func documentMatchesTheExecutables() throws {
        let rendered = ConfigurationReference.render(try Self.helps())
        let path = DeploymentLayout.configurationReference
        if ProcessInfo.processInfo.environment[ConfigurationReference.writeVariable] == "1" {
            try rendered.write(to: path, atomically: true, encoding: .utf8)
            print("wrote \(path.path)")
            return
        }
        let written = (try? DeploymentLayout.text(path)) ?? ""
        #expect(
            written == rendered,
            """
            docs/CONFIGURATION.md differs from the executables' options: run \
            deploy/tools/configuration-reference.sh and commit the result. First difference: \
            \(Self.firstDifference(written, rendered))
            """)
    }

    @Test("the reference covers every deployed executable of Package.swift, odopctl included")
    func everyExecutableIsCovered() throws {
        let executables = try DeploymentLayout.deployedExecutables()
        #expect(executables.contains("odopctl"))
        #expect(executables.contains("odop-catalogue"))
        #expect(!executables.contains("odop-bench"))
        let written = (try? DeploymentLayout.text(DeploymentLayout.configurationReference)) ?? ""
        for name in executables { #expect(written.contains("\n## \(name)\n"), "no section for \(name)") }
    }

    @Test("every option of a service has an environment variable, and its example environment file names it")
    func environmentFilesNameEveryVariable() throws {
        for (name, help) in try Self.helps() where name.hasPrefix("odop-") {
            let service = String(name.dropFirst("odop-".count))
            let envFile = try EnvironmentFile(DeploymentLayout.systemd.appendingPathComponent("env/\(service).env"))
            for entry in (help.command.arguments ?? []).map(OptionEntry.init) where !["help", "version"].contains(entry.key) {
                let variable = try #require(entry.environment, "\(name) \(entry.flag) has no environment variable")
                #expect(envFile.names.contains(variable), "deploy/systemd/env/\(service).env does not name \(variable)")
                // A set value that the executable also defaults is written as that default.
                if let value = envFile.values[variable], let defaultValue = entry.defaultValue, variable != "ODOP_DATA_DIR" {
                    #expect(value == defaultValue, "\(service).env sets \(variable)=\(value); \(name)'s default is \(defaultValue)")
                }
            }
        }
    }

    @Test("every example environment file names the whole configuration contract", arguments: DeploymentLayout.services)
    func environmentFilesNameTheContract(service: String) throws {
        let envFile = try EnvironmentFile(DeploymentLayout.systemd.appendingPathComponent("env/\(service).env"))
        var contract = [
            "ODOP_DATA_DIR", "ODOP_COMMANDS_BIND", "ODOP_EVENTS_BIND", "ODOP_HTTP_BIND", "ODOP_LOG_LEVEL",
            "ODOP_LOG_FORMAT", "ODOP_HEARTBEAT_MS", "ODOP_CURVE_SECRET_KEY_FILE",
            "ODOP_CURVE_PUBLIC_KEY_FILE", "ODOP_AUTHORIZED_KEYS",
        ]
        if service != "catalogue" { contract += ["ODOP_CATALOGUE_COMMANDS", "ODOP_CATALOGUE_EVENTS", "ODOP_CATALOGUE_PUBLIC_KEY_FILE"] }
        if service == "training" { contract.append("ODOP_IDENTITY_KEY_FILE") }
        if service == "notifications" {
            contract += ["ODOP_EXPORTS_COMMANDS", "ODOP_EXPORTS_EVENTS", "ODOP_TRAINING_COMMANDS", "ODOP_TRAINING_EVENTS"]
        }
        for variable in contract { #expect(envFile.names.contains(variable), "\(service).env does not name \(variable)") }
        #expect(envFile.values["ODOP_DATA_DIR"] == "/var/lib/odop/\(service)")
        #expect(envFile.values["ODOP_LOG_LEVEL"] == "info")
        #expect(envFile.values["ODOP_HEARTBEAT_MS"] == "1000")
    }

    private static func firstDifference(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "<end>"
            let r = index < right.count ? String(right[index]) : "<end>"
            if l != r { return "line \(index + 1): document has \"\(l)\", executables give \"\(r)\"" }
        }
        return "none"
    }
}

/// An example environment file: `NAME=value` lines set a variable, `#NAME=value` lines name one
/// that is left unset.
struct EnvironmentFile {
    private(set) var values: [String: String] = [:]
    private(set) var names: Set<String> = []

    init(_ url: URL) throws {
        for raw in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let commented = raw.hasPrefix("#")
            let line = commented ? raw.dropFirst() : raw[...]
            guard let equals = line.firstIndex(of: "="), line.first?.isUppercase == true else { continue }
            let name = String(line[..<equals])
            guard name.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) else { continue }
            names.insert(name)
            if !commented { values[name] = String(line[line.index(after: equals)...]) }
        }
    }
}
