import ArgumentParser
import Foundation
import ODOPClient

/// `odopctl keys generate NAME`: writes `NAME.key` (the secret key, mode 0600) and `NAME.pub`
/// (the public key) and prints the allowlist line for the public key. Never overwrites a file
/// and never prints the secret key.
struct KeysGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write NAME.key (secret, mode 0600) and NAME.pub, and print NAME's allowlist line.")

    @Argument(help: "The key's name: letters, digits, . _ - @ (the name services log and audit).")
    var name: String

    @Option(help: "The folder to write the files in (created if needed).")
    var dir: String = "."

    @Option(help: "The role printed in the allowlist line: admin, service or reader.")
    var role: String = "reader"

    @Option(help: "The scope printed in the allowlist line, e.g. state:UP or district:UP-firozabad.")
    var scope: String?

    func run() throws {
        guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-@".contains($0)) }) else {
            throw OdopctlFailure.usage("the name '\(name)' may use only letters, digits and . _ - @ (at most 64)", help: "keys generate")
        }
        guard ["admin", "service", "reader"].contains(role) else {
            throw OdopctlFailure.usage("--role must be admin, service or reader, got '\(role)'", help: "keys generate")
        }
        if let scope, scope.isEmpty || scope.contains(" ") {
            throw OdopctlFailure.usage(
                "--scope is comma-separated state:<code> and district:<id> parts without spaces", help: "keys generate")
        }
        let folder = URL(fileURLWithPath: dir)
        let secretPath = folder.appendingPathComponent("\(name).key").path
        let publicPath = folder.appendingPathComponent("\(name).pub").path
        for path in [secretPath, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw OdopctlFailure.usage("\(path) exists; odopctl never overwrites a key file")
        }
        let pair: (publicKey: String, secretKey: String)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            pair = try CurveKeyGenerator.generate()
        } catch {
            throw OdopctlFailure(.internal, ["error: cannot make a key pair in \(dir): \(error)"])
        }
        guard
            FileManager.default.createFile(
                atPath: secretPath, contents: Data((pair.secretKey + "\n").utf8), attributes: [.posixPermissions: 0o600]),
            FileManager.default.createFile(
                atPath: publicPath, contents: Data((pair.publicKey + "\n").utf8), attributes: [.posixPermissions: 0o644])
        else {
            throw OdopctlFailure(.internal, ["error: cannot write \(secretPath) and \(publicPath)"])
        }
        StandardStream.error.writeLine("wrote \(secretPath) (secret, mode 0600) and \(publicPath)")
        StandardStream.output.writeLine([pair.publicKey, name, role, scope].compactMap { $0 }.joined(separator: " "))
    }
}
