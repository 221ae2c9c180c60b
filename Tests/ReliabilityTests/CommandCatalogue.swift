import Foundation
import ODOPMessages
import ODOPTesting

/// Every command of every service as docs/PROTOCOL.md lists them (the services have no describe
/// command): the built-in commands (the `### \`name\`` headings before "## Services") and each
/// service's command table, with the argument names of its `{...}` column. `arguments` are the
/// command's valid sample arguments from the golden fixtures (Tests/MessagesTests/Fixtures,
/// `<service>-<command>-args.json`) when there are some, so that one swapped member is the only
/// thing wrong with a request; otherwise every documented member with a placeholder string.
struct DocumentedCommand: Sendable {
    var service: String?
    var name: String
    var memberNames: [String]
    var arguments: [String: JSONValue]
}

enum CommandCatalogue {
    static let services = ReliabilityCluster.services

    /// The commands `service` answers: the built-in ones and its own.
    static func commands(of service: String) throws -> [DocumentedCommand] {
        try builtIn() + own(service)
    }

    static func builtIn() throws -> [DocumentedCommand] {
        let general = try ProtocolDocument.generalPart()
        let names = general.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("### `"), line.hasSuffix("`") else { return nil }
            return String(line.dropFirst(5).dropLast())
        }
        return names.map { make(service: nil, name: $0, documented: []) }
    }

    static func own(_ service: String) throws -> [DocumentedCommand] {
        let section = try ProtocolDocument.section(service)
        var commands: [DocumentedCommand] = []
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, cells[0].hasPrefix("`"), cells[0].hasSuffix("`") else { continue }
            let arguments = cells[1]
            guard arguments == "none" || arguments.hasPrefix("`{") else { continue }
            let name = String(cells[0].dropFirst().dropLast())
            commands.append(make(service: service, name: name, documented: memberNames(in: arguments)))
        }
        return commands
    }

    /// `{state, district, name, sector, category?}` or `{planId}` or `{state, district}`: the names.
    static func memberNames(in column: String) -> [String] {
        var names: [String] = []
        var inBraces = false
        var current = ""
        for character in column {
            switch character {
            case "{": inBraces = true
            case "}":
                inBraces = false
                if !current.isEmpty { names.append(current) }
                current = ""
            case _ where inBraces && (character.isLetter || character.isNumber): current.append(character)
            case _ where inBraces:
                if !current.isEmpty { names.append(current) }
                current = ""
            default: break
            }
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    private static func make(service: String?, name: String, documented: [String]) -> DocumentedCommand {
        let dashed = name.replacingOccurrences(of: ".", with: "-")
        let fixtures = TestEnvironment.packageRoot.appendingPathComponent("Tests/MessagesTests/Fixtures")
        let file = fixtures.appendingPathComponent((service.map { "\($0)-" } ?? "") + "\(dashed)-args.json")
        var arguments: [String: JSONValue] = [:]
        if let data = try? Data(contentsOf: file), let object = (try? WireFormat.parse(data))?.objectValue {
            // No request of the corpus may reach beyond this machine: a webhook URL of a fixture
            // becomes a loopback one (which the services refuse unless told otherwise).
            arguments = object.mapValues { value in value.stringValue?.hasPrefix("http") == true ? "http://127.0.0.1:9/hook" : value }
        } else {
            for member in documented { arguments[member] = "placeholder" }
        }
        let names = documented + arguments.keys.sorted().filter { !documented.contains($0) }
        return DocumentedCommand(service: service, name: name, memberNames: names, arguments: arguments)
    }
}
