import Crypto
import Foundation

/// The Standard Webhooks verification algorithm, written here from the specification
/// (standardwebhooks.com, "Verifying webhook authenticity"), not from the service's code:
/// strip `whsec_`, base64-decode the key; the signed content is `id.timestamp.body`; the
/// expected signature is base64(HMAC-SHA256(key, content)); `webhook-signature` holds
/// space-delimited `v1,<signature>` entries, any of which may match; the timestamp must be
/// within the tolerance of now.
enum StandardWebhooksVerifier {
    enum Failure: Error, Equatable { case missingHeader, badSecret, timestamp, noMatchingSignature }

    static func verify(secret: String, headers: (String) -> String?, body: Data, tolerance: TimeInterval = 300, now: Date = Date())
        throws(Failure)
    {
        guard let id = headers("webhook-id"), let timestamp = headers("webhook-timestamp"), let signatures = headers("webhook-signature")
        else {
            throw .missingHeader
        }
        guard secret.hasPrefix("whsec_"), let key = Data(base64Encoded: String(secret.dropFirst(6))) else { throw .badSecret }
        guard let seconds = TimeInterval(timestamp), abs(now.timeIntervalSince1970 - seconds) <= tolerance else { throw .timestamp }
        var content = Data("\(id).\(timestamp).".utf8)
        content.append(body)
        let expected = Data(HMAC<SHA256>.authenticationCode(for: content, using: SymmetricKey(data: key))).base64EncodedString()
        for entry in signatures.split(separator: " ") {
            let parts = entry.split(separator: ",", maxSplits: 1)
            if parts.count == 2, parts[0] == "v1", String(parts[1]) == expected { return }
        }
        throw .noMatchingSignature
    }
}
