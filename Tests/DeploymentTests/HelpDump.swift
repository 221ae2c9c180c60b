import Foundation
import ODOPTesting

/// What an executable says of its options through swift-argument-parser's
/// `--experimental-dump-help` (the same source as its `--help`).
struct HelpDump: Decodable, Sendable {
    let command: Command

    struct Command: Decodable, Sendable {
        let commandName: String
        let abstract: String?
        let shouldDisplay: Bool?
        let arguments: [Argument]?
        let subcommands: [Command]?
    }

    struct Argument: Decodable, Sendable {
        struct Name: Decodable, Sendable {
            let kind: String  // long, short, longWithSingleDash
            let name: String
        }
        let kind: String  // option, flag, positional
        let names: [Name]?
        let valueName: String?
        let abstract: String?
        let defaultValue: String?
        let shouldDisplay: Bool?
        let sectionTitle: String?
        let isOptional: Bool?
        let isRepeating: Bool?
    }

    /// Runs `<executable> --experimental-dump-help`.
    static func of(_ executable: String) throws -> HelpDump {
        let url = TestEnvironment.executable(executable)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw ScratchRootError("\(url.path) is not built; run `swift build` first")
        }
        let result = try ExternalTool(url).run(["--experimental-dump-help"])
        guard result.status == 0 else { throw ScratchRootError("\(result)") }
        return try JSONDecoder().decode(HelpDump.self, from: Data(result.stdout.utf8))
    }
}

/// One option as the reference shows it: its flag (or argument), environment variable, default
/// and description, read from the argument's help text, where the runtime writes
/// `[env: NAME]` and `(default: value)`.
struct OptionEntry: Equatable {
    let key: String  // identity for comparing across commands: the preferred name
    let flag: String  // `--data-dir <data-dir>`, `--json`, `-h, --help`, `<id>`
    let environment: String?
    let defaultValue: String?
    let description: String
    let hidden: Bool
    let section: String

    init(_ argument: HelpDump.Argument) {
        let names = argument.names ?? []
        let spelled = names.map { $0.kind == "short" ? "-\($0.name)" : "--\($0.name)" }.joined(separator: ", ")
        let value = argument.valueName.map { "<\($0)>" } ?? "<value>"
        switch argument.kind {
        case "positional": flag = argument.valueName.map { "<\($0)>" } ?? "<argument>"
        case "flag": flag = spelled
        default: flag = "\(spelled) \(value)"
        }
        key = argument.kind == "positional" ? "positional:\(argument.valueName ?? "")" : (names.last?.name ?? flag)
        var text = (argument.abstract ?? "").replacingOccurrences(of: "\n", with: " ")
        environment = OptionEntry.take(#"\s*\[env: ([A-Z0-9_]+)\]"#, from: &text)
        let written = OptionEntry.take(#"\s*\(default: ([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$"#, from: &text)
        defaultValue = written ?? argument.defaultValue
        if OptionEntry.take(#"\s*\((required)\)\s*$"#, from: &text) != nil {
            description = text.trimmingCharacters(in: .whitespaces) + " Required."
        } else {
            description = text.trimmingCharacters(in: .whitespaces)
        }
        hidden = argument.shouldDisplay == false
        section = argument.sectionTitle ?? "Options"
    }

    /// Removes the first match of the pattern from the text and returns its first group.
    private static func take(_ pattern: String, from text: inout String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let whole = Range(match.range, in: text), let group = Range(match.range(at: 1), in: text)
        else { return nil }
        let value = String(text[group])
        text.removeSubrange(whole)
        return value
    }
}
