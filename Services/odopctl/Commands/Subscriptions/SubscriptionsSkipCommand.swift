import ArgumentParser
import ODOPMessages

/// `odopctl subscriptions skip`: `subscriptions.skip`.
struct SubscriptionsSkipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skip",
        abstract: "Give up on the event a stalled subscription is stopped at, and go on after it.",
        discussion: """
            The service skips the event only when the subscription is stalled at exactly \
            --seq, so a skip never hits the wrong event; the skip and its --reason are kept and \
            shown by subscriptions list. The event's effects are lost for this service: prefer \
            retry when the cause can be fixed.

            Examples:
              odopctl subscriptions skip --service exports --source catalogue --seq 1201 \\
                  --reason "test product registered in production by mistake"
            """
    )

    @Option(help: ArgumentHelp("The subscribing service.", valueName: "service"))
    var service: ServiceName

    @Option(
        help: ArgumentHelp("The source it subscribes to, e.g. catalogue.", valueName: "source"),
        completion: .list(ServiceName.allCases.map(\.rawValue)))
    var source: String

    @Option(help: ArgumentHelp("The seq of the event the subscription is stalled at.", valueName: "seq"))
    var seq: Int64

    @Option(help: ArgumentHelp("Why it is skipped (kept on record).", valueName: "text"))
    var reason: String

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if source.isEmpty { throw ValidationError("--source must not be empty") }
        if seq < 1 { throw ValidationError("--seq must be at least 1, got \(seq)") }
        if reason.allSatisfy(\.isWhitespace) { throw ValidationError("--reason must say why") }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: service)
        let (json, status) = try connection.callKeepingJSON(
            SubscriptionSkip.self, .init(source: source, seq: seq, reason: reason))
        SubscriptionOutcome.print(json: json, status: status, asJSON: global.json)
    }
}
