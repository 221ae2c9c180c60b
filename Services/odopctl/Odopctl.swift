import ArgumentParser
import Foundation

/// `odopctl`: the operators' tool for the ODOP services.
@main
struct Odopctl: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "odopctl",
        abstract: "Operate the ODOP services: catalogue, exports and training data, health, events, subscriptions and any command.",
        discussion: """
            odopctl talks to the ODOP services (catalogue, exports, training, notifications) \
            over their ZeroMQ command and event sockets, as any other client of the protocol \
            would. Every command prints aligned text for people, or JSON for scripts with --json.

            Where the services are: each endpoint comes from its flag, else the environment \
            variable of the same name, else the config file, else the local default:
              --catalogue-commands      ODOP_CATALOGUE_COMMANDS      tcp://127.0.0.1:7101
              --catalogue-events        ODOP_CATALOGUE_EVENTS        tcp://127.0.0.1:7102
              (exports 7201/7202, training 7301/7302, notifications 7401/7402 likewise)
            The config file is --config FILE, else $ODOP_CONFIG, else \
            ~/.config/odop/odopctl.conf when it exists: KEY=VALUE lines with the environment's \
            names, # for comments. When the services use CURVE, give odopctl its key pair \
            (--curve-public-key-file, --curve-secret-key-file) and each service's public key \
            (--catalogue-public-key-file, ...), or the ODOP_..._FILE variables of the same \
            names. Every command takes these flags; --help-hidden lists them.

            Each reply attempt waits --timeout seconds (default 3) and a request is sent again \
            up to --retries times (default 2) with the same request id, so the service applies \
            it once.

            Exit codes:
            \(ExitStatus.helpTable)

            Examples:
              odopctl status
              odopctl status --service catalogue --json
              odopctl catalogue import "One District One Product.csv"
              odopctl catalogue products list --state "Uttar Pradesh" --sector handicraft
              odopctl exports plans adopt deap-UP-agra-1 --date 2024-09-12 --reference R-14
              odopctl notifications deliveries list --status dead
              odopctl training report funnel --group-by district --csv > funnel.csv
              odopctl events tail --type catalogue.product.
              odopctl top
              odopctl trace 6f1c2d3e-retire-1
              odopctl events replay --service catalogue --after 1200 --json > events.jsonl
              odopctl call catalogue product.get '{"id": "p-5c0e6a4e-2b1f-4d3a-9e8c-1f2a3b4c5d6e"}'
              odopctl subscriptions list --service exports
              odopctl keys generate odopctl --dir keys --role admin
              odopctl --generate-completion-script bash > /etc/bash_completion.d/odopctl
            """,
        version: version,
        groupedSubcommands: [
            CommandGroup(
                name: "Services",
                subcommands: [CatalogueCommand.self, ExportsCommand.self, TrainingCommand.self, NotificationsCommand.self]),
            CommandGroup(
                name: "Health and events", subcommands: [StatusCommand.self, TopCommand.self, EventsCommand.self, TraceCommand.self]),
            CommandGroup(
                name: "Operations", subcommands: [SubscriptionsCommand.self, BackupCommand.self, CallCommand.self, KeysCommand.self]),
        ]
    )

    /// Runs the command line, mapping every way it can end onto the exit codes of `--help`.
    static func main() {
        let status: ExitStatus
        do {
            var command = try parseAsRoot()
            try command.run()
            status = .success
        } catch let failure as OdopctlFailure {
            StandardStream.error.writeLines(failure.lines)
            status = failure.status
        } catch {
            // Help, --version and completion scripts end here too, with success.
            if exitCode(for: error).isSuccess { exit(withError: error) }
            StandardStream.error.writeLine(fullMessage(for: error))
            status = .usage
        }
        Foundation.exit(status.rawValue)
    }
}
