import Foundation
import GRDB
import ODOPMessages

/// The commands a service answers, by name, each bound to a typed handler.
///
/// Three kinds of handler:
/// - `read`: runs on a read-only snapshot (`ReadContext`), concurrently with writes.
/// - `write`: runs inside one write transaction (`ServiceTransaction`) together with the events it
///   emits and the stored reply; a thrown error rolls all of it back.
/// - `plain`: needs no database (or manages its own), e.g. `health`.
///
/// Arguments are decoded strictly before the handler runs (an `invalid_argument` reply names the
/// field) and validated when they are `ValidatableArguments`. Handlers throw `CommandError` for
/// domain refusals; any other error becomes `internal`.
public struct CommandRegistry: Sendable {
    enum Kind: Sendable { case read, write, plain }

    struct Entry: Sendable {
        let name: String
        let kind: Kind
        let isMutating: Bool
        // Each handler appends its result's JSON to the reply frame being built (the last
        // argument, `CommandReply.SuccessFrame.bytes`): no buffer of the result's own.
        let read: (@Sendable (JSONValue, ReadContext, inout [UInt8]) throws -> Void)?
        let write: (@Sendable (JSONValue, ServiceTransaction, RequestInfo, inout [UInt8]) throws -> Void)?
        let plain: (@Sendable (JSONValue, RequestInfo, inout [UInt8]) throws -> Void)?
        /// Decodes and validates the arguments only: set for plain commands that change data,
        /// which the command thread checks before queueing them on their lane (see `CommandServer`).
        var checkArguments: (@Sendable (JSONValue) throws(CommandError) -> Void)? = nil
    }

    private(set) var entries: [String: Entry] = [:]
    /// Declared roles and places, by command name (`CommandAccess`).
    var access: [String: CommandAccess] = [:]

    public init() {}

    /// The registered command names, sorted.
    public var names: [String] { entries.keys.sorted() }

    /// Registers a command answered from a read-only snapshot.
    public mutating func read<C: CommandSchema>(
        _ command: C.Type, _ handler: @escaping @Sendable (C.Arguments, ReadContext) throws -> C.Result
    ) {
        add(
            Entry(
                name: C.name, kind: .read, isMutating: C.isMutating,
                read: { args, context, reply in
                    try WireFormat.encode(try handler(try C.decodeArguments(args), context), appendingTo: &reply)
                }, write: nil, plain: nil))
    }

    /// Registers a command that changes state in one transaction.
    public mutating func write<C: CommandSchema>(
        _ command: C.Type, _ handler: @escaping @Sendable (C.Arguments, ServiceTransaction) throws -> C.Result
    ) {
        add(
            Entry(
                name: C.name, kind: .write, isMutating: true, read: nil,
                write: { args, transaction, _, reply in
                    try WireFormat.encode(try handler(try C.decodeArguments(args), transaction), appendingTo: &reply)
                }, plain: nil))
    }

    /// Registers a command that needs no transaction from the runtime.
    public mutating func plain<C: CommandSchema>(
        _ command: C.Type, _ handler: @escaping @Sendable (C.Arguments, RequestInfo) throws -> C.Result
    ) {
        let check: @Sendable (JSONValue) throws(CommandError) -> Void = { args throws(CommandError) in
            _ = try C.decodeArguments(args)
        }
        add(
            Entry(
                name: C.name, kind: .plain, isMutating: C.isMutating, read: nil, write: nil,
                plain: { args, request, reply in
                    try WireFormat.encode(try handler(try C.decodeArguments(args), request), appendingTo: &reply)
                },
                checkArguments: C.isMutating ? check : nil))
    }

    /// Registers a read command whose handler appends its result's JSON to the reply frame itself
    /// (for large results assembled from stored JSON, like `events.replay`). On a throw the
    /// frame is discarded.
    mutating func readRaw<C: CommandSchema>(
        _ command: C.Type, _ handler: @escaping @Sendable (C.Arguments, ReadContext, inout [UInt8]) throws -> Void
    ) {
        add(
            Entry(
                name: C.name, kind: .read, isMutating: C.isMutating,
                read: { args, context, reply in
                    try handler(try C.decodeArguments(args), context, &reply)
                }, write: nil, plain: nil))
    }

    private mutating func add(_ entry: Entry) {
        precondition(entries[entry.name] == nil, "command \(entry.name) registered twice")
        entries[entry.name] = entry
    }
}
