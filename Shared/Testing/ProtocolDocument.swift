import Foundation

/// docs/PROTOCOL.md as tests read it: the whole text, the general part, a service's section, and
/// the ```json examples in any of them (so tests can hold the examples to the fixtures and types).
public enum ProtocolDocument {
    public static var url: URL { TestEnvironment.packageRoot.appendingPathComponent("docs/PROTOCOL.md") }

    public static func text() throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// Everything before `## Services`.
    public static func generalPart() throws -> String {
        let text = try text()
        return text.components(separatedBy: "\n## Services").first ?? text
    }

    /// A service's section: from its `### <service>` heading up to the next `### ` or `## `
    /// heading (the heading included). Throws when there is none.
    public static func section(_ service: String) throws -> String {
        let lines = try text().split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: Substring("### \(service)")) else {
            throw MissingSection(service: service)
        }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("### ") || $0.hasPrefix("## ") } ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n")
    }

    /// The bodies of the ```json blocks in `text`, in order.
    public static func jsonBlocks(in text: String) -> [String] {
        var blocks: [String] = []
        var current: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed == "```json" {
                current = []
            } else if let lines = current, trimmed == "```" {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current?.append(String(line))
            }
        }
        return blocks
    }

    public struct MissingSection: Error, CustomStringConvertible {
        public let service: String
        public var description: String { "docs/PROTOCOL.md has no ### \(service) section" }
    }
}
