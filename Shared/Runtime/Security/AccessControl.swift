import Foundation
import Logging
import ODOPMessages
import Synchronization

/// The current allowlist of a CURVE service and the checks made with it, shared by the ZAP
/// handler (who may connect) and the command server (who may run what, per message).
///
/// Contract: `reload()` replaces the allowlist only with one that reads and parses whole; an
/// unreadable or malformed file keeps the old list and the reason is logged and returned. Every
/// check reads the list current at that moment, so a key removed by a reload loses access at
/// once, on connections it already has open (`unauthorized`).
public final class AccessControl: Sendable {
    public let path: String
    private let current: Mutex<Allowlist>
    private let logger: Logger

    init(path: String, logger: Logger) throws(AllowlistError) {
        self.path = path
        self.logger = logger
        current = Mutex(try Allowlist.load(path))
    }

    public var allowlist: Allowlist { current.withLock { $0 } }

    /// The outcome of a reload: the names added and removed, or why the old list was kept.
    public enum Reload: Sendable, Equatable {
        case replaced(added: [String], removed: [String], count: Int)
        case kept(reason: String)
    }

    /// Reads the file again (SIGHUP).
    @discardableResult
    public func reload() -> Reload {
        let next: Allowlist
        do {
            next = try Allowlist.load(path)
        } catch {
            logger.error("allowlist not reloaded; the previous one stays in force", metadata: ["reason": "\(error.message)"])
            return .kept(reason: error.message)
        }
        let previous = current.withLock { list in
            defer { list = next }
            return list
        }
        let oldKeys = Dictionary(previous.entries.map { ($0.publicKey, $0.principal) }, uniquingKeysWith: { a, _ in a })
        let newKeys = Dictionary(next.entries.map { ($0.publicKey, $0.principal) }, uniquingKeysWith: { a, _ in a })
        let added = newKeys.filter { oldKeys[$0.key] != $0.value }.map(\.value.name).sorted()
        let removed = oldKeys.filter { newKeys[$0.key] != $0.value }.map(\.value.name).sorted()
        logger.notice(
            "allowlist reloaded",
            metadata: [
                "keys": "\(next.entries.count)", "added": "\(added.joined(separator: ","))", "removed": "\(removed.joined(separator: ","))",
            ])
        return .replaced(added: added, removed: removed, count: next.entries.count)
    }

    /// The client a message's `User-Id` names, if it is still in the allowlist.
    func principal(userID: String?) -> Principal? {
        guard let userID else { return nil }
        return current.withLock { $0.principal(named: userID) }
    }

    func principal(publicKey: String) -> Principal? {
        current.withLock { $0.principal(publicKey: publicKey) }
    }
}

/// Who may run a command: the role it needs, decided per request from its arguments when the
/// command declares so (e.g. an unmasked read needs `admin`).
public enum RequiredRole: Sendable, Equatable {
    /// Any admitted key (`reader`, `service` or `admin`).
    case admitted
    case admin

    /// The refusal for `principal`, or nil when it may run `command`.
    func refusal(for principal: Principal, command: String) -> CommandError? {
        switch self {
        case .admitted: return nil
        case .admin:
            guard principal.role != .admin else { return nil }
            return .forbidden("\(command) needs the admin role; \(principal.name) has the \(principal.role.rawValue) role")
        }
    }
}
