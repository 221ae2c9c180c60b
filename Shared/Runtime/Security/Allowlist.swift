import Foundation
import ZeroMQ

/// Why an allowlist (or one of its lines) was refused; never quotes a key.
public struct AllowlistError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// The client keys a CURVE service admits: the file named by `ODOP_AUTHORIZED_KEYS`.
///
/// Format, one client per line: `<Z85 public key> <name> <role> [scope]`, fields separated by
/// spaces or tabs. `role` is `admin`, `service` or `reader`; `scope` is a `KeyScope`
/// (`state:UP,district:TN-madurai`), absent for everywhere. A line whose first non-blank
/// characters are `# ` (hash, space) — or a lone `#` — is a comment, and blank lines are ignored;
/// `#` anywhere else is part of a key (Z85 uses it), so nothing is ever stripped from mid-line.
/// Names are unique (they are the `User-Id` of every message and the `who` of the audit trail)
/// and so are keys. A file with any bad line is refused whole, with the line number.
public struct Allowlist: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let publicKey: String
        public let principal: Principal
    }

    public private(set) var entries: [Entry] = []
    private var byKey: [String: Int] = [:]
    private var byName: [String: Int] = [:]

    public init() {}

    /// Parses the file's text.
    public init(parsing text: String) throws(AllowlistError) {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(["\r"]))
            if line.isEmpty || line == "#" || line.hasPrefix("# ") || line.hasPrefix("#\t") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let number = index + 1
            guard (3...4).contains(fields.count) else {
                throw AllowlistError(
                    message: "line \(number): expected '<Z85 public key> <name> <role> [scope]', got \(fields.count) fields")
            }
            guard Curve.isValidKey(fields[0]) else {
                throw AllowlistError(message: "line \(number): the first field is not a 40-character Z85 public key")
            }
            let name = fields[1]
            guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-@".contains($0)) }), name.count <= 64 else {
                throw AllowlistError(message: "line \(number): the name '\(name)' may use only letters, digits and . _ - @ (at most 64)")
            }
            guard let role = Principal.Role(rawValue: fields[2]) else {
                throw AllowlistError(message: "line \(number): role '\(fields[2])' is not admin, service or reader")
            }
            let scope: KeyScope
            do {
                scope = fields.count == 4 ? try KeyScope(parsing: fields[3]) : .everywhere
            } catch {
                throw AllowlistError(message: "line \(number): \(error.message)")
            }
            guard byKey[fields[0]] == nil else {
                throw AllowlistError(message: "line \(number): the key of \(name) is listed twice")
            }
            guard byName[name] == nil else {
                throw AllowlistError(message: "line \(number): the name \(name) is listed twice (names must be unique)")
            }
            byKey[fields[0]] = entries.count
            byName[name] = entries.count
            entries.append(Entry(publicKey: fields[0], principal: Principal(name: name, role: role, scope: scope)))
        }
    }

    /// Reads and parses the file at `path`.
    public static func load(_ path: String) throws(AllowlistError) -> Allowlist {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw AllowlistError(message: "cannot read \(path): \((error as NSError).localizedDescription)")
        }
        do {
            return try Allowlist(parsing: text)
        } catch {
            throw AllowlistError(message: "\(path) \(error.message)")
        }
    }

    /// The client admitted with `publicKey` (Z85), if listed.
    public func principal(publicKey: String) -> Principal? { byKey[publicKey].map { entries[$0].principal } }

    /// The client named `name` (a message's `User-Id`), if still listed.
    public func principal(named name: String) -> Principal? { byName[name].map { entries[$0].principal } }

    public var names: Set<String> { Set(byName.keys) }
}
