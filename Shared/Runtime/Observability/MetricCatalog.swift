/// Every metric the runtime exports, with its help text: one table, used to register the
/// families with their `# HELP` lines and by docs/OPERATIONS.md's test (every name documented).
///
/// Conventions (Prometheus): the `odop_` prefix, `_total` for counters, base units (`_seconds`,
/// `_bytes`), and bounded labels only — command names known to the service (an unknown name is
/// `command="unknown"`), outcomes (`ok`, `replayed` or an error code), followed sources, states,
/// loop names. Never an id or a free text.
public enum MetricCatalog {
    public static let commands = "odop_commands_total"
    public static let commandDuration = "odop_command_duration_seconds"
    public static let idempotentReplies = "odop_idempotent_replies_total"
    public static let eventsAppended = "odop_events_appended_total"
    public static let eventsPublished = "odop_events_published_total"
    public static let replayRequests = "odop_replay_requests_total"
    public static let lastSeq = "odop_last_seq"
    public static let subscriptionLag = "odop_subscription_lag_events"
    public static let subscriptionLastApplied = "odop_subscription_last_applied_seq"
    public static let subscriptionState = "odop_subscription_state"
    public static let subscriptionStalled = "odop_subscription_stalled_events"
    public static let loopBeatAge = "odop_loop_seconds_since_beat"
    public static let databaseSize = "odop_database_size_bytes"
    public static let walSize = "odop_database_wal_size_bytes"
    public static let residentMemory = "odop_process_resident_memory_bytes"
    public static let openFileDescriptors = "odop_process_open_fds"

    /// Name → help text, for every runtime metric.
    public static let help: [String: String] = [
        commands:
            "Command requests answered, by command name (unknown for names the service does not know) and outcome (ok, replayed, or the error code).",
        commandDuration: "Time from receiving a command request to sending its reply, by command name.",
        idempotentReplies: "Replies served again for a request id seen before, by where the reply was kept (memory or database).",
        eventsAppended: "Events written to this service's event log (committed or rolled back with their transaction).",
        eventsPublished: "Events sent on this service's PUB socket after their commit.",
        replayRequests: "events.replay requests answered (followers catching up).",
        lastSeq: "The seq of the last event this service committed.",
        subscriptionLag: "Per followed source, the source's last known seq minus the last seq applied here.",
        subscriptionLastApplied: "Per followed source, the last seq applied here (stored with its effects).",
        subscriptionState:
            "Per followed source, 1 for its current state (catching_up, running, stalled, disconnected) and 0 for the others.",
        subscriptionStalled:
            "Per followed source, the number of events the subscription is stopped at (1 while stalled, waiting for an admin's retry or skip).",
        loopBeatAge:
            "Per loop of the service (commands, publisher, follows-SOURCE), seconds since it last went round; /healthz fails when one is stale.",
        databaseSize: "Size of the service's SQLite database file.",
        walSize: "Size of the database's write-ahead log file.",
        residentMemory: "Resident memory of the process.",
        openFileDescriptors: "File descriptors the process has open.",
    ]

    /// Help for a metric outside the table (a service's domain gauge that gave none).
    static func help(for name: String) -> String {
        help[name] ?? "ODOP metric \(name)."
    }
}
