import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ODOPMessages

/// Sends a message as a Standard Webhooks request: `POST` of the body with `content-type:
/// application/json`, `webhook-id`, `webhook-timestamp` (seconds since 1970, the attempt's time),
/// `webhook-signature` (one `v1,` signature per secret in force) and `traceparent` when the event
/// had one.
///
/// A 2xx within `timeout` is delivered; 410 is `gone`; 429 and 503 carry their `Retry-After`;
/// anything else, a redirect (never followed), a timeout or a refused address is a failure.
/// Before each request the target's host is resolved and every address checked against the
/// `AddressPolicy`, so a refused address is never connected to. One `HTTPClient` serves every
/// subscription: connections to a receiver are pooled and reused.
public final class WebhookChannel: DeliveryChannel {
    let client: HTTPClient
    let policy: AddressPolicy
    let resolver: any HostResolver
    let timeout: TimeInterval

    public init(
        policy: AddressPolicy, resolver: any HostResolver = SystemHostResolver(), timeout: TimeInterval = 15,
        connectTimeout: TimeInterval = 5
    ) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(connectTimeout * 1000)), read: .milliseconds(Int64(timeout * 1000))))
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 16)
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.policy = policy
        self.resolver = resolver
        self.timeout = timeout
    }

    /// Closes the pooled connections. Call once, when the service stops.
    public func shutdown() async {
        try? await client.shutdown()
    }

    public func send(_ message: OutgoingMessage) async -> AttemptOutcome {
        guard let url = URLComponents(string: message.target), let host = url.host, !host.isEmpty else {
            return .failed(status: nil, error: "'\(message.target)' is not a URL", retryAfter: nil)
        }
        if let refusal = policy.refusal(forURL: message.target) {
            return .failed(status: nil, error: "refused: \(refusal)", retryAfter: nil)
        }
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        let addresses = await resolver.addresses(of: host, port: port)
        if let refusal = policy.refusal(forResolved: addresses, host: host) {
            return .failed(status: nil, error: "refused: \(refusal)", retryAfter: nil)
        }

        let timestamp = Int64(Date().timeIntervalSince1970)
        var request = HTTPClientRequest(url: message.target)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "user-agent", value: "odop-notifications")
        request.headers.add(name: "webhook-id", value: message.id)
        request.headers.add(name: "webhook-timestamp", value: String(timestamp))
        request.headers.add(
            name: "webhook-signature",
            value: WebhookSignature.header(
                id: message.id, timestamp: timestamp, body: message.body, secrets: message.secrets))
        if let traceparent = message.traceparent { request.headers.add(name: "traceparent", value: traceparent) }
        request.body = .bytes(ByteBuffer(bytes: message.body))

        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
            _ = try? await response.body.collect(upTo: 64 * 1024)  // drain, so the connection is reused
            let status = Int(response.status.code)
            switch status {
            case 200..<300:
                return .delivered(status: status)
            case 410:
                return .gone(status: status)
            case 300..<400:
                return .failed(
                    status: status, error: "redirect to \(response.headers.first(name: "location") ?? "?") not followed", retryAfter: nil)
            case 429, 503:
                return .failed(
                    status: status, error: "HTTP \(status)", retryAfter: Self.retryAfter(response.headers.first(name: "retry-after")))
            default:
                return .failed(status: status, error: "HTTP \(status)", retryAfter: nil)
            }
        } catch {
            return .failed(status: nil, error: Self.describe(error), retryAfter: nil)
        }
    }

    /// `Retry-After` as seconds: delta-seconds, or an HTTP date.
    static func retryAfter(_ value: String?) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value), seconds >= 0 { return TimeInterval(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return max(0, date.timeIntervalSinceNow)
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            if error == .deadlineExceeded || error == .readTimeout { return "no response within the timeout" }
            if error == .connectTimeout { return "connection timed out" }
            return "HTTP client: \(error)"
        }
        return "\(error)"
    }
}
