import Foundation

/// A CURVE key kept as Z85 text in a file of its own (one key, 40 characters).
enum CurveKeyFile {
    static let z85Alphabet = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#")

    /// Reads the key in `path`. `what` names it in messages ("odopctl's secret key",
    /// "catalogue's public key"). A secret key file readable by group or others is refused,
    /// as the services refuse theirs.
    static func read(_ path: String, what: String, origin: SettingOrigin, isSecret: Bool) throws(OdopctlFailure) -> String {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .usage("cannot read \(what) from \(path) (set by \(origin)): \(ConfigFile.reason(error))")
        }
        if isSecret, let mode = permissions(path), mode & 0o077 != 0 {
            throw .usage(
                "\(what) in \(path) is readable by group or others (mode \(String(mode, radix: 8))); "
                    + "run: chmod 600 \(path)")
        }
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard key.count == 40, key.allSatisfy(z85Alphabet.contains) else {
            throw .usage("\(path) does not hold \(what) as 40 characters of Z85 text")
        }
        return key
    }

    private static func permissions(_ path: String) -> Int? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.posixPermissions] as? NSNumber)?.intValue
    }
}
