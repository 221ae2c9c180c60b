import ODOPMessages

/// What `events tail` notices about each source besides its events: a seq gap (PUB dropped
/// events) and silence (not even a heartbeat: the service is probably down).
struct SourceWatch {
    /// Silence longer than this is reported (heartbeats come every second by default).
    static let silenceLimit = Duration.seconds(10)

    private struct Source {
        var endpoint: String
        var lastHeard: ContinuousClock.Instant
        var lastSeq: Int64?
        var silent = false
    }

    private var sources: [String: Source] = [:]
    private let clock = ContinuousClock()

    init(_ sources: [(name: String, endpoint: String)]) {
        let now = clock.now
        for source in sources {
            self.sources[source.name] = Source(endpoint: source.endpoint, lastHeard: now)
        }
    }

    /// Notes a message from `name`; returns notes for stderr (a gap, or the source being back).
    mutating func heard(_ envelope: EventEnvelope, from name: String) -> [String] {
        guard var source = sources[name] else { return [] }
        var notes: [String] = []
        if source.silent {
            notes.append("note: \(name) at \(source.endpoint) is publishing again")
            source.silent = false
        }
        source.lastHeard = clock.now
        if let seq = envelope.seq {
            if let last = source.lastSeq, seq > last + 1 {
                notes.append(
                    "note: missed \(name) events \(last + 1)...\(seq - 1) (the live stream drops what it cannot deliver); "
                        + "see them with: odopctl events replay --service \(name) --after \(last) --limit \(seq - 1 - last)")
            }
            source.lastSeq = max(seq, source.lastSeq ?? 0)
        }
        sources[name] = source
        return notes
    }

    /// Warnings for sources silent for longer than `silenceLimit`, once per silent spell.
    mutating func checkSilence() -> [String] {
        let now = clock.now
        var warnings: [String] = []
        for (name, var source) in sources.sorted(by: { $0.key < $1.key }) where !source.silent {
            guard now - source.lastHeard > Self.silenceLimit else { continue }
            source.silent = true
            sources[name] = source
            warnings.append(
                "warning: nothing from \(name) at \(source.endpoint) for \(Self.silenceLimit) (not even a heartbeat): "
                    + "is odop-\(name) running?")
        }
        return warnings
    }
}
