import ODOPClient
import ODOPMessages

/// One service's command socket as odopctl uses it: a Lazy Pirate `CommandClient`, with every
/// failure turned into what odopctl prints and the exit status it ends with.
struct ServiceConnection: Sendable {
    /// How a request ended.
    enum Outcome: Sendable {
        /// The service answered ok.
        case result(JSONValue)
        /// The service answered with an error.
        case refused(CommandError)
        /// No usable reply: no answer in time (`unavailable`) or one odopctl cannot read.
        case unreachable(CommandError)
    }

    let service: ServiceName
    let endpoint: String
    let client: CommandClient

    init(service: ServiceName, endpoint: String, options: CommandClient.Options) throws(OdopctlFailure) {
        self.service = service
        self.endpoint = endpoint
        do {
            client = try CommandClient(endpoint: endpoint, options: options)
        } catch {
            throw OdopctlFailure(.internal, ["error: cannot open a ZeroMQ context: \(error)"])
        }
    }

    /// Sends `command` and reports how it ended, without throwing.
    func request(_ command: String, args: JSONValue = [:], id: String = CommandClient.newRequestID()) -> Outcome {
        let reply: CommandReply
        do {
            reply = try client.send(CommandRequest(id: id, command: command, args: args))
        } catch {
            return .unreachable(error)
        }
        switch reply {
        case .success(_, let result): return .result(result)
        case .failure(_, let error): return .refused(error)
        }
    }

    /// Sends `command` and returns its result; any failure becomes the `OdopctlFailure` to exit with.
    func call(_ command: String, args: JSONValue = [:], id: String = CommandClient.newRequestID()) throws(OdopctlFailure) -> JSONValue {
        switch request(command, args: args, id: id) {
        case .result(let result): return result
        case .refused(let error): throw .refusal(error, service: service, endpoint: endpoint)
        case .unreachable(let error): throw .transport(error, service: service, endpoint: endpoint)
        }
    }

    /// Calls a typed command: encodes the arguments and decodes the result.
    func call<C: CommandSchema>(_ command: C.Type, _ arguments: C.Arguments) throws(OdopctlFailure) -> C.Result {
        try callKeepingJSON(command, arguments).value
    }

    /// Calls a typed command, keeping the result's JSON as the service sent it (for `--json`,
    /// so members this build does not know are not lost) beside the decoded value.
    func callKeepingJSON<C: CommandSchema>(
        _ command: C.Type, _ arguments: C.Arguments
    ) throws(OdopctlFailure) -> (json: JSONValue, value: C.Result) {
        let args: JSONValue
        do {
            args = try JSONValue(encoding: arguments)
        } catch {
            throw OdopctlFailure(.internal, ["error: cannot encode the arguments of \(C.name): \(error)"])
        }
        let json = try call(C.name, args: args)
        return (json, try decode(C.Result.self, from: json, command: C.name))
    }

    /// Decodes a result; a result that does not fit is the service's fault (`internal`).
    func decode<T: Decodable>(_ type: T.Type, from json: JSONValue, command: String) throws(OdopctlFailure) -> T {
        do {
            return try json.decode(type, as: .internal)
        } catch {
            throw OdopctlFailure(
                .internal, ["error: unreadable result of \(command) from \(service.rawValue) at \(endpoint): \(error)"])
        }
    }
}
