import Foundation
import ODOPTesting

/// Where the deployment artifacts are and which executables the package builds.
enum DeploymentLayout {
    static let root = TestEnvironment.packageRoot
    static let deploy = root.appendingPathComponent("deploy")
    static let systemd = deploy.appendingPathComponent("systemd")
    static let kubernetes = deploy.appendingPathComponent("kubernetes")
    static let dockerfile = deploy.appendingPathComponent("container/Dockerfile")
    static let configurationReference = root.appendingPathComponent("docs/CONFIGURATION.md")

    /// The four services, in the order they start.
    static let services = ["catalogue", "exports", "training", "notifications"]

    /// Executable products that are not deployed (development tools), left out of the reference.
    static let notDeployed: Set<String> = ["odop-bench"]

    /// The executable products declared in Package.swift, in their order there.
    static func executableProducts() throws -> [String] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"\.executable\(\s*name:\s*"([^"]+)""#)
        let range = NSRange(manifest.startIndex..., in: manifest)
        return pattern.matches(in: manifest, range: range).compactMap { match in
            Range(match.range(at: 1), in: manifest).map { String(manifest[$0]) }
        }
    }

    /// The deployed executables (services, then odopctl): new service products join by name.
    static func deployedExecutables() throws -> [String] {
        let products = try executableProducts().filter { !notDeployed.contains($0) }
        return products.filter { $0 != "odopctl" } + products.filter { $0 == "odopctl" }
    }

    /// Files of a folder with this extension, sorted by name.
    static func files(in folder: URL, ending suffix: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(suffix) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }
}
