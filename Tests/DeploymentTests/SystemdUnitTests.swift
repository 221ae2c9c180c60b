import Foundation
import Testing

/// The systemd units in deploy/systemd: what `systemd-analyze verify` and `systemd-analyze
/// security --offline=true` say of them under a scratch `--root` with the executables installed
/// (these machines do not run systemd as PID 1; nothing is started), and the settings the
/// deployment relies on.
@Suite("systemd units")
struct SystemdUnitTests {
    static let units = DeploymentLayout.services.map { "odop-\($0).service" }
    static let highestExposure = 3.0

    @Test("there is one unit, one environment file and one system user per service")
    func everyServiceHasItsFiles() throws {
        let unitNames = try DeploymentLayout.files(in: DeploymentLayout.systemd, ending: ".service").map(\.lastPathComponent)
        #expect(unitNames == Self.units.sorted())
        let sysusers = try DeploymentLayout.text(DeploymentLayout.systemd.appendingPathComponent("sysusers.d/odop.conf"))
        for service in DeploymentLayout.services {
            let env = DeploymentLayout.systemd.appendingPathComponent("env/\(service).env")
            #expect(FileManager.default.fileExists(atPath: env.path), "missing \(env.path)")
            #expect(sysusers.contains("u     odop-\(service) "), "sysusers.d/odop.conf has no user odop-\(service)")
        }
    }

    @Test("systemd-analyze verify finds nothing to say", arguments: units)
    func verify(unit: String) throws {
        let tool = try #require(
            ExternalTool.find("systemd-analyze"), "systemd-analyze is missing: run deploy/local/install-dependencies.sh")
        let root = try SystemdScratchRoot()
        note(placeholders: root.placeholders, unit: unit)
        let result = try tool.run(["verify", "--root=\(root.path)", unit])
        // verify exits 0 on warnings (an unknown key, a bad value it ignores): any output fails.
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result)")
    }

    @Test("systemd-analyze security --offline=true scores the exposure at most 3.0", arguments: units)
    func exposure(unit: String) throws {
        let tool = try #require(
            ExternalTool.find("systemd-analyze"), "systemd-analyze is missing: run deploy/local/install-dependencies.sh")
        let root = try SystemdScratchRoot()
        note(placeholders: root.placeholders, unit: unit)
        let result = try tool.run(["security", "--offline=true", "--root=\(root.path)", "--no-pager", unit])
        #expect(result.status == 0, "\(result)")
        let exposure = try #require(Self.overallExposure(result.stdout, unit: unit), "no overall exposure in \(result)")
        print("\(unit): overall exposure \(exposure) (systemd-analyze security --offline=true)")
        #expect(exposure <= Self.highestExposure, "\(unit) is exposed at \(exposure):\n\(result.stdout)")
    }

    @Test("restart on failure, graceful SIGTERM stop, its user, environment file and data directory", arguments: DeploymentLayout.services)
    func serviceSettings(service: String) throws {
        let unit = try UnitFile(DeploymentLayout.systemd.appendingPathComponent("odop-\(service).service"))
        #expect(unit.value("ExecStart") == "/usr/local/bin/odop-\(service)")
        #expect(unit.value("User") == "odop-\(service)")
        #expect(unit.value("Group") == "odop-\(service)")
        #expect(unit.value("Restart") == "on-failure")
        #expect(unit.value("KillSignal") == "SIGTERM")
        #expect(unit.value("TimeoutStopSec") != nil)
        #expect(unit.value("EnvironmentFile") == "/etc/odop/\(service).env")
        #expect(unit.value("StateDirectory") == "odop/\(service)")
        #expect(unit.values("ReadWritePaths").contains { $0.trimmingCharacters(in: ["-"]) == "/var/lib/odop/\(service)" })
        #expect(unit.values("Environment").contains("ODOP_DATA_DIR=/var/lib/odop/\(service)"))
        #expect(unit.value("WantedBy", in: "Install") == "multi-user.target")
    }

    @Test("the hardening settings are all there", arguments: DeploymentLayout.services)
    func hardening(service: String) throws {
        let unit = try UnitFile(DeploymentLayout.systemd.appendingPathComponent("odop-\(service).service"))
        let expected: [String: String] = [
            "NoNewPrivileges": "yes", "ProtectSystem": "strict", "ProtectHome": "yes", "PrivateTmp": "yes",
            "PrivateDevices": "yes", "ProtectKernelTunables": "yes", "ProtectKernelModules": "yes",
            "ProtectKernelLogs": "yes", "ProtectControlGroups": "yes", "ProtectClock": "yes",
            "ProtectHostname": "yes", "ProtectProc": "invisible", "ProcSubset": "pid",
            "RestrictAddressFamilies": "AF_INET AF_INET6 AF_UNIX", "RestrictNamespaces": "yes",
            "RestrictRealtime": "yes", "RestrictSUIDSGID": "yes", "LockPersonality": "yes",
            "MemoryDenyWriteExecute": "yes", "CapabilityBoundingSet": "", "UMask": "0077",
            "SystemCallArchitectures": "native",
        ]
        for (key, value) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(unit.value(key) == value, "\(key)= in odop-\(service).service")
        }
        #expect(unit.values("SystemCallFilter").first == "@system-service")
    }

    @Test("a follower starts after the catalogue and wants it, but never requires it", arguments: ["exports", "training", "notifications"])
    func followersDoNotRequireTheCatalogue(service: String) throws {
        let unit = try UnitFile(DeploymentLayout.systemd.appendingPathComponent("odop-\(service).service"))
        #expect(unit.words("After").contains("odop-catalogue.service"))
        #expect(unit.words("Wants").contains("odop-catalogue.service"))
        for binding in ["Requires", "Requisite", "BindsTo", "PartOf", "Upholds"] {
            #expect(!unit.words(binding).contains { $0.hasPrefix("odop-") }, "\(binding)= ties odop-\(service) to another service")
        }
    }

    /// `→ Overall exposure level for odop-catalogue.service: 1.1 OK 🙂` → 1.1
    static func overallExposure(_ output: String, unit: String) -> Double? {
        let marker = "Overall exposure level for \(unit): "
        guard let line = output.split(separator: "\n").first(where: { $0.contains(marker) }),
            let range = line.range(of: marker)
        else { return nil }
        return Double(line[range.upperBound...].split(separator: " ").first ?? "")
    }

    private func note(placeholders: [String], unit: String) {
        guard !placeholders.isEmpty else { return }
        print(
            "\(unit): not yet products of Package.swift, so placeholder scripts of the same name stand in under the scratch root: \(placeholders.joined(separator: ", "))"
        )
    }
}
