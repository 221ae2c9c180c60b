import ArgumentParser
import ODOPMessages

/// `odopctl events replay`: a service's event log, in order, through `events.replay`.
struct EventsReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Print a service's stored events, in seq order.",
        discussion: """
            Pages through the service's events.replay (up to 1000 events per request) from the \
            event after seq --after, until the last event the service had when the replay \
            started, or until --limit events. Each event is printed on one line as in events \
            tail, or as one JSON line with --json. Heartbeats are never stored, so never \
            replayed.

            When stderr is a terminal and the replay is long, a progress bar shows on stderr; \
            stdout stays clean for redirection.

            Examples:
              odopctl events replay --service catalogue
              odopctl events replay --service catalogue --after 1200 --limit 50
              odopctl events replay --service exports --json > exports-events.jsonl
            """
    )

    @Option(help: ArgumentHelp("The service whose events to replay.", valueName: "service"))
    var service: ServiceName

    @Option(help: ArgumentHelp("Start after this seq; 0 replays from the first event.", valueName: "seq"))
    var after: Int64 = 0

    @Option(help: ArgumentHelp("At most this many events. (default: all)", valueName: "n"))
    var limit: Int?

    @OptionGroup var global: GlobalOptions

    /// Replays of more than two pages get a progress bar (the whole ODOP list is ~2,000
    /// catalogue events).
    static let progressThreshold = Int64(2 * ReplayPager.defaultPageSize + 1)

    func validate() throws {
        if after < 0 { throw ValidationError("--after must be at least 0, got \(after)") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
    }

    func run() throws {
        let settings = try global.resolve()
        let connection = try settings.connection(to: service)
        let pager = ReplayPager(connection: connection, after: after, limit: limit)
        let stdoutIsTerminal = StandardStream.output.isTerminal
        var progress: ProgressBar?
        var lastSeq: Int64 = 0
        var delivered = 0
        let outcome: (delivered: Int, lastDelivered: Int64)
        do {
            outcome = try pager.run(
                start: { last in
                    lastSeq = last
                    let expected = min(max(last - after, 0), Int64(limit ?? Int.max))
                    progress = ProgressBar.start(
                        label: "replay \(service.rawValue)", total: expected, threshold: Self.progressThreshold)
                },
                body: { events in
                    let text = events.map { EventLine.line($0, json: global.json) + "\n" }.joined()
                    delivered += events.count
                    if let progress, stdoutIsTerminal {
                        progress.printing(completed: Int64(delivered)) { StandardStream.output.write(text) }
                    } else {
                        StandardStream.output.write(text)
                        progress?.update(completed: Int64(delivered))
                    }
                })
        } catch {
            progress?.erase()
            throw error
        }
        progress?.finish()
        if !global.json {
            let range =
                outcome.delivered > 0 ? " (seq \(outcome.lastDelivered - Int64(outcome.delivered) + 1)...\(outcome.lastDelivered))" : ""
            StandardStream.error.writeLine(
                "\(outcome.delivered) event(s) from \(service.rawValue)\(range); its last seq is \(lastSeq)")
        }
    }
}
