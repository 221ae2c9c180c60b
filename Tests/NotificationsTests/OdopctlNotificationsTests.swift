import Foundation
import ODOPMessages
import ODOPTesting
import Testing

@testable import Notifications

/// The real `odopctl notifications ...` against notifications running in this process.
@Suite("odopctl notifications", .serialized)
struct OdopctlNotificationsTests {
    /// Starts `odopctl` with `arguments`, pointed at `harness`, with a fresh HOME.
    final class Run: @unchecked Sendable {
        let process = Process()
        let out = Pipe(), err = Pipe()
        let home = TemporaryDirectory(prefix: "odopctl-home")

        init(_ arguments: [String], harness: NotificationsHarness) throws {
            process.executableURL = TestEnvironment.executable("odopctl")
            process.arguments = arguments
            var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ODOP_") }
            environment["HOME"] = home.path
            environment["ODOP_NOTIFICATIONS_COMMANDS"] = harness.service.commandsEndpoint
            environment["ODOP_NOTIFICATIONS_EVENTS"] = harness.service.eventsEndpoint
            process.environment = environment
            process.standardOutput = out
            process.standardError = err
            try process.runSerialized()
        }

        /// Waits without holding a cooperative thread, then returns (status, stdout, stderr).
        func finish() async throws -> (Int32, String, String) {
            try await eventuallyAsync("odopctl exits", timeout: .seconds(60)) { !process.isRunning }
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return (process.terminationStatus, stdout, stderr)
        }
    }

    @Test func createTailListAndARefusal() async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        let harness = try NotificationsHarness()
        let (created, createdOut, createdErr) = try await Run(
            [
                "notifications", "subscriptions", "create", "--name", "DEPC Agra", "--role", "DEPC member", "--webhook", receiver.url,
                "--type", "exports.figures.", "--state", "Uttar Pradesh", "--language", "hi", "--json",
            ], harness: harness
        ).finish()
        #expect(created == 0, "\(createdErr)")
        let reply = try WireFormat.parse(Data(createdOut.utf8))
        let secret = try #require(reply["secret"]?.stringValue)
        #expect(secret.hasPrefix("whsec_"))
        #expect(reply["subscription"]?["filter"]?["states"] == .array([.string("UP")]))

        let tail = try Run(["notifications", "deliveries", "tail", "--count", "1", "--for", "60"], harness: harness)
        // A SUB socket hears only what is published after it joined: send events until it has.
        for _ in 0..<100 where tail.process.isRunning {
            try harness.emitFigures(1)
            try await Task.sleep(for: .milliseconds(300))
        }
        let (tailed, tailOut, tailErr) = try await tail.finish()
        #expect(tailed == 0, "\(tailErr)")
        #expect(tailOut.contains("sent") && tailOut.contains("exports.figures.recorded"), "\(tailOut)")
        try StandardWebhooksVerifier.verify(secret: secret, headers: receiver.requests[0].header, body: receiver.requests[0].body)

        let (listed, listOut, _) = try await Run(["notifications", "deliveries", "list", "--status", "sent"], harness: harness).finish()
        #expect(listed == 0)
        #expect(listOut.contains("exports.figures.recorded") && listOut.contains("msg_"))

        let (refused, _, refusedErr) = try await Run(
            [
                "notifications", "subscriptions", "create", "--name", "X", "--role", "Y", "--webhook", "http://10.0.0.1/hook", "--type",
                "exports.",
            ], harness: harness
        ).finish()
        #expect(refused != 0)
        #expect(refusedErr.contains("target"), "\(refusedErr)")
        await harness.stop()
    }
}
