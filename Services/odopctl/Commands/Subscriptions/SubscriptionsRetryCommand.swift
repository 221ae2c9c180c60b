import ArgumentParser
import ODOPMessages

/// `odopctl subscriptions retry`: `subscriptions.retry`.
struct SubscriptionsRetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Try again the event a stalled subscription is stopped at.",
        discussion: """
            Use it once the cause is fixed (a missing district registered, a bug deployed). \
            Prints the subscription's state afterwards: running again when the event applied, \
            still stalled (with the new error) when it did not.

            Examples:
              odopctl subscriptions retry --service exports --source catalogue
            """
    )

    @Option(help: ArgumentHelp("The subscribing service.", valueName: "service"))
    var service: ServiceName

    @Option(
        help: ArgumentHelp("The source it subscribes to, e.g. catalogue.", valueName: "source"),
        completion: .list(ServiceName.allCases.map(\.rawValue)))
    var source: String

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if source.isEmpty { throw ValidationError("--source must not be empty") }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: service)
        let (json, status) = try connection.callKeepingJSON(SubscriptionRetry.self, .init(source: source))
        SubscriptionOutcome.print(json: json, status: status, asJSON: global.json)
    }
}

/// How retry and skip show the subscription afterwards.
enum SubscriptionOutcome {
    static func print(json: JSONValue, status: SubscriptionStatus, asJSON: Bool) {
        if asJSON {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        var text = SubscriptionTables.statuses([status]).rendered
        for line in SubscriptionTables.stalledDetails([status]) { text += "\n" + line + "\n" }
        StandardStream.output.write(text)
    }
}
