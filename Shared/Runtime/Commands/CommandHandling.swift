import Foundation
import GRDB
import Logging
import ODOPMessages

/// Runs commands against the store, off the command thread: reads (and plain commands) on a read
/// thread, writes by group on the writer. Every outcome is a reply frame: a handler's
/// `CommandError` as it is, a constraint violation as `conflict`, a failed commit or a database
/// that cannot work (disk full, I/O error) as `unavailable`, anything else as `internal` (logged with the request id).
struct CommandHandling: Sendable {
    let registry: CommandRegistry
    let store: ServiceStore
    let logger: Logger
    let metrics: ServiceMetrics?
    let hooks: RuntimeHooks

    // MARK: Reads and plain commands

    /// Answers a read or plain command (on a read thread, or inline for a plain non-mutating one).
    func answer(_ command: PendingCommand) -> AnsweredCommand {
        let (reply, outcome) = run(command)
        return AnsweredCommand(command: command, reply: reply, outcome: outcome)
    }

    private func run(_ command: PendingCommand) -> (Data, String) {
        let (entry, request, args) = (command.entry, command.request, command.args)
        let declared = registry.access[entry.name]
        do {
            switch entry.kind {
            case .read:
                let (frame, audits, place) = try store.read { db in
                    let place = try self.place(of: entry, declared, args, request, db, always: false)
                    let context = ReadContext(request: request, db: db)
                    var frame = CommandReply.SuccessFrame(id: request.id)
                    try entry.read!(args, context, &frame.bytes)
                    return (frame, context.auditLog.pending, place)
                }
                if !audits.isEmpty {
                    try store.write { transaction in
                        for pending in audits {
                            try AuditTrail.append(
                                .init(
                                    who: AuditTrail.who(request), role: request.principal?.role.rawValue, requestID: request.id,
                                    command: request.command, action: pending.action, subject: pending.subject, place: place,
                                    details: pending.details), transaction.db)
                        }
                    }
                }
                return (frame.finish(), "ok")
            case .plain:
                let place =
                    try request.principal.map { _ in
                        try store.read { db in try self.place(of: entry, declared, args, request, db, always: false) }
                    } ?? nil
                var frame = CommandReply.SuccessFrame(id: request.id)
                try entry.plain!(args, request, &frame.bytes)
                if entry.isMutating {
                    let result = frame.resultJSON
                    try store.write { transaction in
                        try AuditTrail.append(
                            .init(
                                who: AuditTrail.who(request), role: request.principal?.role.rawValue, requestID: request.id,
                                command: request.command, action: request.command, place: place, after: result), transaction.db)
                    }
                }
                return (frame.finish(), "ok")
            case .write:
                preconditionFailure("write commands are applied by the writer")
            }
        } catch {
            return failure(request, error)
        }
    }

    // MARK: Writes

    /// Applies a group of write commands in one transaction (see `GroupWriter`) and returns their
    /// replies in the group's order, once the group has committed (or failed to).
    func apply(_ group: [PendingCommand]) -> [AnsweredCommand] {
        var firstIndex: [String: Int] = [:]
        var unique: [PendingCommand] = []
        let sameAs: [Int?] = group.map { command in
            if let index = firstIndex[command.request.id] { return index }
            firstIndex[command.request.id] = unique.count
            unique.append(command)
            return nil
        }
        let writes = unique.map { command in
            GroupWrite(correlationId: command.request.id, traceparent: command.request.traceparent) { transaction in
                try self.applyWrite(command, transaction)
            }
        }
        var replies: [(Data, String)]
        do {
            let beforeCommit = hooks.beforeCommit.map { hook in { hook(writes.count) } }
            let results = try store.writeGroup(writes, beforeCommit: beforeCommit)
            replies = zip(unique, results).map { command, result in
                switch result {
                case .success((let reply, let stored)):
                    if stored { metrics?.repliesFromDatabase.increment() }
                    return (reply, stored ? "replayed" : "ok")
                case .failure(let error):
                    return failure(command.request, error)
                }
            }
        } catch {
            logger.error("a group commit failed", metadata: ["commands": "\(unique.count)", "error": "\(error)"])
            replies = unique.map { command in
                failure(
                    command.request,
                    CommandError.unavailable(
                        "the service could not commit \(command.request.command) (\(Self.describe(error))); nothing of it was kept: retry with the same id"
                    ))
            }
        }
        return zip(group, sameAs).map { command, sameAs in
            let (reply, outcome) = replies[firstIndex[command.request.id]!]
            return AnsweredCommand(command: command, reply: reply, outcome: sameAs == nil ? outcome : "replayed")
        }
    }

