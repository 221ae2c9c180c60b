import Foundation
import ODOPRuntime

/// The notifications service's own settings, from the environment (each also documented in
/// README.md and PROTOCOL.md):
/// - `ODOP_WEBHOOK_ALLOW_PRIVATE`: `none` (default), `loopback` (tests, local start) or `private`.
/// - `ODOP_RETRY_SCHEDULE`: delays before each attempt, e.g. `0,5s,5m,30m,2h,5h,10h,14h,20h,24h`
///   (the default, Standard Webhooks'); a bare number is milliseconds.
/// - `ODOP_RETRY_JITTER`: the largest jitter as a fraction of a delay (default 0.1).
/// - `ODOP_WEBHOOK_TIMEOUT_MS`: how long a receiver has to answer (default 15000).
/// - `ODOP_WEBHOOK_CONNECT_TIMEOUT_MS`: how long connecting may take, retries included (default 5000).
/// - `ODOP_DISABLE_AFTER_DAYS`: continuous failure that disables a subscription (default 5).
/// - `ODOP_DELIVERY_CONCURRENCY`: attempts in flight at once (default 32).
public struct NotificationsSettings: Sendable {
    public var schedule: RetrySchedule = .standard
    public var addressPolicy = AddressPolicy(allowance: .none)
    public var webhookTimeout: TimeInterval = 15
    public var connectTimeout: TimeInterval = 5
    public var disableAfter: TimeInterval = 5 * 86_400
    public var concurrency = 32
    /// How long the old secret still signs after a rotation.
    public var rotationOverlap: TimeInterval = 86_400
    /// How often the worker looks for due work when nothing wakes it.
    public var pollInterval: Duration = .milliseconds(200)

    public init() {}

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(StartupError)
        -> NotificationsSettings
    {
        var settings = NotificationsSettings()
        let env = environment.filter { !$0.value.isEmpty }
        if let value = env["ODOP_WEBHOOK_ALLOW_PRIVATE"] {
            guard let allowance = AddressPolicy.Allowance(rawValue: value.lowercased()) else {
                throw .configuration("ODOP_WEBHOOK_ALLOW_PRIVATE must be none, loopback or private; got '\(value)'")
            }
            settings.addressPolicy = AddressPolicy(allowance: allowance)
        }
        var jitter = 0.1
        if let value = env["ODOP_RETRY_JITTER"] {
            guard let parsed = Double(value), (0...1).contains(parsed) else {
                throw .configuration("ODOP_RETRY_JITTER must be a fraction from 0 to 1; got '\(value)'")
            }
            jitter = parsed
            settings.schedule.jitter = parsed
        }
        if let value = env["ODOP_RETRY_SCHEDULE"] {
            guard let schedule = RetrySchedule.parse(value, jitter: jitter) else {
                throw .configuration("ODOP_RETRY_SCHEDULE must be delays like 0,5s,5m,2h (bare numbers are ms); got '\(value)'")
            }
            settings.schedule = schedule
        }
        if let value = env["ODOP_WEBHOOK_TIMEOUT_MS"] {
            guard let ms = Int(value), ms > 0 else {
                throw .configuration("ODOP_WEBHOOK_TIMEOUT_MS must be a positive integer; got '\(value)'")
            }
            settings.webhookTimeout = TimeInterval(ms) / 1000
        }
        if let value = env["ODOP_WEBHOOK_CONNECT_TIMEOUT_MS"] {
            guard let ms = Int(value), ms > 0 else {
                throw .configuration("ODOP_WEBHOOK_CONNECT_TIMEOUT_MS must be a positive integer; got '\(value)'")
            }
            settings.connectTimeout = TimeInterval(ms) / 1000
        }
        if let value = env["ODOP_DISABLE_AFTER_DAYS"] {
            guard let days = Double(value), days > 0 else {
                throw .configuration("ODOP_DISABLE_AFTER_DAYS must be a positive number; got '\(value)'")
            }
            settings.disableAfter = days * 86_400
        }
        if let value = env["ODOP_DELIVERY_CONCURRENCY"] {
            guard let count = Int(value), (1...1024).contains(count) else {
                throw .configuration("ODOP_DELIVERY_CONCURRENCY must be 1 to 1024; got '\(value)'")
            }
            settings.concurrency = count
        }
        return settings
    }
}
