import ArgumentParser
import ODOPMessages

/// `odopctl notifications subscriptions create`: `subscription.create`.
struct NotificationSubscriptionsCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Make a subscription; a webhook's secret is printed this once.",
        discussion: """
            Give exactly one of --webhook URL, --file PATH (an absolute path; JSON lines) or \
            --log LABEL, at least one --type, and optionally --state, --district, --sector, \
            --language (en, hi), --mode (immediate, hourly, daily) with --digest-at HH:MM (IST). \
            The service refuses a URL in loopback, link-local or private ranges unless its \
            deployment allows them. The webhook secret (whsec_...) is shown in this reply only.

            Examples:
              odopctl notifications subscriptions create --name "DEPC Agra" --role "DEPC member" \\
                  --webhook https://depc-agra.example.in/odop --type exports.plan. --state UP --language hi
              odopctl notifications subscriptions create --name "DIC Moradabad" --role "district officer" \\
                  --file /var/lib/odop/outbox/dic.jsonl --type training. --district Moradabad --mode daily
            """
    )

    @Option(help: ArgumentHelp("The recipient's name.", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("The recipient's role: DEPC member, SEPC, district officer, exporter body, ...", valueName: "role"))
    var role: String

    @Option(help: ArgumentHelp("Deliver to this URL, signed by Standard Webhooks.", valueName: "url"))
    var webhook: String?

    @Option(help: ArgumentHelp("Append JSON lines to this file (absolute path).", valueName: "path"))
    var file: String?

    @Option(help: ArgumentHelp("Write a line to the service's log, with this label.", valueName: "label"))
    var log: String?

    @OptionGroup var filter: NotificationSubscriptionFilterOptions

    @Option(help: ArgumentHelp("en (default) or hi.", valueName: "language"))
    var language: MessageLanguage?

    @Option(help: ArgumentHelp("immediate (default), hourly or daily.", valueName: "mode"))
    var mode: DeliveryMode?

    @Option(help: ArgumentHelp("For daily digests: when the day's window ends, HH:MM IST (default 09:00).", valueName: "HH:MM"))
    var digestAt: String?

    @Flag(help: "Send in parallel instead of one at a time in event order.")
    var unordered = false

    @OptionGroup var global: GlobalOptions

    var channel: (ChannelKind, String)? {
        if let webhook { return (.webhook, webhook) }
        if let file { return (.file, file) }
        if let log { return (.log, log) }
        return nil
    }

    func validate() throws {
        if [webhook, file, log].compactMap({ $0 }).count != 1 {
            throw ValidationError("give exactly one of --webhook, --file or --log")
        }
        if filter.types.isEmpty { throw ValidationError("give at least one --type (an event-type prefix such as exports.plan.)") }
    }

    func run() throws {
        guard let (kind, target) = channel, let filter = filter.filter else { return }
        let connection = try global.resolve().connection(to: .notifications)
        let (json, result) = try connection.callKeepingJSON(
            SubscriptionCreate.self,
            .init(
                recipient: Recipient(name: name, role: role), channel: kind.rawValue, target: target, filter: filter,
                language: language?.rawValue, mode: mode?.rawValue, digestAt: digestAt, ordered: unordered ? false : nil))
        NotificationSubscriptionViews.print(result.subscription, json: json, asJSON: global.json, secret: result.secret)
    }
}
