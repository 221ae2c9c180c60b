import Crypto
import Foundation

/// Deterministic ids: a delivery's `webhook-id` comes from what it delivers, so that every
/// attempt, a replay, and a delivery recreated after a restore carry the same one (the
/// receiver's idempotency key).
public enum DeliveryIdentity {
    /// `msg_` + 32 hex digits of SHA-256(event id, subscription id).
    public static func webhookId(eventId: String, subscriptionId: String) -> String {
        "msg_" + digest("event|\(eventId)|\(subscriptionId)")
    }

    /// `msg_` + 32 hex digits of SHA-256(subscription id, window start) for a digest window.
    public static func digestId(subscriptionId: String, windowStart: Date) -> String {
        "msg_" + digest("digest|\(subscriptionId)|\(Int64(windowStart.timeIntervalSince1970))")
    }

    /// A new subscription id: `sub_` + 26 random lowercase letters and digits.
    public static func newSubscriptionId() -> String {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var generator = SystemRandomNumberGenerator()
        return "sub_" + String((0..<26).map { _ in alphabet.randomElement(using: &generator)! })
    }

    private static func digest(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}
