import Foundation

/// docs/CONFIGURATION.md, rendered from the executables' own `--experimental-dump-help`: every
/// option of every deployed executable with its flag, environment variable and default. The
/// same input always gives the same text, so the document can be compared with a fresh render.
enum ConfigurationReference {
    /// Set to 1 to write the document instead of comparing it (deploy/tools/configuration-reference.sh).
    static let writeVariable = "ODOP_WRITE_CONFIGURATION_REFERENCE"

    static func render(_ executables: [(name: String, help: HelpDump)]) -> String {
        var lines = [
            "# Configuration reference",
            "",
            "<!-- Generated from each executable's --experimental-dump-help by",
            "     Tests/DeploymentTests/ConfigurationReference.swift. Do not edit: regenerate with",
            "     deploy/tools/configuration-reference.sh after changing an option. -->",
            "",
            "Every option of every ODOP executable: its flag, its environment variable and its default.",
            "The flag wins over the environment variable, which wins over the default. This file is",
            "generated from the executables themselves (every executable product of Package.swift except",
            "development tools: \(DeploymentLayout.notDeployed.sorted().joined(separator: ", "))), and a test fails when it and the",
            "executables differ. Example environment files: deploy/systemd/env/; the Kubernetes ConfigMaps",
            "in deploy/kubernetes/. A service's `--commands-bind` and `--events-bind` default to its own",
            "ports on 127.0.0.1 (catalogue 7101/7102, exports 7201/7202, training 7301/7302, notifications",
            "7401/7402).",
            "",
            "Executables: " + executables.map { "`\($0.name)`" }.joined(separator: ", ") + ".",
        ]
        for (name, help) in executables {
            lines += ["", "## \(name)", ""]
            if let abstract = help.command.abstract, !abstract.isEmpty { lines += [abstract, ""] }
            // swift-argument-parser lists a `help` subcommand for every command; it has no options.
            if (help.command.subcommands ?? []).allSatisfy({ $0.commandName == "help" }) {
                lines += sections(of: options(help.command))
            } else {
                lines += commandTree(name, help.command)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A service: one table per help section, in the order they first appear.
    private static func sections(of entries: [OptionEntry], level: String = "###") -> [String] {
        var order: [String] = []
        for entry in entries where !order.contains(entry.section) { order.append(entry.section) }
        var lines: [String] = []
        for section in order {
            lines += ["\(level) \(section.capitalizedFirst)", ""]
            lines += table(entries.filter { $0.section == section })
            lines.append("")
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// odopctl: the options every command takes once, then each command's own.
    private static func commandTree(_ name: String, _ root: HelpDump.Command) -> [String] {
        var leaves: [(path: String, command: HelpDump.Command)] = []
        func walk(_ command: HelpDump.Command, _ path: String) {
            let children = command.subcommands ?? []
            if children.isEmpty { leaves.append((path, command)) }
            for child in children where child.commandName != "help" { walk(child, "\(path) \(child.commandName)") }
        }
        walk(root, name)
        let leafOptions = leaves.map { options($0.command) }
        let shared = leafOptions.dropFirst().reduce(Set(leafOptions.first?.map(\.key) ?? [])) { $0.intersection($1.map(\.key)) }
        var common = options(root)
        for entry in leafOptions.first ?? [] where shared.contains(entry.key) && !common.contains(where: { $0.key == entry.key }) {
            common.append(entry)
        }
        var lines = [
            "### Options of every \(name) command", "",
            "Options marked hidden are left out of `--help`; `\(name) <command> --help-hidden` shows them.", "",
        ]
        lines += table(common)
        for (leaf, entries) in zip(leaves, leafOptions) {
            lines += ["", "### \(leaf.path)", ""]
            if let abstract = leaf.command.abstract, !abstract.isEmpty { lines += [abstract, ""] }
            let own = entries.filter { !shared.contains($0.key) }
            lines += own.isEmpty ? ["No options of its own."] : table(own)
        }
        return lines
    }

    private static func options(_ command: HelpDump.Command) -> [OptionEntry] {
        (command.arguments ?? []).map(OptionEntry.init)
    }

    private static func table(_ entries: [OptionEntry]) -> [String] {
        ["| Flag or argument | Environment variable | Default | Description |", "| --- | --- | --- | --- |"]
            + entries.map { entry in
                let description = entry.hidden ? "\(entry.description) (hidden)" : entry.description
                return "| `\(entry.flag)` | \(entry.environment.map { "`\($0)`" } ?? "") | "
                    + "\(entry.defaultValue.map { "`\($0)`" } ?? "") | \(cell(description)) |"
            }
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
