/// Token buckets per client for the command socket (used by the command thread only).
///
/// Contract: each client (its key name, or its peer routing id when the service runs open)
/// starts with `burst` tokens, earns `perSecond` a second up to `burst`, and spends one per
/// request; a request without a token is answered at once with `unavailable` and a retry hint
/// (`retryAfterMs`), so a flooding client never queues work ahead of others. Buckets idle long
/// enough to be full again are forgotten.
struct ClientRateLimiter {
    let limit: RateLimit
    private var buckets: [String: Bucket] = [:]

    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    init(_ limit: RateLimit) { self.limit = limit }

    /// Takes a token for `client`; returns nil when allowed, else the milliseconds until one is
    /// earned.
    mutating func take(for client: String, now: ContinuousClock.Instant = .now) -> Int? {
        var bucket = buckets[client] ?? Bucket(tokens: Double(limit.burst), updated: now)
        let elapsed = now - bucket.updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        bucket.tokens = min(Double(limit.burst), bucket.tokens + seconds * Double(limit.perSecond))
        bucket.updated = now
        defer { buckets[client] = bucket }
        if bucket.tokens >= 1 {
            bucket.tokens -= 1
            return nil
        }
        return max(1, Int(((1 - bucket.tokens) / Double(limit.perSecond) * 1000).rounded(.up)))
    }

    /// Forgets buckets that would be full by `now`.
    mutating func prune(now: ContinuousClock.Instant = .now) {
        let refill = Duration.seconds(Double(limit.burst) / Double(limit.perSecond))
        buckets = buckets.filter { now - $0.value.updated < refill }
    }
}
