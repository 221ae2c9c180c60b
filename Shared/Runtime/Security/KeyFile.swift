import Foundation
import ZeroMQ

/// A CURVE key read from a file: 40 characters of Z85 text, one key per file (surrounding
/// whitespace ignored).
///
/// Contract: a secret key file readable by group or others (any of mode 0o077), an unreadable
/// file, or a file that does not hold one valid Z85 key stops the service at start with
/// `StartupError.keyFile` (exit 77, "key file") naming the file and never quoting its content.
enum KeyFile {
    static func read(_ path: String, what: String, isSecret: Bool) throws(StartupError) -> String {
        if isSecret {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            if let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0 {
                throw .insecureKeyFile(path)
            }
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .keyFile(path, "\(what) cannot be read (\((error as NSError).localizedDescription))")
        }
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Curve.isValidKey(key) else {
            throw .keyFile(path, "\(what) is not 40 characters of Z85 text (one CURVE key per file, as `odopctl keys generate` writes)")
        }
        return key
    }
}
