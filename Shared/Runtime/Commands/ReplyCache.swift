import Foundation

/// Recent replies by request id, in memory, bounded by count and bytes (oldest evicted first).
///
/// It answers a retried request of any kind without running it again. Replies to mutating
/// commands are also stored durably (`command_replies`), so their retries are safe across
/// restarts and after eviction. Used by the command server's thread only.
struct ReplyCache {
    private var replies: [String: Data] = [:]
    private var order: [String] = []
    private var head = 0
    private var bytes = 0
    let maxEntries: Int
    let maxBytes: Int

    init(maxEntries: Int = 10_000, maxBytes: Int = 16 * 1024 * 1024) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
    }

    func reply(for id: String) -> Data? { replies[id] }

    mutating func store(_ reply: Data, for id: String) {
        guard reply.count <= maxBytes / 16 else { return }
        // One lookup: the first reply stored for an id stays (put back in the rare case).
        if let first = replies.updateValue(reply, forKey: id) {
            replies[id] = first
            return
        }
        order.append(id)
        bytes += reply.count
        while replies.count > maxEntries || bytes > maxBytes {
            let oldest = order[head]
            head += 1
            if let evicted = replies.removeValue(forKey: oldest) { bytes -= evicted.count }
        }
        if head > 4096 && head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
