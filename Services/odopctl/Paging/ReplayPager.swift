import ODOPMessages

/// Pages through a service's event log with `events.replay`: from seq `after`, in order,
/// `pageSize` events per request, until the service's `lastSeq` (as it was on the first page)
/// or `limit` events.
struct ReplayPager {
    /// The page size when no smaller `limit` is asked for.
    static let defaultPageSize = 1000

    let connection: ServiceConnection
    var after: Int64
    var limit: Int?

    var pageSize: Int { min(limit ?? Self.defaultPageSize, Self.defaultPageSize) }

    /// Calls `start(lastSeq)` once with the service's last seq from the first page, then
    /// `body(events)` for each non-empty page. Returns the number of events delivered and the
    /// last seq delivered (`after` when none).
    @discardableResult
    func run(
        start: (_ lastSeq: Int64) -> Void,
        body: (_ events: [EventEnvelope]) throws(OdopctlFailure) -> Void
    ) throws(OdopctlFailure) -> (delivered: Int, lastDelivered: Int64) {
        var cursor = after
        var delivered = 0
        var target: Int64?
        while true {
            let wanted = limit.map { min(pageSize, $0 - delivered) } ?? pageSize
            if wanted <= 0 { break }
            let page = try connection.call(EventsReplay.self, EventsReplay.Arguments(after: cursor, limit: wanted))
            if target == nil {
                target = page.lastSeq
                start(page.lastSeq)
            }
            var events = page.events.filter { ($0.seq ?? 0) > cursor }
            if events.count > wanted { events.removeLast(events.count - wanted) }
            guard let last = events.last?.seq else { break }
            try body(events)
            delivered += events.count
            cursor = last
            if cursor >= target ?? 0 { break }
        }
        return (delivered, cursor)
    }
}