    /// One write command inside its savepoint: its stored reply when its id was applied before,
    /// else its change, events, stored reply and audit entry. Returns the reply and whether it
    /// was stored before.
    private func applyWrite(_ command: PendingCommand, _ transaction: ServiceTransaction) throws -> (Data, Bool) {
        let (entry, request, args) = (command.entry, command.request, command.args)
        if let stored = try StoredReplies.reply(requestID: request.id, transaction.db) {
            return (stored, true)
        }
        transaction.request = request
        transaction.place = try place(of: entry, registry.access[entry.name], args, request, transaction.db, always: true)
        var frame = CommandReply.SuccessFrame(id: request.id)
        try entry.write!(args, transaction, request, &frame.bytes)
        let result = frame.resultJSON
        let reply = frame.finish()
        try StoredReplies.store(reply, requestID: request.id, command: request.command, transaction.db)
        try AuditTrail.append(
            .init(
                who: AuditTrail.who(request), role: request.principal?.role.rawValue, requestID: request.id,
                command: request.command, action: request.command, place: transaction.place,
                before: transaction.recordedBefore, after: result), transaction.db)
        return (reply, false)
    }

    // MARK: Outcomes

    func failure(_ id: String?, _ error: CommandError) -> (Data, String) {
        (CommandReply.failureFrame(id: id, error: error), error.code.rawValue)
    }

    private func failure(_ request: RequestInfo, _ error: any Error) -> (Data, String) {
        switch error {
        case let error as CommandError:
            return failure(request.id, error)
        case let error as DatabaseError where ApplyFailure(error).isTransient:
            // The database cannot work now (disk full, I/O error, busy): nothing of this command was kept.
            logger.warning("database unavailable", metadata: ["id": "\(request.id)", "error": "\(error)"])
            return failure(
                request.id, .unavailable("the service's database cannot take this now (\(error.resultCode)); retry with the same id"))
        case let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT:
            logger.warning("constraint violation", metadata: ["id": "\(request.id)", "error": "\(error)", "traceId": "\(request.traceId)"])
            return failure(request.id, .conflict("the change conflicts with existing data: \(error.message ?? "constraint failed")"))
        default:
            logger.error(
                "handler failed",
                metadata: ["id": "\(request.id)", "command": "\(request.command)", "error": "\(error)", "traceId": "\(request.traceId)"])
            return failure(
                request.id, .internalError("the service failed to handle \(request.command); see its log for request \(request.id)"))
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }

    /// Where a request acts, checked against its sender's scope: a scoped key gets `forbidden`
    /// outside its places, for a command that declares a place but names none, and for a change
    /// by a command that declares no place. `always`: find the place even for an unscoped sender
    /// (for the audit trail of changes; a failure to find it is then left to the handler).
    private func place(
        of entry: CommandRegistry.Entry, _ declared: CommandAccess?, _ args: JSONValue, _ request: RequestInfo, _ db: Database, always: Bool
    ) throws -> CommandPlace? {
        guard let principal = request.principal, !principal.scope.isEverywhere else {
            guard always, let locate = declared?.place else { return nil }
            return try? locate(args, db)
        }
        guard let locate = declared?.place else {
            if entry.isMutating {
                throw CommandError.forbidden(
                    "\(principal.name) may act only in \(principal.scope), and \(entry.name) is not tied to one place")
            }
            return nil
        }
        guard let place = try locate(args, db) else {
            throw CommandError.forbidden("\(principal.name) may act only in \(principal.scope): name a state or district there")
        }
        guard principal.scope.admits(place) else {
            throw CommandError.forbidden("\(principal.name) may act only in \(principal.scope), not in \(place.description)")
        }
        return place
    }
}
