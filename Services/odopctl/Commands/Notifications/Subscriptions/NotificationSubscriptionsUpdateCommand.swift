import ArgumentParser
import ODOPMessages

/// `odopctl notifications subscriptions update`: `subscription.update`.
struct NotificationSubscriptionsUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a subscription's recipient, target, filter, language, mode or order.",
        discussion: """
            Only what is given changes; the filter flags, when any is given, replace the whole \
            filter (give --type again). The channel cannot change: make a new subscription.

            Examples:
              odopctl notifications subscriptions update sub_3k9x7m2q8r4t6v1w5y0z2a4c6e --language en
              odopctl notifications subscriptions update sub_3k9x7m2q8r4t6v1w5y0z2a4c6e --type exports. --district Agra
            """
    )

    @Argument(help: ArgumentHelp("The subscription's id.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("The recipient's new name (with --role).", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("The recipient's new role (with --name).", valueName: "role"))
    var role: String?

    @Option(help: ArgumentHelp("The new URL, path or label.", valueName: "target"))
    var target: String?

    @OptionGroup var filter: NotificationSubscriptionFilterOptions

    @Option(help: ArgumentHelp("en or hi.", valueName: "language"))
    var language: MessageLanguage?

    @Option(help: ArgumentHelp("immediate, hourly or daily.", valueName: "mode"))
    var mode: DeliveryMode?

    @Option(help: ArgumentHelp("For daily digests: HH:MM IST.", valueName: "HH:MM"))
    var digestAt: String?

    @Option(help: ArgumentHelp("true: one at a time in event order; false: in parallel.", valueName: "bool"))
    var ordered: Bool?

    @Option(help: ArgumentHelp("The subscription's current version; refused (conflict) if it changed.", valueName: "n"))
    var expectedVersion: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if (name == nil) != (role == nil) { throw ValidationError("give --name and --role together") }
    }

    func run() throws {
        var arguments = SubscriptionUpdate.Arguments(id: id, expectedVersion: expectedVersion)
        if let name, let role { arguments.recipient = Recipient(name: name, role: role) }
        arguments.target = target
        arguments.filter = filter.filter
        arguments.language = language?.rawValue
        arguments.mode = mode?.rawValue
        arguments.digestAt = digestAt
        arguments.ordered = ordered
        let connection = try global.resolve().connection(to: .notifications)
        let (json, subscription) = try connection.callKeepingJSON(SubscriptionUpdate.self, arguments)
        NotificationSubscriptionViews.print(subscription, json: json, asJSON: global.json)
    }
}
