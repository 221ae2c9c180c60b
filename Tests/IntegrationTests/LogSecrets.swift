import Foundation
import ODOPTesting
import Testing

/// The secrets a security test handed to the services, and a scan of the services' logs for
/// them (issue 12: keys never appear in logs; a webhook secret only in the one reply that
/// creates it).
///
/// A log line leaks when it holds one of the known secrets (the contents of every secret key
/// file of the deployment, the webhook secrets the test was given) or anything shaped like a
/// webhook secret (`whsec_` and base64), known to the test or not.
struct LogSecrets {
    /// What each secret is (for the failure message) and its value.
    private(set) var secrets: [(label: String, value: String)] = []

    /// The secret key files' contents of every key pair in `deployment`, and `webhookSecrets`.
    init(_ deployment: SecureDeployment, webhookSecrets: [String] = []) throws {
        for name in deployment.secretKeys.keys.sorted() {
            let contents = try String(contentsOfFile: deployment.secretPath(name), encoding: .utf8)
            secrets.append(("the secret key file of \(name)", contents.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        for (index, secret) in webhookSecrets.enumerated() { secrets.append(("webhook secret \(index + 1)", secret)) }
    }

    /// A webhook secret as odop-notifications makes them: `whsec_` and the base64 of 32 bytes.
    private static var webhookSecretShape: Regex<Substring> { #/whsec_[A-Za-z0-9+/=]{16,}/# }

    /// The lines of `log` that hold a secret, each with what it holds.
    func leaks(in log: String) -> [String] {
        log.split(separator: "\n").compactMap { line in
            if let secret = secrets.first(where: { line.contains($0.value) }) { return "\(secret.label): \(line)" }
            if line.contains(Self.webhookSecretShape) { return "a webhook secret: \(line)" }
            return nil
        }
    }

    /// Stops `services` (so that their logs are complete) and records an issue for every line of
    /// their logs that holds a secret. It first makes sure the scan would catch a line holding
    /// each secret, so that a clean result means something.
    func expectNone(in services: [ServiceProcess], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!secrets.isEmpty, "no secrets to look for", sourceLocation: sourceLocation)
        for secret in secrets {
            let synthetic = #"2026-12-02T06:00:00Z info [ODOPRuntime] command=x who=y detail="\#(secret.value)""#
            #expect(
                leaks(in: "first line\n\(synthetic)\nlast line").count == 1, "the scan misses \(secret.label)",
                sourceLocation: sourceLocation)
        }
        #expect(
            leaks(in: "delivery signed with whsec_\(Data(repeating: 7, count: 32).base64EncodedString())").count == 1,
            "the scan misses an unknown webhook secret", sourceLocation: sourceLocation)
        for service in services {
            service.stop()
            let log = service.logText()
            #expect(!log.isEmpty, "odop-\(service.service) wrote no log to scan", sourceLocation: sourceLocation)
            let found = leaks(in: log)
            #expect(
                found.isEmpty, "odop-\(service.service) logged a secret:\n\(found.joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
    }
}
