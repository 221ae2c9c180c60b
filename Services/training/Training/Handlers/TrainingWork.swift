import GRDB
import ODOPMessages
import ODOPRuntime

/// What every training handler needs: the deployment's identity key and clock.
public struct TrainingContext: Sendable {
    public let identityKey: IdentityKey
    public let clock: TrainingClock

    public init(identityKey: IdentityKey, clock: TrainingClock) {
        self.identityKey = identityKey
        self.clock = clock
    }
}

/// One change in progress: the transaction, "now" read once from the clock (so a command sees
/// one date throughout), and the events it will emit.
///
/// Events are held until the handler has succeeded and then written to the outbox in order, so
/// that a part undone by a savepoint (a refused row of `applications.import`) emits nothing.
final class TrainingWork {
    let transaction: ServiceTransaction
    let context: TrainingContext
    let today: CalendarDay
    let now: String
    private var events: [any EventPayload] = []

    init(_ transaction: ServiceTransaction, _ context: TrainingContext) {
        self.transaction = transaction
        self.context = context
        let instant = context.clock.now()
        today = CalendarDay(instant)
        now = RFC3339.string(from: instant)
    }

    var db: Database { transaction.db }

    func emit(_ payload: some EventPayload) {
        events.append(payload)
    }

    /// Adds a domain entry to the audit trail in this transaction (who, when and the request
    /// come from the command): a decision, an override, a payment, an erasure. `details` never
    /// hold an artisan's personal data (name, mobile, Aadhaar, bank account).
    func audit(_ action: String, subject: String, details: JSONValue?) throws {
        try transaction.audit(action: action, subject: subject, details: details)
    }

    /// Writes the held events to the outbox, in order.
    func flush() throws {
        for event in events { try transaction.emit(event) }
        events = []
    }

    /// Runs `body` in a savepoint: when it throws, its database changes and its events are
    /// undone and the error is rethrown.
    func undoable<T>(_ body: () throws -> T) throws -> T {
        let mark = events.count
        var result: T?
        do {
            try db.inSavepoint {
                result = try body()
                return .commit
            }
        } catch {
            events.removeSubrange(mark...)
            throw error
        }
        return result!
    }
}

extension CommandRegistry {
    /// Registers a mutating training command: the handler gets a `TrainingWork`, whose events
    /// are emitted when it returns.
    mutating func change<C: CommandSchema>(
        _ command: C.Type, _ context: TrainingContext,
        _ body: @escaping @Sendable (C.Arguments, TrainingWork) throws -> C.Result
    ) {
        write(command) { args, transaction in
            let work = TrainingWork(transaction, context)
            let result = try body(args, work)
            try work.flush()
            return result
        }
    }
}
