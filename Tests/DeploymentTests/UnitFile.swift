import Foundation

/// A systemd unit file read as sections of `Key=value` lines (comments and blank lines dropped;
/// a key may repeat).
struct UnitFile {
    let name: String
    private(set) var sections: [String: [(key: String, value: String)]] = [:]

    init(_ url: URL) throws {
        name = url.lastPathComponent
        var section = ""
        for raw in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            sections[section, default: []].append((key, value))
        }
    }

    /// Every value of a key in a section, in order.
    func values(_ key: String, in section: String = "Service") -> [String] {
        (sections[section] ?? []).filter { $0.key == key }.map(\.value)
    }

    /// The last value of a key (the one systemd uses for a single-valued setting).
    func value(_ key: String, in section: String = "Service") -> String? { values(key, in: section).last }

    /// The space-separated words of every value of a key (After=, Wants=, ...).
    func words(_ key: String, in section: String = "Unit") -> [String] {
        values(key, in: section).flatMap { $0.split(separator: " ").map(String.init) }
    }
}
