import ArgumentParser
import ODOPMessages

/// `odopctl subscriptions resync`: `subscriptions.resync`.
struct SubscriptionsResyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resync",
        abstract: "Accept a source that was restored from a backup, and go on after a given seq.",
        discussion: """
            A subscription stalls with type <source>.restored when its source's epoch changes \
            or the source's last seq falls below the subscription's cursor: the source was \
            restored from a backup and may reuse seqs this service applied already. Either \
            rebuild this service from an empty database (it catches up from seq 1), or accept \
            the restored source here: --epoch must be the epoch the source reports now \
            (odopctl status --json shows it), and --after the last seq to treat as applied. \
            Effects of events the restored source no longer has stay in this service.

            Examples:
              odopctl subscriptions resync --service exports --source catalogue \\
                  --epoch 0b9e6a1c-3f5d-4e8a-9c71-2d4b6f8a0e13 --after 1180
            """
    )

    @Option(help: ArgumentHelp("The subscribing service.", valueName: "service"))
    var service: ServiceName

    @Option(
        help: ArgumentHelp("The source it subscribes to, e.g. catalogue.", valueName: "source"),
        completion: .list(ServiceName.allCases.map(\.rawValue)))
    var source: String

    @Option(help: ArgumentHelp("The epoch the restored source reports now.", valueName: "uuid"))
    var epoch: String

    @Option(help: ArgumentHelp("Go on after this seq of the restored source.", valueName: "seq"))
    var after: Int64

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if source.isEmpty { throw ValidationError("--source must not be empty") }
        if epoch.isEmpty { throw ValidationError("--epoch must not be empty") }
        if after < 0 { throw ValidationError("--after must be at least 0, got \(after)") }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: service)
        let (json, status) = try connection.callKeepingJSON(
            SubscriptionResync.self, .init(source: source, epoch: epoch, after: after))
        SubscriptionOutcome.print(json: json, status: status, asJSON: global.json)
    }
}
