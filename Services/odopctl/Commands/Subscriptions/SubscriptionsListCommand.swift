import ArgumentParser
import ODOPMessages

/// `odopctl subscriptions list`: `subscriptions.list`.
struct SubscriptionsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show where each of a service's subscriptions stands, and the events ever skipped.",
        discussion: """
            One line per source the service subscribes to: the last seq applied, the source's \
            last seq, the lag, and the state (running, catching_up, disconnected, or stalled \
            at an event with its error). Then every event an admin skipped, with the reason.

            Examples:
              odopctl subscriptions list --service exports
              odopctl subscriptions list --service notifications --json
            """
    )

    @Option(help: ArgumentHelp("The subscribing service.", valueName: "service"))
    var service: ServiceName

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: service)
        let (json, list) = try connection.callKeepingJSON(SubscriptionsList.self, NoArguments())
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        guard !list.subscriptions.isEmpty || !list.skipped.isEmpty else {
            StandardStream.output.writeLine("\(service.rawValue) subscribes to no other service.")
            return
        }
        var text = SubscriptionTables.statuses(list.subscriptions).rendered
        let details = SubscriptionTables.stalledDetails(list.subscriptions)
        if !details.isEmpty { text += "\n" + details.map { $0 + "\n" }.joined() }
        if !list.skipped.isEmpty {
            text += "\nSkipped events:\n" + SubscriptionTables.skipped(list.skipped).rendered
        }
        StandardStream.output.write(text)
    }
}
