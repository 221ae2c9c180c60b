import ODOPClient
import ODOPMessages

/// The catch-up half of the Clone pattern: asks the source's `events.replay` for the events
/// after the cursor, one page at a time, and checks that a page continues the cursor without
/// gaps before anything is applied.
struct CatchUp: Sendable {
    let client: CommandClient
    let pageSize: Int

    enum Page: Sendable {
        /// Consecutive events starting right after the cursor; `lastSeq` is the source's newest.
        case events([EventEnvelope], lastSeq: Int64, epoch: String?)
        /// Nothing newer than the cursor.
        case caughtUp(lastSeq: Int64, epoch: String?)
        /// The source answered events that do not continue the cursor (a bug or a restore).
        case outOfOrder(first: Int64?)
    }

    /// The next page after `cursor`. Throws what the call threw (the source is down, or the
    /// call was interrupted).
    func page(after cursor: Int64) throws -> Page {
        let page = try client.call(
            EventsReplay.self, .init(after: cursor, limit: pageSize), readingReply: EventsReplay.page(fromReply:requestID:))
        guard let first = page.events.first else { return .caughtUp(lastSeq: page.lastSeq, epoch: page.epoch) }
        // By index: zipping the array with itself copied every envelope twice (callgrind).
        let events = page.events
        guard first.seq == cursor + 1, events.indices.dropFirst().allSatisfy({ (events[$0 - 1].seq ?? 0) + 1 == events[$0].seq })
        else { return .outOfOrder(first: first.seq) }
        return .events(page.events, lastSeq: page.lastSeq, epoch: page.epoch)
    }
}
