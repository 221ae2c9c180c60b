import Foundation
import Logging

/// Writes one log line per message (its id, type and the target label); for operators and
/// development. Always delivered.
public struct LogChannel: DeliveryChannel {
    let logger: Logger
    public init(logger: Logger) { self.logger = logger }

    public func send(_ message: OutgoingMessage) async -> AttemptOutcome {
        logger.info(
            "notification",
            metadata: [
                "webhookId": "\(message.id)", "type": "\(message.type)", "label": "\(message.target)",
                "subscription": "\(message.subscriptionId)", "bytes": "\(message.body.count)",
            ])
        return .delivered(status: nil)
    }
}
