import ArgumentParser
import ODOPMessages

/// `odopctl notifications deliveries list`: every match of `deliveries.list`.
struct DeliveriesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List deliveries by status, subscription or event, in the order they were made.",
        discussion: """
            Examples:
              odopctl notifications deliveries list --status dead
              odopctl notifications deliveries list --subscription sub_3k9x7m2q8r4t6v1w5y0z2a4c6e --limit 20
              odopctl notifications deliveries list --event 7b0c3c39-8d1e-4f57-9a51-3a3f1f0f4a10 --json
            """
    )

    @Option(help: ArgumentHelp("Only deliveries in this status.", valueName: "status"))
    var status: DeliveryStatus?

    @Option(name: .customLong("subscription"), help: ArgumentHelp("Only this subscription's.", valueName: "id"))
    var subscriptionId: String?

    @Option(name: .customLong("event"), help: ArgumentHelp("Only this event's.", valueName: "id"))
    var eventId: String?

    @Option(help: ArgumentHelp("At most this many deliveries. (default: all)", valueName: "n"))
    var limit: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .notifications)
        let listing = PagedListing<NotificationDelivery>(
            connection: connection, command: DeliveriesList.name, limit: limit, noun: "delivery")
        try listing.run(
            json: global.json,
            arguments: { offset, count throws(OdopctlFailure) in
                try connection.encode(
                    DeliveriesList.self,
                    .init(
                        status: status, subscriptionId: subscriptionId, eventId: eventId, limit: count, offset: offset))
            },
            table: DeliveryViews.table)
    }
}
