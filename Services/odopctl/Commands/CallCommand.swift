import ArgumentParser
import Foundation
import ODOPClient
import ODOPMessages

/// `odopctl call SERVICE COMMAND [JSON-ARGS]`: any command, with raw JSON arguments.
struct CallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Send any command to a service, with its arguments as JSON.",
        discussion: """
            The escape hatch: sends {"id", "command", "args"} exactly as given and prints the \
            result, indented for people or compact with --json. A refusal prints \
            "error: <code>: <message> (field: <field>)" on stderr and exits with the code of \
            its class (see odopctl --help).

            The request id is new for every call unless --id gives one. A service keeps its \
            replies for a while and answers a repeated id with the stored reply, so calling \
            again with the same --id never applies a mutating command twice.

            Commands every service answers: health, events.replay {after, limit}, \
            subscriptions.list, subscriptions.retry {source}, subscriptions.skip {source, seq, \
            reason}. The others are in docs/PROTOCOL.md.

            Examples:
              odopctl call catalogue health
              odopctl call catalogue product.search '{"state": "Uttar Pradesh", "limit": 5}'
              odopctl call exports subscriptions.list --json | jq .subscriptions
              echo '{"id": "p-5c0e6a4e-2b1f-4d3a-9e8c-1f2a3b4c5d6e"}' | odopctl call catalogue product.get -
              odopctl call catalogue product.retire '{"id": "p-5c0e6a4e-2b1f-4d3a-9e8c-1f2a3b4c5d6e"}' --id retire-chikankari
            """
    )

    @Argument(help: ArgumentHelp("The service.", valueName: "service"))
    var service: ServiceName

    @Argument(
        help: ArgumentHelp("The command name, e.g. health or product.search.", valueName: "command"),
        completion: .list(CallCommand.knownCommands))
    var command: String

    @Argument(
        help: ArgumentHelp(
            "The arguments: a JSON object, or - to read it from stdin. (default: {})", valueName: "json-args"))
    var arguments: String?

    @Option(help: ArgumentHelp("The request id (default: a new UUID).", valueName: "id"))
    var id: String?

    @OptionGroup var global: GlobalOptions

    /// What completion offers for COMMAND: the commands every service answers.
    static let knownCommands = [
        "health", "events.replay", "subscriptions.list", "subscriptions.retry", "subscriptions.skip",
    ]

    func validate() throws {
        if command.isEmpty { throw ValidationError("the command name must not be empty") }
        if let id, id.isEmpty { throw ValidationError("--id must not be empty") }
    }

    func run() throws {
        let args = try parsedArguments()
        let settings = try global.resolve()
        let connection = try settings.connection(to: service)
        let result = try connection.call(command, args: args, id: id ?? CommandClient.newRequestID())
        StandardStream.output.writeLine(global.json ? JSONText.compact(result) : JSONText.pretty(result))
    }

    /// JSON-ARGS as an object; anything else is a usage error.
    private func parsedArguments() throws(OdopctlFailure) -> JSONValue {
        guard var text = arguments else { return [:] }
        if text == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        let value: JSONValue
        do {
            value = try WireFormat.parse(Data(text.utf8))
        } catch {
            throw .usage("JSON-ARGS is not valid JSON: \(error.message)", help: "call")
        }
        guard case .object = value else {
            throw .usage(
                "JSON-ARGS must be a JSON object such as '{\"id\": \"p-5c0e6a4e-2b1f-4d3a-9e8c-1f2a3b4c5d6e\"}', not \(value)", help: "call"
            )
        }
        return value
    }
}
