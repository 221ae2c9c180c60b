import ArgumentParser
import ODOPMessages

/// `odopctl notifications subscriptions list`: every match of `subscription.list`.
struct NotificationSubscriptionsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the subscriptions, oldest first, page by page.",
        discussion: """
            For people: a table with each subscription's recipient, channel, target, types, \
            language, mode and status. With --json: one JSON array of the subscriptions as the \
            service sent them (never with secrets).

            Examples:
              odopctl notifications subscriptions list --status disabled
            """
    )

    @Option(help: ArgumentHelp("Only subscriptions in this status.", valueName: "status"))
    var status: NotificationSubscriptionStatus?

    @Option(help: ArgumentHelp("At most this many subscriptions. (default: all)", valueName: "n"))
    var limit: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .notifications)
        let listing = PagedListing<NotificationSubscription>(
            connection: connection, command: SubscriptionList.name, limit: limit, noun: "subscription")
        try listing.run(
            json: global.json,
            arguments: { offset, count throws(OdopctlFailure) in
                try connection.encode(SubscriptionList.self, .init(status: status, limit: count, offset: offset))
            },
            table: NotificationSubscriptionViews.table)
    }
}
