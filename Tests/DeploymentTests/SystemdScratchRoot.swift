import Foundation
import ODOPTesting

/// A file system root for `systemd-analyze --root=`: the ODOP units in /etc/systemd/system, their
/// example environment files in /etc/odop, the executables in /usr/local/bin, the sysusers file,
/// and a copy of this machine's own system units (sysinit.target and the rest that `verify`
/// loads). Nothing is started; no systemd runs.
///
/// Each executable is the built one when Package.swift declares it (it must have been built);
/// a service not yet in the package gets a placeholder script of the same name, listed in
/// `placeholders`.
struct SystemdScratchRoot {
    let directory = TemporaryDirectory(prefix: "odop-systemd-root")
    private(set) var placeholders: [String] = []
    var path: String { directory.path }

    init() throws {
        let files = FileManager.default
        let root = directory.url
        let unitDirectory = root.appendingPathComponent("etc/systemd/system")
        let binDirectory = root.appendingPathComponent("usr/local/bin")
        let configDirectory = root.appendingPathComponent("etc/odop")
        let sysusersDirectory = root.appendingPathComponent("usr/lib/sysusers.d")
        for folder in [unitDirectory, binDirectory, configDirectory, sysusersDirectory, root.appendingPathComponent("usr/lib/systemd")] {
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let systemUnits = ["/usr/lib/systemd/system", "/lib/systemd/system"].first { files.fileExists(atPath: "\($0)/sysinit.target") }
        guard let systemUnits else {
            throw ScratchRootError("this machine has no systemd units (sysinit.target); run deploy/local/install-dependencies.sh")
        }
        try files.copyItem(atPath: systemUnits, toPath: root.appendingPathComponent("usr/lib/systemd/system").path)
        try files.copyItem(
            at: DeploymentLayout.systemd.appendingPathComponent("sysusers.d/odop.conf"),
            to: sysusersDirectory.appendingPathComponent("odop.conf"))

        let products = Set(try DeploymentLayout.executableProducts())
        for unit in try DeploymentLayout.files(in: DeploymentLayout.systemd, ending: ".service") {
            try files.copyItem(at: unit, to: unitDirectory.appendingPathComponent(unit.lastPathComponent))
            let executable = unit.deletingPathExtension().lastPathComponent
            let service = String(executable.dropFirst("odop-".count))
            try files.copyItem(
                at: DeploymentLayout.systemd.appendingPathComponent("env/\(service).env"),
                to: configDirectory.appendingPathComponent("\(service).env"))
            let installed = binDirectory.appendingPathComponent(executable)
            if products.contains(executable) {
                let built = TestEnvironment.executable(executable)
                guard files.isExecutableFile(atPath: built.path) else {
                    throw ScratchRootError("\(built.path) is not built; run `swift build` first")
                }
                // A hard link where the scratch root is on the same file system, else a copy.
                do { try files.linkItem(at: built, to: installed) } catch { try files.copyItem(at: built, to: installed) }
            } else {
                try "#!/bin/sh\n# placeholder: \(executable) is not a product of Package.swift yet\nexit 0\n"
                    .write(to: installed, atomically: true, encoding: .utf8)
                try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: installed.path)
                placeholders.append(executable)
            }
        }
    }
}

struct ScratchRootError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
