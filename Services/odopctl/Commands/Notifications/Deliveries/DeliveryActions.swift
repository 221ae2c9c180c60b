import ArgumentParser
import ODOPMessages

// The deliveries commands that act on one delivery or a range: show, retry, skip, replay.

/// `odopctl notifications deliveries show`: `delivery.get`.
struct DeliveriesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one delivery: its attempts, last status and error, next attempt.",
        discussion: "Example:\n  odopctl notifications deliveries show msg_495e18aa67437492efd3d281f5abe92a")
    @Argument(help: ArgumentHelp("The delivery's id (its webhook-id).", valueName: "id")) var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (json, delivery) = try global.resolve().connection(to: .notifications).callKeepingJSON(DeliveryGet.self, .init(id: id))
        DeliveryViews.print(delivery, json: json, asJSON: global.json)
    }
}

/// `odopctl notifications deliveries retry`: `delivery.retry`, or `deliveries.retry` with --since.
struct DeliveriesRetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Send a dead delivery again (same id), or every one that died since a time.",
        discussion: """
            With an id: that dead (or skipped) delivery is pending again from its first attempt. \
            With --since (RFC 3339): every delivery that died at or after that time, of \
            --subscription or of all; prints how many.

            Examples:
              odopctl notifications deliveries retry msg_495e18aa67437492efd3d281f5abe92a
              odopctl notifications deliveries retry --since 2026-11-26T00:00:00Z --subscription sub_3k9x7m2q8r4t6v1w5y0z2a4c6e
            """)
    @Argument(help: ArgumentHelp("The dead delivery's id.", valueName: "id")) var id: String?
    @Option(help: ArgumentHelp("Every delivery that died at or after this time (RFC 3339).", valueName: "time")) var since: String?
    @Option(name: .customLong("subscription"), help: ArgumentHelp("With --since: only this subscription's.", valueName: "id"))
    var subscriptionId: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if (id == nil) == (since == nil) { throw ValidationError("give a delivery id or --since, not both") }
        if subscriptionId != nil && since == nil { throw ValidationError("--subscription goes with --since") }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .notifications)
        if let id {
            let (json, delivery) = try connection.callKeepingJSON(DeliveryRetry.self, .init(id: id))
            DeliveryViews.print(delivery, json: json, asJSON: global.json)
        } else if let since {
            let (json, result) = try connection.callKeepingJSON(DeliveriesRetry.self, .init(since: since, subscriptionId: subscriptionId))
            StandardStream.output.write(global.json ? JSONText.compact(json) + "\n" : "\(result.count) dead deliveries pending again\n")
        }
    }
}

/// `odopctl notifications deliveries skip`: `delivery.skip`.
struct DeliveriesSkipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skip", abstract: "Give up on a dead or pending delivery, so that it no longer blocks its subscription.",
        discussion: "Example:\n  odopctl notifications deliveries skip msg_495e18aa67437492efd3d281f5abe92a")
    @Argument(help: ArgumentHelp("The delivery's id.", valueName: "id")) var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (json, delivery) = try global.resolve().connection(to: .notifications).callKeepingJSON(DeliverySkip.self, .init(id: id))
        DeliveryViews.print(delivery, json: json, asJSON: global.json)
    }
}

/// `odopctl notifications deliveries replay`: `deliveries.replay`.
struct DeliveriesReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "Send a subscription's deliveries made in a time range again, in order, with their ids.",
        discussion: """
            Example:
              odopctl notifications deliveries replay sub_3k9x7m2q8r4t6v1w5y0z2a4c6e \\
                  --from 2026-11-23T00:00:00Z --to 2026-11-24T00:00:00Z
            """)
    @Argument(help: ArgumentHelp("The subscription's id.", valueName: "subscription-id")) var subscriptionId: String
    @Option(help: ArgumentHelp("From this time (RFC 3339), included.", valueName: "time")) var from: String
    @Option(help: ArgumentHelp("To this time (RFC 3339), excluded.", valueName: "time")) var to: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (json, result) = try global.resolve().connection(to: .notifications).callKeepingJSON(
            DeliveriesReplay.self, .init(subscriptionId: subscriptionId, from: from, to: to))
        StandardStream.output.write(global.json ? JSONText.compact(json) + "\n" : "\(result.count) deliveries to send again\n")
    }
}
