import Crypto
import Foundation

/// Standard Webhooks signing: `webhook-signature` is `v1,` + base64(HMAC-SHA256(key,
/// "<webhook-id>.<webhook-timestamp>.<body>")), where the key is the base64 part of a
/// `whsec_<base64>` secret. Several signatures (during a rotation) are separated by spaces.
public enum WebhookSignature {
    /// A new secret: 32 random bytes, `whsec_<base64>`.
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return "whsec_" + Data(bytes).base64EncodedString()
    }

    /// The key bytes of a `whsec_` secret, or nil when it is not one.
    public static func key(of secret: String) -> Data? {
        guard secret.hasPrefix("whsec_") else { return nil }
        return Data(base64Encoded: String(secret.dropFirst("whsec_".count)))
    }

    /// `v1,<base64>` for one secret.
    public static func sign(id: String, timestamp: Int64, body: Data, secret: String) -> String {
        let key = SymmetricKey(data: key(of: secret) ?? Data(secret.utf8))
        var content = Data("\(id).\(timestamp).".utf8)
        content.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: content, using: key)
        return "v1," + Data(mac).base64EncodedString()
    }

    /// The header value for every secret in force, newest first, space-separated.
    public static func header(id: String, timestamp: Int64, body: Data, secrets: [String]) -> String {
        secrets.map { sign(id: id, timestamp: timestamp, body: body, secret: $0) }.joined(separator: " ")
    }
}
