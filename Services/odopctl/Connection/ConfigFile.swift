import Foundation

/// odopctl's config file: `KEY=VALUE` lines with the environment variables' names.
///
/// ```
/// # production, read by odopctl and the services alike
/// ODOP_CATALOGUE_COMMANDS=tcp://10.0.0.5:7101
/// ODOP_CURVE_SECRET_KEY_FILE=keys/odopctl.secret
/// ```
///
/// A line whose first non-blank character is `#` is a comment; `#` elsewhere is part of the
/// value (Z85 keys contain it). Blank lines are ignored, `export ` before a key is allowed,
/// and a value may be wrapped in matching single or double quotes. A relative path in a
/// `..._FILE` value is taken from the file's folder. A later line wins over an earlier one.
struct ConfigFile: Sendable {
    struct Entry: Sendable, Equatable {
        var value: String
        var line: Int
    }

    let path: String
    let entries: [String: Entry]
    /// Lines odopctl does not understand but that do not stop it (unknown keys).
    let warnings: [String]

    /// `$XDG_CONFIG_HOME/odop/odopctl.conf`, else `~/.config/odop/odopctl.conf`.
    static func defaultPath(environment: [String: String]) -> String {
        if let base = environment["XDG_CONFIG_HOME"], !base.isEmpty {
            return (base as NSString).appendingPathComponent("odop/odopctl.conf")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".config/odop/odopctl.conf")
    }

    /// The file to read: `--config`, else `$ODOP_CONFIG` (both must exist), else the default
    /// path when a file is there; nil when there is none.
    static func load(flag: String?, environment: [String: String]) throws(OdopctlFailure) -> ConfigFile? {
        if let flag {
            return try load(path: expandingTilde(flag, environment: environment), named: "--config")
        }
        if let path = environment[SettingKey.config], !path.isEmpty {
            return try load(path: expandingTilde(path, environment: environment), named: SettingKey.config)
        }
        let path = defaultPath(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try load(path: path, named: "the default config file")
    }

    static func load(path: String, named origin: String) throws(OdopctlFailure) -> ConfigFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .usage("cannot read the config file \(path) (\(origin)): \(Self.reason(error))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .usage("the config file \(path) is not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Reads the text of a config file found at `path`.
    static func parse(_ text: String, path: String) throws(OdopctlFailure) -> ConfigFile {
        var entries: [String: Entry] = [:]
        var warnings: [String] = []
        let folder = (path as NSString).deletingLastPathComponent
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            var line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst("export ".count)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "=") else {
                throw .usage("\(path):\(number): expected KEY=VALUE, got '\(line)'")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }) else {
                throw .usage("\(path):\(number): '\(key)' is not a setting name (such as ODOP_CATALOGUE_COMMANDS)")
            }
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            if !SettingKey.odopctlKeys.contains(key) && !SettingKey.serviceKeys.contains(key) && key != SettingKey.config {
                warnings.append("warning: \(path):\(number): unknown setting \(key), ignored")
            }
            if SettingKey.isFilePath(key), !value.isEmpty, !value.hasPrefix("/"), !value.hasPrefix("~") {
                value = (folder as NSString).appendingPathComponent(value)
            }
            entries[key] = Entry(value: value, line: number)
        }
        return ConfigFile(path: path, entries: entries, warnings: warnings)
    }

    /// `~/x` with the home folder spelled out.
    static func expandingTilde(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + path.dropFirst()
    }

    /// The short reason of a file error ("No such file or directory").
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSCocoaErrorDomain && nsError.code == NSFileReadNoSuchFileError {
            return "no such file"
        }
        return nsError.localizedDescription
    }
}
