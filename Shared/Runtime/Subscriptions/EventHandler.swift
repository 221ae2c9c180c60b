import ODOPMessages

/// Applies one source's events to this service's state.
///
/// `apply` runs inside the transaction that also advances the subscription's cursor, so an
/// event's effects and the record that it was applied commit together: an event is applied once
/// even when it is delivered twice. Events the handler does not care about should simply return.
///
/// Throwing rolls the event back. What happens next depends on what was thrown (see
/// `ApplyFailure`): a failure of the database itself (disk full, I/O error, busy or locked) says
/// nothing about the event and is retried with backoff for as long as it lasts; anything else is
/// the handler refusing the event, which is retried a few times and then stalls the subscription
/// at that event until an admin retries or skips it.
public protocol EventHandler: Sendable {
    func apply(_ event: EventEnvelope, in transaction: ServiceTransaction) throws
}
